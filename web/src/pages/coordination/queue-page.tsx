/**
 * /coordination — what waits for the département's coordinators: new structures to validate or
 * refuse (with a reason they will read), claims of structures nobody manages yet, published offers
 * changed since their last review (mark reviewed, or unpublish with a reason), overdue offers, and the
 * error reports sent from the offer pages.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import type { EditableOffer, JoinRequest, ModerationQueue, OfferReport, Structure } from '../../api/space-types.ts';
import { acceptJoinRequest, closeReport, decideStructure, getModerationQueue, getReports, offerAction, refuseJoinRequest } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { useReferentials, label } from '../../state/referentials.ts';
import { dateText, plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { ReasonForm } from '../../components/spaces/reason-form.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { CoordinationFrame } from '../../components/coordination/coordination-frame.tsx';
import '../../styles/spaces.css';
import { de } from '../../lib/french.ts';

const CHANGE_LABELS: Readonly<Record<string, string>> = { create: 'créée', update: 'modifiée', publish: 'publiée' };

/** Two answers to one item (validate / refuse, accept / refuse, reviewed / unpublish), the second one asking why. */
function Decision(p: { yes: string; no: string; noLabel: string; noHint: string; id: string; onYes: () => Promise<unknown>; onNo: (reason: string) => Promise<unknown> }) {
  const [refusing, setRefusing] = useState(false);
  const submit = useSubmit();
  if (refusing) return <ReasonForm id={p.id} label={p.noLabel} hint={p.noHint} submitLabel={p.no} onCancel={() => setRefusing(false)} onSubmit={p.onNo} />;
  return (
    <div class="form-actions">
      <button type="button" class="button" disabled={submit.submitting} onClick={() => submit.run(p.onYes)}>
        {p.yes}
      </button>
      <button type="button" class="button button--secondary" onClick={() => setRefusing(true)}>
        {p.no}…
      </button>
      {submit.formError && <ErrorNotice message={submit.formError.userMessage} />}
    </div>
  );
}

function PendingStructure({ s, onDone }: { s: ModerationQueue['pending_structures']['items'][number]; onDone: (message: string) => void }) {
  const refs = useReferentials();
  return (
    <li class="queue-item" data-structure={s.id}>
      <h3>{s.name}</h3>
      <dl class="facts">
        {s.siret && (
          <>
            <dt>SIRET</dt>
            <dd>{s.siret}</dd>
          </>
        )}
        {s.typology && (
          <>
            <dt>Type</dt>
            <dd>{label(refs.data, 'typologies', s.typology)}</dd>
          </>
        )}
        <dt>Adresse</dt>
        <dd>{[s.address, s.postal_code, s.commune_name].filter(Boolean).join(' ') || 'non renseignée'}</dd>
        <dt>Inscrite</dt>
        <dd>
          le {dateText(s.created_at)}
          {s.admins.length > 0 && ` par ${s.admins.map((a) => `${a.name} (${a.email})`).join(', ')}`}
        </dd>
      </dl>
      {s.description && <p>{s.description}</p>}
      <Decision
        id={`refus-structure-${s.id}`}
        yes="Valider la structure"
        no="Refuser"
        noLabel="Motif du refus"
        noHint="Ses administrateurs le recevront par courriel."
        onYes={async () => {
          await decideStructure(s.id, 'validate');
          onDone(`« ${s.name} » est validée : ses offres publiées sont maintenant visibles. Ses administrateurs en sont informés.`);
        }}
        onNo={async (reason) => {
          await decideStructure(s.id, 'reject', reason);
          onDone(`« ${s.name} » est refusée ; ses administrateurs reçoivent le motif.`);
        }}
      />
    </li>
  );
}

function Claim({ r, onDone }: { r: JoinRequest; onDone: (message: string) => void }) {
  return (
    <li class="queue-item">
      <h3>{r.structure.name}</h3>
      <p>
        {r.requester.name} ({r.requester.email}) demande à reprendre cette structure, que personne ne gère encore, le {dateText(r.created_at)}.
      </p>
      {r.message && <blockquote>{r.message}</blockquote>}
      <Decision
        id={`refus-reprise-${r.id}`}
        yes="Accepter : en faire l’administrateur"
        no="Refuser"
        noLabel="Motif du refus"
        noHint="La personne le recevra par courriel."
        onYes={async () => {
          await acceptJoinRequest(r.id, 'admin');
          onDone(`${r.requester.name} administre maintenant « ${r.structure.name} ».`);
        }}
        onNo={async (reason) => {
          await refuseJoinRequest(r.id, reason);
          onDone(`Demande ${de(r.requester.name, { person: true })} refusée.`);
        }}
      />
    </li>
  );
}

function OfferToReview({ o, onDone }: { o: EditableOffer & { last_change: { action: string; at: string } }; onDone: (message: string) => void }) {
  return (
    <li class="queue-item">
      <h3>
        <a href={`/structure/offres/${o.id}`}>{o.name}</a>
      </h3>
      <p>
        {o.structure.name} — {CHANGE_LABELS[o.last_change.action] ?? o.last_change.action} le {dateText(o.last_change.at)}. <a href={`/offres/${o.id}`}>Voir la fiche publique</a>
      </p>
      <Decision
        id={`depublier-${o.id}`}
        yes="Marquer comme relue"
        no="Dépublier"
        noLabel="Ce qui ne va pas"
        noHint="L’offre redevient un brouillon ; la structure reçoit ce motif par courriel."
        onYes={async () => {
          await offerAction(o.id, 'review');
          onDone(`« ${o.name} » est marquée comme relue.`);
        }}
        onNo={async (reason) => {
          await offerAction(o.id, 'unpublish', { reason });
          onDone(`« ${o.name} » est dépubliée ; la structure en est informée.`);
        }}
      />
    </li>
  );
}

/** An error report: read it, fix the offer if needed, then close it as handled or without follow-up. */
function Report({ r, onDone }: { r: OfferReport; onDone: (message: string) => void }) {
  const submit = useSubmit();
  const close = (decision: 'resolve' | 'dismiss') =>
    submit.run(async () => {
      await closeReport(r.id, decision);
      onDone(decision === 'resolve' ? `Signalement sur « ${r.offer.name} » marqué comme traité.` : `Signalement sur « ${r.offer.name} » classé sans suite.`);
    });
  return (
    <li class="queue-item" data-report={r.id}>
      <p>
        Sur <a href={`/offres/${r.offer.id}`}>{r.offer.name}</a> ({r.structure.name}), le {dateText(r.created_at)}
        {r.email && (
          <>
            {' '}
            — répondre à <a href={`mailto:${r.email}`}>{r.email}</a>
          </>
        )}
      </p>
      <blockquote>{r.message}</blockquote>
      <div class="form-actions">
        <a class="button button--secondary" href={`/structure/offres/${r.offer.id}`}>
          Corriger l’offre
        </a>
        <button type="button" class="button" disabled={submit.submitting} onClick={() => close('resolve')}>
          Marquer comme traité
        </button>
        <button type="button" class="button button--secondary" disabled={submit.submitting} onClick={() => close('dismiss')}>
          Classer sans suite
        </button>
      </div>
      {submit.formError && <ErrorNotice message={submit.formError.userMessage} />}
    </li>
  );
}

function Section({ id, title, total, shown, empty, children }: { id: string; title: string; total: number; shown: number; empty: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">{total}</span>
      </h2>
      {total === 0 ? <p>{empty}</p> : <ul class="plain-list">{children}</ul>}
      {total > shown && <p class="hint">Les {shown} plus anciens sont affichés.</p>}
    </section>
  );
}

function Queue({ dept }: { dept: string }) {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const queue = useAsync((signal) => getModerationQueue(dept, signal), [dept, tick]);
  const reports = useAsync((signal) => getReports(dept, signal), [dept, tick]);
  const done = (message: string) => {
    setNotice(message);
    setTick((n) => n + 1);
  };
  if (queue.error) return <ErrorNotice message={queue.error.userMessage} onRetry={queue.reload} />;
  if (!queue.data) return <Loading label="Chargement de la file…" />;
  const q = queue.data;
  return (
    <>
      {notice && <SuccessNotice message={notice} />}
      <Section id="structures" title="Structures à valider" total={q.pending_structures.total} shown={q.pending_structures.items.length} empty="Aucune structure n’attend de validation.">
        {q.pending_structures.items.map((s: Structure & { admins: Array<{ name: string; email: string }> }) => (
          <PendingStructure key={s.id} s={s} onDone={done} />
        ))}
      </Section>
      <Section id="reprises" title="Demandes de reprise" total={q.claims.total} shown={q.claims.items.length} empty="Aucune demande de reprise.">
        {q.claims.items.map((r) => (
          <Claim key={r.id} r={r} onDone={done} />
        ))}
      </Section>
      <Section id="a-relire" title="Offres publiées ou modifiées à relire" total={q.offers_to_review.total} shown={q.offers_to_review.items.length} empty="Rien à relire.">
        {q.offers_to_review.items.map((o) => (
          <OfferToReview key={o.id} o={o} onDone={done} />
        ))}
      </Section>
      <Section id="a-confirmer" title="Offres à confirmer par leur structure" total={q.overdue_offers.total} shown={q.overdue_offers.items.length} empty="Toutes les offres publiées sont confirmées à temps.">
        {q.overdue_offers.items.map((o) => (
          <li class="queue-item">
            <a href={`/structure/offres/${o.id}`}>{o.name}</a> — {o.structure.name} : en retard de {plural(o.days_overdue, 'jour')} (dernière confirmation{' '}
            {o.confirmed_at ? `le ${dateText(o.confirmed_at)}` : 'jamais'}, à confirmer tous les {o.update_frequency_months} mois).
          </li>
        ))}
      </Section>
      <section class="panel" aria-labelledby="signalements">
        <h2 id="signalements">
          Signalements d’erreur <span class="count">{reports.data?.total ?? '…'}</span>
        </h2>
        {reports.error && <ErrorNotice message={reports.error.userMessage} onRetry={reports.reload} />}
        {reports.data && reports.data.total === 0 && <p>Aucun signalement en attente.</p>}
        {reports.data && reports.data.total > 0 && (
          <ul class="plain-list">
            {reports.data.items.map((r) => (
              <Report key={r.id} r={r} onDone={done} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function QueuePage(_: PageProps) {
  useTitle('Coordination');
  return (
    <CoordinationFrame title="Coordination" lead="Ce qui attend la coordination du département : inscriptions, reprises, offres à relire, retards et signalements.">
      {(dept) => <Queue key={dept} dept={dept} />}
    </CoordinationFrame>
  );
}
