/** The 11 barriers (freins) as toggle chips with their icon, label and, when known, how many offers answer each around here. */
import type { Referentials } from '../../api/types.ts';
import { Icon, type IconName } from '../ui/icon.tsx';

interface Props {
  barriers: Referentials['barriers'];
  selected: readonly string[];
  onToggle: (key: string) => void;
  /** Offers per barrier; absent = counts unknown (not shown). */
  counts?: Record<string, number> | null;
  legend?: string;
}

export function BarrierChips({ barriers, selected, onToggle, counts, legend = 'Besoins de la personne (freins)' }: Props) {
  return (
    <fieldset class="chips">
      <legend>{legend}</legend>
      <ul class="chips__list">
        {barriers.map((b) => {
          const pressed = selected.includes(b.key);
          const count = counts ? (counts[b.key] ?? 0) : null;
          return (
            <li>
              <button
                type="button"
                class={`chip${pressed ? ' chip--on' : ''}${count === 0 ? ' chip--none' : ''}`}
                aria-pressed={pressed}
                title={b.description}
                data-barrier={b.key}
                onClick={() => onToggle(b.key)}
              >
                <Icon name={b.icon as IconName} />
                <span class="chip__label">{b.label}</span>
                {count != null && (
                  <span class="chip__count">
                    {count}
                    <span class="sr-only"> offre{count > 1 ? 's' : ''}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
