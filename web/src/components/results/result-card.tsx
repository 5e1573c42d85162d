/** One offer in a result list: name, structure, place, distance, why it was chosen, badges, add to the orientation. */
import type { OfferSummary } from '../../api/types.ts';
import { BasketToggle } from '../basket/basket-toggle.tsx';
import { DemoBadge, FullBadge, OverdueBadge } from '../ui/badges.tsx';
import { Icon } from '../ui/icon.tsx';
import { AccessLabel, accessText } from './access-label.tsx';

export interface ResultCardProps {
  offer: OfferSummary;
  structure: { id: string; name: string };
  distanceKm: number | null;
  reasons: string[];
  /** Heading level in the page outline. */
  level?: 2 | 3 | 4;
  highlighted?: boolean;
  selected?: boolean;
  onHover?: (id: string | null) => void;
  /** Shown as « Voir sur la carte » when given. */
  onLocate?: (id: string) => void;
}

export function ResultCard({ offer, structure, distanceKm, reasons, level = 3, highlighted, selected, onHover, onLocate }: ResultCardProps) {
  const Heading = `h${level}` as 'h3';
  const facts = { distance_km: distanceKm, modes_accueil: offer.modes_accueil, itinerant_communes: offer.itinerant_communes, reasons };
  const access = accessText(facts);
  // The access reason is shown once, as the card's distance.
  const shownReasons = reasons.filter((r) => r !== access && r !== 'complet');
  const headingId = `offre-${offer.id}`;
  return (
    <article
      class={`result-card${highlighted ? ' is-highlighted' : ''}${selected ? ' is-selected' : ''}`}
      aria-labelledby={headingId}
      data-offer-id={offer.id}
      onMouseEnter={onHover && (() => onHover(offer.id))}
      onMouseLeave={onHover && (() => onHover(null))}
      onFocusIn={onHover && (() => onHover(offer.id))}
    >
      <div class="result-card__top">
        <Heading class="result-card__title" id={headingId}>
          <a href={`/offres/${offer.id}`}>{offer.name}</a>
        </Heading>
        <AccessLabel item={facts} />
      </div>
      <p class="result-card__structure">
        {structure.name}
        {offer.commune_name && <> · {offer.commune_name}</>}
      </p>
      {shownReasons.length > 0 && (
        <ul class="reasons" aria-label="Pourquoi cette offre">
          {shownReasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      )}
      <div class="result-card__actions">
        <span class="badges">
          {offer.source === 'demo' && <DemoBadge />}
          {offer.overdue && <OverdueBadge />}
          {offer.full && <FullBadge />}
        </span>
        {onLocate && offer.lat != null && (
          <button type="button" class="button button--tertiary button--small" onClick={() => onLocate(offer.id)}>
            <Icon name="pin" />
            Voir sur la carte<span class="sr-only"> : {offer.name}</span>
          </button>
        )}
        <BasketToggle compact offer={{ id: offer.id, name: offer.name, structureName: structure.name }} />
      </div>
    </article>
  );
}
