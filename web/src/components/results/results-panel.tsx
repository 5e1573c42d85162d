/**
 * The results of a search: summary, unanswered barriers, the cards of the current page and the map
 * of the whole batch, in sync (hovering a card lights its marker and the other way round; selecting
 * a marker brings its card into view).
 */
import { useEffect } from 'preact/hooks';
import type { CommuneDetails, Referentials } from '../../api/types.ts';
import { plural } from '../../format.ts';
import { BATCH_SIZE, countOtherFilters, PAGE_SIZE, widerRadius, type SearchState } from '../../search/search-state.ts';
import type { SearchOutcome } from '../../search/use-search-results.ts';
import { ResultCard } from './result-card.tsx';
import { ResultsMapView } from './results-map-view.tsx';
import { Pagination } from './pagination.tsx';
import { UnmetNotice } from './unmet-notice.tsx';
import { de } from '../../lib/french.ts';

interface Props {
  state: SearchState;
  outcome: SearchOutcome;
  refs: Referentials | null;
  commune: CommuneDetails | null;
  loading: boolean;
  hovered: string | null;
  onHover: (id: string | null) => void;
  /** An offer chosen on the map or with « Voir sur la carte »; index in the batch. */
  onSelect: (id: string, index: number) => void;
  onWiden: () => void;
  onClearFilters: () => void;
  onClearKeyword: () => void;
  hrefOfPage: (page: number) => string;
}

export function ResultsPanel(p: Props) {
  const { results, barrierCounts } = p.outcome;
  const { state } = p;
  const offset = ((state.page - 1) * PAGE_SIZE) % BATCH_SIZE;
  const pageItems = results.items.slice(offset, offset + PAGE_SIZE);
  const pages = Math.ceil(results.total / PAGE_SIZE);
  const unmetLabels = state.barriers
    .filter((b) => (barrierCounts[b] ?? 0) === 0)
    .map((b) => p.refs?.barriers.find((x) => x.key === b)?.label ?? b);
  const place = p.commune?.name ?? null;

  useEffect(() => {
    if (!state.selected) return;
    document.querySelector(`[data-offer-id="${CSS.escape(state.selected)}"]`)?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [state.selected, state.page]);

  const points = results.items.filter((i) => i.lat != null && i.lon != null).map((i) => ({ id: i.id, name: i.name, lon: i.lon!, lat: i.lat! }));
  const departements = [...new Set([p.commune?.departement_code, ...Object.keys(results.facets.departement_code ?? {})].filter((d): d is string => !!d))].slice(0, 4);
  const centre = p.commune?.centre;
  const notice = (empty: boolean) => (
    <UnmetNotice
      empty={empty}
      unmetLabels={unmetLabels}
      place={place}
      radius={place ? state.radius : null}
      widerRadius={widerRadius(state.radius)}
      onWiden={p.onWiden}
      otherFilters={countOtherFilters(state)}
      onClearFilters={p.onClearFilters}
      keyword={state.q}
      onClearKeyword={p.onClearKeyword}
    />
  );

  return (
    <section class="results" aria-labelledby="titre-resultats" aria-busy={p.loading}>
      <div class="results__list">
        <h2 id="titre-resultats" class="results__summary" aria-live="polite">
          {results.total === 0 ? 'Aucune offre' : plural(results.total, 'offre')}
          {place && ` à moins de ${state.radius} km ${de(place)}`}
          {place && results.total > 0 && <span class="results__sub"> (ou à distance)</span>}
        </h2>
        {results.degraded && <p class="hint">Recherche en mode dégradé : le classement peut différer légèrement.</p>}
        {results.total === 0 ? notice(true) : unmetLabels.length > 0 && notice(false)}
        {pageItems.length > 0 && (
          <ol class="result-list" start={(state.page - 1) * PAGE_SIZE + 1}>
            {pageItems.map((item) => (
              <li>
                <ResultCard
                  offer={item}
                  structure={item.structure}
                  distanceKm={item.distance_km}
                  reasons={item.reasons}
                  highlighted={p.hovered === item.id}
                  selected={state.selected === item.id}
                  onHover={p.onHover}
                  onLocate={(id) => p.onSelect(id, results.items.findIndex((x) => x.id === id))}
                />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={state.page} pages={pages} hrefOf={p.hrefOfPage} />
      </div>
      <div class="results__map">
        <ResultsMapView
          points={points}
          origin={centre ? { centre: [centre.lon, centre.lat], radiusKm: state.radius } : null}
          departements={departements}
          hovered={p.hovered}
          selected={state.selected}
          onHover={p.onHover}
          onSelect={(id) => p.onSelect(id, results.items.findIndex((x) => x.id === id))}
        />
        {results.total > results.items.length && (
          <p class="hint">
            La carte montre les {plural(results.items.length, 'offre')} de cette tranche de résultats ({BATCH_SIZE} au plus).
          </p>
        )}
      </div>
    </section>
  );
}
