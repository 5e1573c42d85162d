/**
 * What the professional wrote about the person, as the structure and the professional read it: who,
 * how to reach them, when they are available, why the orientation; then the messages and the history.
 */
import type { OrientationDetail } from '../../api/orientations.ts';
import { dateText, dateTimeText } from '../../format.ts';

/** The professional reads it under the card that already names the person and the date. */
export function RequestFacts({ o }: { o: OrientationDetail }) {
  const b = o.beneficiary;
  const forStructure = o.viewer === 'structure';
  if (!b) {
    return <p class="notice notice--info">Les informations sur la personne ont été effacées : cette orientation est close depuis plus longtemps que la durée de conservation.</p>;
  }
  return (
    <dl class="facts">
      {forStructure && (
        <>
          <dt>Personne</dt>
          <dd data-testid="beneficiary-name">
            {b.first_name} {b.last_name}
          </dd>
        </>
      )}
      <dt>La joindre</dt>
      <dd>
        {b.contact_preference_label}
        {b.phone && (
          <>
            <br />
            Téléphone : <a href={`tel:${b.phone.replace(/\s/g, '')}`}>{b.phone}</a>
          </>
        )}
        {b.email && (
          <>
            <br />
            Courriel : <a href={`mailto:${b.email}`}>{b.email}</a>
          </>
        )}
      </dd>
      {b.availability && (
        <>
          <dt>Disponibilités</dt>
          <dd>{b.availability}</dd>
        </>
      )}
      <dt>Motifs de l’orientation</dt>
      <dd class="description">{o.reasons}</dd>
      {forStructure && o.prescriber && (
        <>
          <dt>Orientée par</dt>
          <dd>
            {o.prescriber.name} — <a href={`mailto:${o.prescriber.email}`}>{o.prescriber.email}</a>
          </dd>
        </>
      )}
      {forStructure && (
        <>
          <dt>Envoyée le</dt>
          <dd>{dateText(o.sent_at)}</dd>
        </>
      )}
      <dt>Accord de la personne</dt>
      <dd>donné le {dateText(o.consent_at)}</dd>
    </dl>
  );
}

export function MessagesAndHistory({ o }: { o: OrientationDetail }) {
  return (
    <>
      {o.answer_message && (
        <p>
          <strong>Message joint à la réponse :</strong> « {o.answer_message} »
        </p>
      )}
      {o.messages.length > 0 && (
        <>
          <h3>Messages de la structure</h3>
          <ul class="orientation-messages">
            {o.messages.map((m) => (
              <li>
                <span class="hint">{dateTimeText(m.created_at)}</span>
                <p>{m.body ?? '(message effacé)'}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <details class="orientation-history">
        <summary>Historique ({o.history.length})</summary>
        <ol>
          {o.history.map((h) => (
            <li>
              {dateTimeText(h.at)} — {h.label} par {h.by}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
