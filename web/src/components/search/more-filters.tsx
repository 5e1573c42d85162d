/** « Plus de filtres »: publics, type, frais, modes d'accueil and radius, with counts from the current results. */
import { useState } from 'preact/hooks';
import type { FacetCounts, Referentials } from '../../api/types.ts';
import { RADIUS_CHOICES, type SearchState } from '../../search/search-state.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { Icon } from '../ui/icon.tsx';

interface Props {
  refs: Referentials;
  state: SearchState;
  facets: FacetCounts | null;
  activeCount: number;
  onChange: (patch: Partial<SearchState>) => void;
}

export function MoreFilters({ refs, state, facets, activeCount, onChange }: Props) {
  // Open at first when filters are active; then the person decides (a re-render never closes it under their hands).
  const [open, setOpen] = useState(activeCount > 0);
  const radiusChoices = RADIUS_CHOICES.includes(state.radius as (typeof RADIUS_CHOICES)[number]) ? RADIUS_CHOICES : [...RADIUS_CHOICES, state.radius].sort((a, b) => a - b);
  return (
    <details class="more-filters" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <Icon name="filter" />
        Plus de filtres
        {activeCount > 0 && <span class="count">{activeCount}</span>}
      </summary>
      <div class="more-filters__body">
        <div class="field field--inline">
          <label for="rayon">Distance maximale (présentiel)</label>
          <select id="rayon" value={String(state.radius)} onChange={(e) => onChange({ radius: Number((e.currentTarget as HTMLSelectElement).value) })}>
            {radiusChoices.map((r) => (
              <option value={String(r)}>{r} km</option>
            ))}
          </select>
        </div>
        <CheckboxGroup legend="Mode d’accueil" options={refs.modes_accueil} selected={state.modes} counts={facets?.modes_accueil} showEmpty onChange={(modes) => onChange({ modes })} />
        <CheckboxGroup legend="Frais" options={refs.frais} selected={state.fees} counts={facets?.fees} onChange={(fees) => onChange({ fees })} />
        <CheckboxGroup legend="Type d’action" options={refs.types} selected={state.types} counts={facets?.type} onChange={(types) => onChange({ types })} />
        <CheckboxGroup legend="Public" options={refs.publics} selected={state.publics} counts={facets?.publics} onChange={(publics) => onChange({ publics })} />
        {activeCount > 0 && (
          <button type="button" class="button button--tertiary" onClick={() => onChange({ publics: [], types: [], fees: [], modes: [] })}>
            Retirer ces filtres
          </button>
        )}
      </div>
    </details>
  );
}
