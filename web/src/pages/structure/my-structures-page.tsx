/**
 * /structure — « Ma structure »: the structures of the signed-in person with their status (a new
 * structure waits for the département's validation, said plainly), their offers at a glance, the
 * requests to join still pending, and the way to register or join another one.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import type { Me } from '../../api/types.ts';
import type { MyStructure } from '../../api/space-types.ts';
import { cancelJoinRequest, getMyStructures } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateText, plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SignedIn } from '../../components/spaces/signed-in.tsx';
import { StatusBadge } from '../../components/spaces/status-badges.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import '../../styles/spaces.css';

export function StructureStatusNotice({ structure }: { structure: Pick<MyStructure['structure'], 'status' | 'rejection_reason' | 'departement_code'> }) {
  if (structure.status === 'pending') {
    return (
      <p class="notice notice--warning">
        En attente de validation par la coordination du département{structure.departement_code ? ` (${structure.departement_code})` : ''}. Tant qu’elle n’est pas validée, la structure et ses offres
        n’apparaissent pas dans les recherches ; vous pouvez déjà préparer vos offres.
      </p>
    );
  }
  if (structure.status === 'rejected') return <p class="notice notice--error">Inscription refusée par la coordination{structure.rejection_reason ? ` : « ${structure.rejection_reason} »` : '.'}</p>;
  if (structure.status === 'archived') return <p class="notice notice--info">Structure archivée : elle et ses offres n’apparaissent plus.</p>;
  return null;
}

function offersSummary(s: MyStructure): string {
  const o = s.offers;
  const parts = [plural(o.published, 'offre publiée', 'offres publiées')];
  if (o.draft) parts.push(plural(o.draft, 'brouillon'));
  if (o.suspended) parts.push(plural(o.suspended, 'suspendue', 'suspendues'));
  return parts.join(' · ');
}

function MyStructures(_: { me: Me }) {
  const mine = useAsync((signal) => getMyStructures(signal), []);
  const [cancelled, setCancelled] = useState<string[]>([]);
  if (mine.error) return <ErrorNotice message={mine.error.userMessage} onRetry={mine.reload} />;
  if (!mine.data) return <Loading />;
  const { items, join_requests } = mine.data;
  const requests = join_requests.filter((r) => !cancelled.includes(r.id));
  return (
    <>
      {items.length === 0 && requests.length === 0 && (
        <section class="panel">
          <h2>Référencer votre structure</h2>
          <p>
            Retrouvez votre structure par son SIRET ou par son nom : si elle est déjà référencée, demandez à la rejoindre ; sinon, inscrivez-la en quelques minutes. La coordination du
            département valide chaque nouvelle inscription.
          </p>
          <p>
            <a class="button" href="/structure/inscription">
              Trouver ma structure
            </a>
          </p>
        </section>
      )}
      {items.length > 0 && (
        <ul class="structure-cards">
          {items.map((s) => (
            <li class="panel structure-card">
              <h2>
                <a href={`/structure/${s.structure.id}`}>{s.structure.name}</a>
              </h2>
              <p class="badges">
                <StatusBadge kind="structure" status={s.structure.status} />
                <span class="badge badge--muted">{s.role === 'admin' ? 'Administrateur' : 'Membre'}</span>
                {s.offers.overdue > 0 && (
                  <span class="badge badge--warning">
                    <Icon name="alert" size={14} />
                    {plural(s.offers.overdue, 'offre', 'offres')} à confirmer
                  </span>
                )}
              </p>
              {s.structure.commune_name && <p class="hint">{s.structure.commune_name}</p>}
              <StructureStatusNotice structure={s.structure} />
              <p>{offersSummary(s)}</p>
              {(s.pending_join_requests ?? 0) > 0 && (
                <p>
                  <a href={`/structure/${s.structure.id}/membres`}>{plural(s.pending_join_requests!, 'demande', 'demandes')} pour rejoindre la structure à examiner</a>
                </p>
              )}
              <p>
                <a class="button button--secondary" href={`/structure/${s.structure.id}`}>
                  Ouvrir l’espace de la structure
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {requests.length > 0 && (
        <section class="panel" aria-labelledby="demandes">
          <h2 id="demandes">Vos demandes en attente</h2>
          <ul class="plain-list">
            {requests.map((r) => (
              <li>
                {r.kind === 'claim' ? 'Reprise de' : 'Rejoindre'} <strong>{r.structure.name}</strong>, demandé le {dateText(r.created_at)} —{' '}
                {r.kind === 'claim' ? 'la coordination du département va répondre.' : 'les administrateurs de la structure vont répondre.'}{' '}
                <button type="button" class="button button--tertiary button--small" onClick={() => cancelJoinRequest(r.id).then(() => setCancelled([...cancelled, r.id]), () => mine.reload())}>
                  Annuler la demande
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(items.length > 0 || requests.length > 0) && (
        <p>
          <a href="/structure/inscription">Inscrire ou rejoindre une autre structure</a>
        </p>
      )}
    </>
  );
}

export function MyStructuresPage(_: PageProps) {
  useTitle('Ma structure');
  return (
    <SignedIn title="Ma structure" why="Pour référencer votre structure et tenir son offre à jour, connectez-vous avec votre compte professionnel.">
      {(me) => (
        <div class="page-medium">
          <h1>Ma structure</h1>
          <MyStructures me={me} />
        </div>
      )}
    </SignedIn>
  );
}
