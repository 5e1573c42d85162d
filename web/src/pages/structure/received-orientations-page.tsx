/**
 * /structure/:id/orientations — « Orientations reçues »: what professionals sent to the structure,
 * newest first (status, date, action, session, the person's name), filtered by status. Each opens
 * the answer page with the member's session (accept, refuse, write to the professional), the same
 * page a mailed link opens. Members only: the API refuses others.
 */
import type { PageProps } from '../../routes.ts';
import { navigate } from '../../router.ts';
import { structureOrientations } from '../../api/orientations.ts';
import type { OrientationStatusValue } from '../../../../api/domain/orientation-choices.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateText, plural } from '../../format.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { StatusBadge } from '../../components/orientations/status-badge.tsx';
import { StatusFilter, statusOf } from '../../components/orientations/status-filter.tsx';
import { TableWrap } from '../../components/spaces/table-wrap.tsx';
import { WithStructure } from './structure-loader.tsx';
import { de } from '../../lib/french.ts';
import '../../styles/spaces.css';
import '../../styles/orientations.css';

function Inbox({ structureId, status }: { structureId: string; status: OrientationStatusValue | '' }) {
  const list = useAsync((signal) => structureOrientations(structureId, { status }, signal), [structureId, status]);
  if (list.error) return <ErrorNotice message={list.error.status === 403 ? 'Seuls les membres de la structure voient les orientations qu’elle a reçues.' : list.error.userMessage} onRetry={list.reload} />;
  if (!list.data) return <Loading label="Chargement des orientations reçues…" />;
  const { items, total } = list.data;
  return (
    <>
      <p aria-live="polite">{total === 0 ? 'Aucune orientation reçue.' : `${plural(total, 'orientation')}${total > items.length ? ` (les ${items.length} plus récentes)` : ''}.`}</p>
      {items.length > 0 && (
        <TableWrap label="Orientations reçues">
          <table class="data-table received-orientations">
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Action</th>
                <th scope="col">Reçue le</th>
                <th scope="col">Statut</th>
                <th scope="col">Session</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr data-orientation={o.id}>
                  <th scope="row">
                    <a href={`/orientations/${o.id}/reponse`} aria-label={`Ouvrir l’orientation ${de(o.beneficiary ? `${o.beneficiary.first_name} ${o.beneficiary.last_name}` : 'une personne', { person: true })} vers ${o.offer.name}`}>
                      {o.beneficiary ? `${o.beneficiary.first_name} ${o.beneficiary.last_name}` : 'données effacées'}
                    </a>
                    {o.prescriber && <span class="hint"> — orientée par {o.prescriber.name}</span>}
                  </th>
                  <td>{o.offer.name}</td>
                  <td>{dateText(o.sent_at)}</td>
                  <td>
                    <StatusBadge status={o.status} />
                    {o.status === 'sent' && o.expires_at && <span class="hint"> expire le {dateText(o.expires_at)}</span>}
                  </td>
                  <td>{o.session?.label ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

export function ReceivedOrientationsPage({ params, query }: PageProps) {
  const status = statusOf(query);
  return (
    <WithStructure id={params.id!} title="Orientations reçues">
      {(structure) => (
        <>
          <h1>Orientations reçues par « {structure.name} »</h1>
          <p class="lead">Les personnes que des professionnels vous orientent. Ouvrez une orientation pour l’accepter, la refuser ou écrire au professionnel.</p>
          <StatusFilter value={status} onValue={(v) => navigate(`/structure/${structure.id}/orientations${v ? `?statut=${v}` : ''}`)} />
          <section class="panel">
            <Inbox structureId={structure.id} status={status} />
          </section>
        </>
      )}
    </WithStructure>
  );
}
