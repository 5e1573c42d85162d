/**
 * /mes-orientations[/:id] — the orientations the signed-in professional sent, newest first, with
 * their status, the answer's reason, the offer's places now; one opens in full (the person, the
 * reasons, the structure's messages, the history, whether the structure's mail was delivered — with
 * « Renvoyer à la structure » — and the structure's and the action's contacts). Nobody else's are ever listed.
 */
import type { PageProps } from '../../routes.ts';
import { navigate } from '../../router.ts';
import { getOrientation, myOrientations, type OrientationSummary } from '../../api/orientations.ts';
import { useAuth } from '../../state/auth.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateText, plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { StatusBadge } from '../../components/orientations/status-badge.tsx';
import { StatusFilter, statusOf } from '../../components/orientations/status-filter.tsx';
import { MessagesAndHistory, RequestFacts } from '../../components/orientations/request-facts.tsx';
import { NoticeBadge, ResendToStructure, StructureContacts } from '../../components/orientations/structure-notice.tsx';
import '../../styles/orientations.css';

function placesText(o: OrientationSummary): string | null {
  const n = o.offer.places_available;
  if (n == null) return null;
  return n === 0 ? 'complet' : plural(n, 'place disponible', 'places disponibles');
}

function Detail({ id }: { id: string }) {
  const detail = useAsync((signal) => getOrientation(id, null, signal), [id]);
  if (detail.error) return <ErrorNotice message={detail.error.userMessage} onRetry={detail.reload} />;
  if (!detail.data) return <Loading label="Chargement de l’orientation…" />;
  return (
    <div class="orientation-detail">
      <ResendToStructure o={detail.data} onSent={detail.reload} />
      <StructureContacts o={detail.data} />
      <RequestFacts o={detail.data} />
      <MessagesAndHistory o={detail.data} />
    </div>
  );
}

function Card({ o, open }: { o: OrientationSummary; open: boolean }) {
  const places = placesText(o);
  const titleId = `orientation-${o.id}`;
  return (
    <li class="panel orientation-card" data-orientation={o.id} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {o.offer.id ? <a href={`/offres/${o.offer.id}`}>{o.offer.name}</a> : o.offer.name}
        <span class="results__sub"> — {o.structure.name}</span>
      </h2>
      <div class="badges">
        <StatusBadge status={o.status} />
        {o.status === 'sent' && <NoticeBadge notice={o.notice} />}
      </div>
      <dl class="facts">
        <dt>Personne</dt>
        <dd>{o.beneficiary ? `${o.beneficiary.first_name} ${o.beneficiary.last_name}` : 'données effacées'}</dd>
        <dt>Envoyée le</dt>
        <dd>{dateText(o.sent_at)}</dd>
        {o.answered_at && (
          <>
            <dt>Réponse le</dt>
            <dd>{dateText(o.answered_at)}</dd>
          </>
        )}
        {o.status === 'sent' && o.expires_at && (
          <>
            <dt>Sans réponse, expire le</dt>
            <dd>{dateText(o.expires_at)}</dd>
          </>
        )}
        {o.refusal_reason_label && (
          <>
            <dt>Motif du refus</dt>
            <dd>{o.refusal_reason_label}</dd>
          </>
        )}
        {o.session && (
          <>
            <dt>Session</dt>
            <dd>{o.session.label}</dd>
          </>
        )}
        {places && (
          <>
            <dt>Places de l’action</dt>
            <dd data-testid="places">{places}</dd>
          </>
        )}
      </dl>
      {open ? (
        <>
          <Detail id={o.id} />
          <p>
            <a href="/mes-orientations">Refermer</a>
          </p>
        </>
      ) : (
        <p>
          <a href={`/mes-orientations/${o.id}`} aria-label={`Voir le détail de l’orientation vers ${o.offer.name}`}>
            Voir le détail
          </a>
        </p>
      )}
    </li>
  );
}

export function MyOrientationsPage({ params, query }: PageProps) {
  useTitle('Mes orientations');
  const auth = useAuth();
  const status = statusOf(query);
  const signedIn = auth.status === 'signed-in';
  const list = useAsync((signal) => (signedIn ? myOrientations({ status }, signal) : Promise.resolve(null)), [status, signedIn]);

  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'anonymous') {
    return (
      <div class="page-narrow">
        <h1>Mes orientations</h1>
        <p>Connectez-vous pour suivre les orientations que vous avez envoyées.</p>
        <p>
          <a class="button" href="/connexion?retour=%2Fmes-orientations">
            Se connecter
          </a>
        </p>
      </div>
    );
  }
  const items = list.data?.items ?? [];
  return (
    <div class="page-medium">
      <h1>Mes orientations</h1>
      <p class="lead">Les demandes que vous avez envoyées aux structures et leurs réponses. Vous recevez aussi un courriel à chaque réponse.</p>
      <StatusFilter value={status} onValue={(v) => navigate(`/mes-orientations${v ? `?statut=${v}` : ''}`)} />
      {list.error && <ErrorNotice message={list.error.userMessage} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading label="Chargement de vos orientations…" />}
      {list.data && (
        <>
          <p aria-live="polite">{list.data.total === 0 ? 'Aucune orientation pour l’instant.' : `${plural(list.data.total, 'orientation')}${list.data.total > items.length ? ` (les ${items.length} plus récentes)` : ''}.`}</p>
          {list.data.total === 0 && !status && (
            <p>
              Choisissez des actions depuis <a href="/">la recherche</a> ou <a href="/diagnostic">le diagnostic</a>, puis envoyez-les depuis <a href="/orientation">l’orientation</a>.
            </p>
          )}
          {params.id && !items.some((o) => o.id === params.id) && (
            <section class="panel" aria-label="Orientation demandée">
              <Detail id={params.id} />
            </section>
          )}
          <ul class="orientation-list">
            {items.map((o) => (
              <Card o={o} open={params.id === o.id} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
