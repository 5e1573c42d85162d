/** « Ajouter à l’orientation » / « Retirer de l’orientation » for one offer. */
import { addToBasket, BASKET_MAX, inBasket, removeFromBasket, useBasket } from '../../state/basket.ts';
import { Icon } from '../ui/icon.tsx';

export function BasketToggle({ offer, compact = false }: { offer: { id: string; name: string; structureName: string }; compact?: boolean }) {
  const items = useBasket();
  const added = inBasket(items, offer.id);
  const full = !added && items.length >= BASKET_MAX;
  return (
    <button
      type="button"
      class={`button ${added ? 'button--success' : 'button--secondary'}${compact ? ' button--small' : ''}`}
      aria-pressed={added}
      disabled={full}
      title={full ? `L’orientation compte déjà ${BASKET_MAX} actions.` : undefined}
      onClick={() => (added ? removeFromBasket(offer.id) : addToBasket(offer))}
    >
      <Icon name={added ? 'check' : 'plus'} />
      {added ? 'Dans l’orientation' : 'Ajouter à l’orientation'}
      <span class="sr-only"> : {offer.name}</span>
    </button>
  );
}
