/**
 * Says plainly which requested barrier has no answer here, and offers the ways out: a wider
 * radius, fewer filters, no keyword. Shown instead of the list when nothing matches, or above it
 * when only some barriers are unanswered.
 */
import { joinFrench } from '../../format.ts';
import { Icon } from '../ui/icon.tsx';
import { de } from '../../lib/french.ts';

interface Props {
  /** Labels of the selected barriers with no offer here. */
  unmetLabels: string[];
  empty: boolean;
  place: string | null;
  radius: number | null;
  widerRadius: number | null;
  onWiden: () => void;
  otherFilters: number;
  onClearFilters: () => void;
  keyword: string;
  onClearKeyword: () => void;
}

export function UnmetNotice(p: Props) {
  const where = p.place ? `${p.radius ? ` à moins de ${p.radius} km` : ''} ${de(p.place)}` : '';
  const quoted = p.unmetLabels.map((l) => `« ${l} »`);
  let title: string;
  if (p.unmetLabels.length) title = `Aucune offre ne répond ${quoted.length > 1 ? 'aux besoins' : 'au besoin'} ${joinFrench(quoted)}${where}.`;
  else title = `Aucune offre ne correspond à ces critères${where}.`;
  const canWiden = p.place && p.widerRadius;
  return (
    <div class={`notice ${p.empty ? 'notice--empty' : 'notice--warning'}`} role={p.empty ? undefined : 'note'} data-testid="unmet-notice">
      <Icon name={p.empty ? 'info' : 'alert'} />
      <div>
        <p class="notice__title">{title}</p>
        {p.empty && p.unmetLabels.length > 0 && <p>C’est peut-être une « zone blanche » : le besoin existe mais aucune action connue n’y répond dans ce rayon.</p>}
        {(canWiden || p.otherFilters > 0 || p.keyword) && (
          <div class="notice__actions">
            {canWiden && (
              <button type="button" class="button" onClick={p.onWiden}>
                Élargir à {p.widerRadius} km
              </button>
            )}
            {p.empty && p.otherFilters > 0 && (
              <button type="button" class="button button--secondary" onClick={p.onClearFilters}>
                Retirer les autres filtres ({p.otherFilters})
              </button>
            )}
            {p.empty && p.keyword && (
              <button type="button" class="button button--secondary" onClick={p.onClearKeyword}>
                Chercher sans « {p.keyword} »
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
