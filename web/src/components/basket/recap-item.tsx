/** One action of the printed orientation: what, where, when, whom to call, how to get in. */
import type { OfferDetail, Referentials } from '../../api/types.ts';
import { OpeningHours } from '../offer/opening-hours.tsx';
import { HowToGetIn } from '../offer/how-to-get-in.tsx';
import { AddressBlock, visitPoint } from '../offer/address-block.tsx';
import { Directions } from './directions.tsx';
import { upcomingSessions } from '../offer/places-block.tsx';
import { DemoBadge, OverdueBadge } from '../ui/badges.tsx';
import { Icon } from '../ui/icon.tsx';
import { dateText, frenchDay } from '../../format.ts';

export function RecapItem({ n, offer, refs, onRemove }: { n: number; offer: OfferDetail; refs: Referentials | null; onRemove?: () => void }) {
  const phone = offer.phone ?? offer.structure.phone;
  const email = offer.email ?? offer.structure.email;
  const next = upcomingSessions(offer)[0];
  // A session already started that still takes people (entrées possibles) is not « prochaine ».
  const ongoing = next ? next.starts_on < frenchDay(new Date()) : false;
  const id = `recap-${offer.id}`;
  const point = visitPoint(offer);
  return (
    <section class="panel recap-item" aria-labelledby={id}>
      <h2 id={id}>
        <span class="recap-number" aria-hidden="true">
          {n}
        </span>
        <span>
          <a href={`/offres/${offer.id}`}>{offer.name}</a>
          <span class="results__sub"> — {offer.structure.name}</span>
        </span>
      </h2>
      <div class="badges">
        {offer.source === 'demo' && <DemoBadge />}
        {offer.overdue && <OverdueBadge />}
      </div>
      <dl class="facts">
        <dt>Adresse</dt>
        <dd>
          <AddressBlock offer={offer} />
          {point && <Directions lat={point.lat} lon={point.lon} name={offer.name} />}
        </dd>
        <dt>Horaires</dt>
        <dd>
          <OpeningHours value={offer.opening_hours ?? offer.structure.opening_hours} departement={offer.departement_code ?? offer.structure.departement_code} showState={false} />
        </dd>
        {(phone || email) && (
          <>
            <dt>Contact</dt>
            <dd>
              {phone && (
                <span class="contact-line">
                  <Icon name="phone" size={16} /> {phone}
                </span>
              )}
              {phone && email && <br />}
              {email && (
                <span class="contact-line">
                  <Icon name="mail" size={16} /> {email}
                </span>
              )}
            </dd>
          </>
        )}
        <dt>Comment y entrer</dt>
        <dd>
          <HowToGetIn offer={offer} refs={refs} />
        </dd>
        {next && (
          <>
            <dt>{ongoing ? 'Session en cours' : 'Prochaine session'}</dt>
            <dd>
              {next.label ? `${next.label}, ` : ''}
              {ongoing ? `commencée le ${dateText(next.starts_on)}${next.ends_on ? `, jusqu’au ${dateText(next.ends_on)}` : ''}` : dateText(next.starts_on)}
            </dd>
          </>
        )}
      </dl>
      {onRemove && (
        <button type="button" class="button button--tertiary button--small" onClick={onRemove}>
          <Icon name="close" />
          Retirer de l’orientation<span class="sr-only"> : {offer.name}</span>
        </button>
      )}
    </section>
  );
}
