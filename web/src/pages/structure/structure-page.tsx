/**
 * /structure/:id — a structure's dashboard: its status, its offers in every status with counts and
 * « à confirmer » flags, one-click « rien n'a changé » per offer and for the whole structure, and the
 * ways to its fiche, its people, its history and the orientations it received (with their counts).
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import type { Me } from '../../api/types.ts';
import type { EditableOffer, Structure, StructureOffers } from '../../api/space-types.ts';
import { confirmStructure, getStructure, getStructureOffers, offerAction } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { dateText, plural } from '../../format.ts';
import { managesStructure, roleIn } from '../../structure/roles.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { OverdueBadge } from '../../components/ui/badges.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { SignedIn } from '../../components/spaces/signed-in.tsx';
import { StatusBadge } from '../../components/spaces/status-badges.tsx';
import { StructureStatusNotice } from './my-structures-page.tsx';
import { TableWrap } from '../../components/spaces/table-wrap.tsx';
import '../../styles/spaces.css';

const FILTERS = [
  { key: 'toutes', label: 'Toutes' },
  { key: 'a-confirmer', label: 'À confirmer' },
  { key: 'draft', label: 'Brouillons' },
  { key: 'published', label: 'Publiées' },
  { key: 'suspended', label: 'Suspendues' },
  { key: 'archived', label: 'Archivées' },
] as const;
type Filter = (typeof FILTERS)[number]['key'];

/** Every offer of the structure (pages of 50), with its counts. */
async function allOffers(structureId: string, signal: AbortSignal): Promise<StructureOffers> {
  const first = await getStructureOffers(structureId, 'all', 1, signal);
  const items = [...first.items];
  for (let page = 2; items.length < first.total && page <= 20; page++) items.push(...(await getStructureOffers(structureId, 'all', page, signal)).items);
  return { ...first, items };
}

function countOf(data: StructureOffers, filter: Filter): number {
  if (filter === 'toutes') return data.total;
  if (filter === 'a-confirmer') return data.counts.overdue;
  return data.counts[filter];
}

const matches = (o: EditableOffer, filter: Filter) => filter === 'toutes' || (filter === 'a-confirmer' ? o.overdue && o.status === 'published' : o.status === filter);

function OfferRow({ offer, onConfirmed }: { offer: EditableOffer; onConfirmed: (o: EditableOffer) => void }) {
  const submit = useSubmit();
  const [confirmed, setConfirmed] = useState(false);
  const confirmable = offer.status === 'published' || offer.status === 'suspended';
  return (
    <tr>
      <th scope="row">
        <a href={`/structure/offres/${offer.id}`}>{offer.name}</a>
      </th>
      <td>
        <span class="badges">
          <StatusBadge kind="offer" status={offer.status} />
          {offer.overdue && offer.status === 'published' && <OverdueBadge />}
        </span>
        {offer.status === 'suspended' && offer.suspended_until && <span class="hint"> jusqu’au {dateText(offer.suspended_until)}</span>}
      </td>
      <td>{offer.completeness != null ? `${Math.round(offer.completeness * 100)} %` : '—'}</td>
      <td>{offer.confirmed_at ? dateText(offer.confirmed_at) : 'jamais'}</td>
      <td>
        {confirmable && !confirmed && (
          <button
            type="button"
            class="button button--secondary button--small"
            disabled={submit.submitting}
            aria-label={`Rien n’a changé : confirmer « ${offer.name} »`}
            onClick={async () => {
              const result = await submit.run(() => offerAction(offer.id, 'confirm'));
              if (!result) return;
              setConfirmed(true);
              onConfirmed(result);
            }}
          >
            Rien n’a changé
          </button>
        )}
        {confirmed && (
          <span class="confirmed" role="status">
            <Icon name="check" size={16} />
            Confirmée
          </span>
        )}
        {submit.formError && <span class="field__error">{submit.formError.userMessage}</span>}
      </td>
    </tr>
  );
}

function Dashboard({ me, structure, filter }: { me: Me; structure: Structure; filter: Filter }) {
  const offers = useAsync((signal) => allOffers(structure.id, signal), [structure.id]);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowNotice, setRowNotice] = useState<string | null>(null);
  const confirming = useSubmit();
  const data = offers.data;
  const role = roleIn(me, structure);
  const manager = managesStructure(role);

  const confirmAll = async () => {
    const result = await confirming.run(() => confirmStructure(structure.id, true));
    if (!result) return;
    setNotice(`Merci : la structure et ${plural(result.confirmed_offers.length, 'offre publiée ou suspendue', 'offres publiées ou suspendues')} sont confirmées à jour aujourd’hui.`);
    offers.reload();
  };

  return (
    <>
      <header class="space-header">
        <p class="badges">
          <StatusBadge kind="structure" status={structure.status} />
          {role && <span class="badge badge--muted">{role === 'admin' ? 'Vous êtes administrateur' : role === 'member' ? 'Vous êtes membre' : 'Vous coordonnez ce département'}</span>}
        </p>
        <h1>{structure.name}</h1>
        <p class="lead">{[structure.address, structure.commune_name].filter(Boolean).join(', ')}</p>
        <StructureStatusNotice structure={structure} />
        <nav class="space-nav" aria-label="Espace de la structure">
          <ul>
            <li>
              <a class="button" href={`/structure/${structure.id}/nouvelle-offre`}>
                <Icon name="plus" />
                Nouvelle offre
              </a>
            </li>
            {manager && (
              <li>
                <a class="button button--secondary" href={`/structure/${structure.id}/fiche`}>
                  Fiche de la structure
                </a>
              </li>
            )}
            <li>
              <a class="button button--secondary" href={`/structure/${structure.id}/membres`}>
                <Icon name="users" />
                Membres
              </a>
            </li>
            {offers.data?.orientations && (
              <li>
                <a class="button button--secondary" href={`/structure/${structure.id}/orientations`} data-testid="received-orientations">
                  <Icon name="mail" />
                  Orientations reçues
                  {offers.data.orientations.sent > 0 ? ` (${offers.data.orientations.sent} en attente)` : ` (${Object.values(offers.data.orientations).reduce((a, b) => a + b, 0)})`}
                </a>
              </li>
            )}
            <li>
              <a class="button button--secondary" href={`/structure/${structure.id}/historique`}>
                <Icon name="clock" />
                Historique
              </a>
            </li>
          </ul>
        </nav>
      </header>

      {manager && structure.status !== 'archived' && structure.status !== 'rejected' && (
        <section class="panel confirm-all" aria-labelledby="tout-confirmer">
          <h2 id="tout-confirmer">Tout est à jour ?</h2>
          <p>
            Dernière confirmation de la structure : {structure.confirmed_at ? dateText(structure.confirmed_at) : 'jamais'}. Si rien n’a changé, un clic confirme la fiche de la structure et toutes ses
            offres publiées ou suspendues.
          </p>
          {notice && <SuccessNotice message={notice} />}
          {confirming.formError && <ErrorNotice message={confirming.formError.userMessage} />}
          <button type="button" class="button" disabled={confirming.submitting} onClick={confirmAll}>
            Rien n’a changé pour toute la structure
          </button>
        </section>
      )}

      <section class="panel" aria-labelledby="offres-titre">
        <h2 id="offres-titre">Offres</h2>
        {offers.error && <ErrorNotice message={offers.error.userMessage} onRetry={offers.reload} />}
        {!offers.data && !offers.error && <Loading label="Chargement des offres…" />}
        {offers.data && (
          <>
            <nav class="filter-tabs" aria-label="Filtrer les offres">
              <ul>
                {FILTERS.map((f) => (
                  <li>
                    <a href={f.key === 'toutes' ? `/structure/${structure.id}` : `/structure/${structure.id}?statut=${f.key}`} aria-current={f.key === filter ? 'true' : undefined} data-filter={f.key}>
                      {f.label} <span class="count">{countOf(data!, f.key)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <p role="status" class="inline-status">
              {rowNotice}
            </p>
            {offers.data.total === 0 ? (
              <p>
                Aucune offre pour l’instant. <a href={`/structure/${structure.id}/nouvelle-offre`}>Décrire une première offre</a> : ateliers, accompagnements, permanences…
              </p>
            ) : (
              <TableWrap labelledBy="offres-titre">
                <table class="data-table" aria-labelledby="offres-titre">
                  <thead>
                    <tr>
                      <th scope="col">Offre</th>
                      <th scope="col">Statut</th>
                      <th scope="col">Complétude</th>
                      <th scope="col">Confirmée le</th>
                      <th scope="col">
                        <span class="sr-only">Action</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {offers.data.items
                      .filter((o) => matches(o, filter))
                      .map((o) => (
                        <OfferRow
                          key={o.id}
                          offer={o}
                          onConfirmed={(confirmed) => {
                            setRowNotice(`« ${confirmed.name} » est confirmée à jour aujourd’hui.`);
                            offers.reload();
                          }}
                        />
                      ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        )}
      </section>
    </>
  );
}

export function StructurePage({ params, query }: PageProps) {
  const structure = useAsync((signal) => getStructure(params.id!, signal), [params.id]);
  useTitle(structure.data?.name ?? 'Structure');
  const raw = query.get('statut') ?? 'toutes';
  const filter: Filter = FILTERS.some((f) => f.key === raw) ? (raw as Filter) : 'toutes';
  return (
    <SignedIn title="Espace de la structure" why="Connectez-vous avec votre compte professionnel pour gérer l’offre de votre structure.">
      {(me) => (
        <div class="page-wide">
          <p>
            <a class="back-link" href="/structure">
              <Icon name="arrowLeft" />
              Ma structure
            </a>
          </p>
          {structure.error && <ErrorNotice title={structure.error.status === 404 ? 'Structure introuvable' : 'Structure indisponible'} message={structure.error.userMessage} />}
          {!structure.data && !structure.error && <Loading />}
          {structure.data && <Dashboard me={me} structure={structure.data} filter={filter} />}
        </div>
      )}
    </SignedIn>
  );
}
