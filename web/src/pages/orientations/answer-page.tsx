/**
 * /orientations/:id/reponse?jeton= — the structure's answer page, opened from the mailed link (or by
 * a signed-in member without the link): the request, then accept (choosing a session when there are
 * some), refuse with a reason, write to the professional, mark the action full. An expired link
 * offers a fresh one, mailed to the structure's contact address.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import {
  acceptOrientation,
  askFreshLink,
  getOrientation,
  markOfferFullFromOrientation,
  refuseOrientation,
  writeToPrescriber,
  type OrientationDetail,
} from '../../api/orientations.ts';
import { REFUSAL_REASONS, REFUSAL_REASON_LABELS, type RefusalReason } from '../../../../api/domain/orientation-choices.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateText, plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { Panel } from '../../components/ui/panel.tsx';
import { TextField } from '../../components/forms/text-field.tsx';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { StatusBadge } from '../../components/orientations/status-badge.tsx';
import { MessagesAndHistory, RequestFacts } from '../../components/orientations/request-facts.tsx';
import '../../styles/orientations.css';

function ExpiredLink({ id, token }: { id: string; token: string }) {
  const submit = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  if (done) return <SuccessNotice title="Nouveau lien envoyé" message={done} />;
  return (
    <div class="notice notice--warning" role="alert">
      <div>
        <p class="notice__title">Ce lien a expiré</p>
        <p>Pour protéger les informations de la personne, les liens ne durent que quelques jours. Recevez-en un nouveau à l’adresse de contact de la structure.</p>
        <FormProblems submit={submit} fields={{}} />
        <button type="button" class="button" disabled={submit.submitting} onClick={async () => setDone((await submit.run(() => askFreshLink(id, token)))?.message ?? null)}>
          Recevoir un nouveau lien
        </button>
      </div>
    </div>
  );
}

function AcceptForm({ o, token, onDone }: { o: OrientationDetail; token: string | null; onDone: (message: string) => void }) {
  const [session, setSession] = useState('');
  const [message, setMessage] = useState('');
  const submit = useSubmit();
  const sessions = o.offer.sessions;
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sessions.length && !session) return submit.fail({ session_id: 'Choisissez la session que la personne rejoindra (ou « sans session précise »).' });
    const r = await submit.run(() => acceptOrientation(o.id, token, { ...(session && session !== 'aucune' ? { session_id: session } : {}), ...(message.trim() ? { message } : {}) }));
    if (r) onDone('Orientation acceptée : le professionnel et la personne sont prévenus.');
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <FormProblems submit={submit} fields={{ session_id: 'session-0', message: 'message-acceptation' }} />
      {sessions.length > 0 && (
        <fieldset>
          <legend>Session</legend>
          {submit.fieldErrors.session_id && <p class="field__error">{submit.fieldErrors.session_id}</p>}
          {sessions.map((s, i) => (
            <div class="radio">
              <input type="radio" name="session" id={`session-${i}`} checked={session === s.id} onChange={() => setSession(s.id)} />
              <label for={`session-${i}`}>
                {s.label ?? 'Session'} — à partir du {dateText(s.starts_on)}
                {s.places_available != null && ` (${s.places_available === 0 ? 'complète' : plural(s.places_available, 'place', 'places')})`}
              </label>
            </div>
          ))}
          <div class="radio">
            <input type="radio" name="session" id={`session-${sessions.length}`} checked={session === 'aucune'} onChange={() => setSession('aucune')} />
            <label for={`session-${sessions.length}`}>Sans session précise</label>
          </div>
        </fieldset>
      )}
      <TextField id="message-acceptation" label="Message au professionnel" hint="Facultatif. Ex. date et lieu du premier rendez-vous." multiline maxLength={1000} value={message} onValue={setMessage} error={submit.fieldErrors.message} />
      <button type="submit" class="button button--success" disabled={submit.submitting}>
        Accepter l’orientation
      </button>
    </form>
  );
}

function RefuseForm({ o, token, onDone }: { o: OrientationDetail; token: string | null; onDone: (message: string) => void }) {
  const [reason, setReason] = useState<RefusalReason | ''>('');
  const [message, setMessage] = useState('');
  const submit = useSubmit();
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!reason) return submit.fail({ reason: 'Choisissez un motif de refus.' });
    const r = await submit.run(() => refuseOrientation(o.id, token, { reason, ...(message.trim() ? { message } : {}) }));
    if (r) onDone('Orientation refusée : le professionnel connaît le motif ; la personne n’en est pas informée par le service.');
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <FormProblems submit={submit} fields={{ reason: 'motif-0', message: 'message-refus' }} />
      <fieldset class={submit.fieldErrors.reason ? 'field--error' : ''}>
        <legend>
          Motif <span class="required">(obligatoire)</span>
        </legend>
        {submit.fieldErrors.reason && <p class="field__error">{submit.fieldErrors.reason}</p>}
        {REFUSAL_REASONS.map((value, i) => (
          <div class="radio">
            <input type="radio" name="motif" id={`motif-${i}`} checked={reason === value} onChange={() => setReason(value)} />
            <label for={`motif-${i}`}>{REFUSAL_REASON_LABELS[value]}</label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="message-refus"
        label="Précisions pour le professionnel"
        hint="Obligatoire pour « Autre motif ». Seul le professionnel les lit."
        multiline
        maxLength={1000}
        value={message}
        onValue={setMessage}
        error={submit.fieldErrors.message}
      />
      <button type="submit" class="button button--secondary" disabled={submit.submitting}>
        Refuser l’orientation
      </button>
    </form>
  );
}

function MessageForm({ o, token, onDone }: { o: OrientationDetail; token: string | null; onDone: (message: string) => void }) {
  const [message, setMessage] = useState('');
  const submit = useSubmit();
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (message.trim().length < 2) return submit.fail({ message: 'Écrivez votre message.' });
    const r = await submit.run(() => writeToPrescriber(o.id, token, message));
    if (r) {
      setMessage('');
      onDone(r.message);
    }
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <FormProblems submit={submit} fields={{ message: 'message-professionnel' }} />
      <TextField id="message-professionnel" label="Message" hint="Envoyé par courriel au professionnel, sans donnée de santé." multiline maxLength={2000} value={message} onValue={setMessage} error={submit.fieldErrors.message} />
      <button type="submit" class="button button--secondary" disabled={submit.submitting}>
        Envoyer le message
      </button>
    </form>
  );
}

function FullButton({ o, token, onDone }: { o: OrientationDetail; token: string | null; onDone: (message: string) => void }) {
  const submit = useSubmit();
  if (!o.offer.id || o.offer.places_available === 0) return <p>L’action est indiquée complète.</p>;
  return (
    <>
      <FormProblems submit={submit} fields={{}} />
      <p>Plus aucune place ? L’action passera après les autres dans les recherches des professionnels, avec la mention « complet ».</p>
      <button
        type="button"
        class="button button--tertiary"
        disabled={submit.submitting}
        onClick={async () => {
          const r = await submit.run(() => markOfferFullFromOrientation(o.id, token));
          if (r) onDone(r.message);
        }}
      >
        Marquer l’action complète
      </button>
    </>
  );
}

export function AnswerPage({ params, query }: PageProps) {
  useTitle('Répondre à une orientation');
  const id = params.id ?? '';
  const token = query.get('jeton');
  const [notice, setNotice] = useState<string | null>(null);
  const view = useAsync((signal) => getOrientation(id, token, signal), [id, token, notice]);
  const done = (message: string) => {
    setNotice(message);
    window.scrollTo(0, 0);
  };

  if (view.error?.status === 410 && token) {
    return (
      <div class="page-narrow">
        <h1>Répondre à une orientation</h1>
        <ExpiredLink id={id} token={token} />
      </div>
    );
  }
  if (view.error) {
    return (
      <div class="page-narrow">
        <h1>Répondre à une orientation</h1>
        <ErrorNotice
          title={view.error.title}
          message={view.error.status === 401 ? 'Ouvrez le lien reçu par courriel, en entier, ou connectez-vous avec un compte membre de la structure.' : view.error.userMessage}
        />
      </div>
    );
  }
  const o = view.data;
  if (!o) return <Loading label="Chargement de la demande…" />;
  return (
    <div class="page-medium">
      {!token && o.viewer === 'structure' && o.structure.id && (
        <p>
          <a class="back-link" href={`/structure/${o.structure.id}/orientations`}>
            Orientations reçues par {o.structure.name}
          </a>
        </p>
      )}
      <h1>
        Orientation vers « {o.offer.name} »<span class="results__sub"> — {o.structure.name}</span>
      </h1>
      <div class="badges">
        <StatusBadge status={o.status} />
      </div>
      {notice && <SuccessNotice message={notice} />}
      {o.status === 'sent' && o.expires_at && <p>Sans réponse, la demande expirera le {dateText(o.expires_at)}.</p>}
      {o.refusal_reason_label && <p>Motif du refus : {o.refusal_reason_label}.</p>}
      {o.session && <p>Session : {o.session.label}.</p>}
      {o.offer.places_available != null && (
        <p data-testid="offer-places">Places de l’action : {o.offer.places_available === 0 ? 'complet' : plural(o.offer.places_available, 'place disponible', 'places disponibles')}.</p>
      )}
      <Panel id="demande" title="La demande" icon="user">
        <RequestFacts o={o} />
        <MessagesAndHistory o={o} />
      </Panel>
      {o.viewer === 'structure' && (
        <div class="answer-grid">
          {o.can_answer && (
            <>
              <Panel id="accepter" title="Accepter" icon="check">
                <AcceptForm o={o} token={token} onDone={done} />
              </Panel>
              <Panel id="refuser" title="Refuser" icon="close">
                <RefuseForm o={o} token={token} onDone={done} />
              </Panel>
            </>
          )}
          {!o.anonymised && (
            <Panel id="ecrire" title="Écrire au professionnel" icon="mail">
              <MessageForm o={o} token={token} onDone={done} />
            </Panel>
          )}
          <Panel id="complet" title="Places" icon="users">
            <FullButton o={o} token={token} onDone={done} />
          </Panel>
        </div>
      )}
    </div>
  );
}
