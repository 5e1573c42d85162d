/** Capacity, places available, weekly rhythm and the next dated sessions. */
import type { OfferDetail } from '../../api/types.ts';
import { dateText, frenchDay, plural } from '../../format.ts';

export function upcomingSessions(offer: Pick<OfferDetail, 'sessions'>, today = frenchDay(new Date())) {
  return offer.sessions.filter((s) => (s.ends_on ?? s.starts_on) >= today).slice(0, 6);
}

export function PlacesBlock({ offer }: { offer: OfferDetail }) {
  const sessions = upcomingSessions(offer);
  const rhythm = [offer.weekly_hours ? `${offer.weekly_hours} h par semaine` : null, offer.weeks ? `pendant ${plural(offer.weeks, 'semaine')}` : null].filter(Boolean).join(' ');
  if (offer.capacity == null && offer.places_available == null && !rhythm && !sessions.length) return <p>Pas d’information sur les places : contactez la structure.</p>;
  return (
    <>
      <dl class="facts">
        {offer.places_available != null && (
          <>
            <dt>Places disponibles</dt>
            <dd>{offer.places_available > 0 ? plural(offer.places_available, 'place') : 'Complet pour le moment'}</dd>
          </>
        )}
        {offer.capacity != null && (
          <>
            <dt>Capacité</dt>
            <dd>{plural(offer.capacity, 'place')}</dd>
          </>
        )}
        {rhythm && (
          <>
            <dt>Rythme</dt>
            <dd>{rhythm}</dd>
          </>
        )}
      </dl>
      {sessions.length > 0 && (
        <>
          <h3>Prochaines sessions</h3>
          <ul>
            {sessions.map((s) => (
              <li>
                {s.label ? `${s.label} : ` : ''}
                {s.ends_on && s.ends_on !== s.starts_on ? `du ${dateText(s.starts_on)} au ${dateText(s.ends_on)}` : `le ${dateText(s.starts_on)}`}
                {s.places_available != null && ` — ${s.places_available > 0 ? plural(s.places_available, 'place') : 'complet'}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
