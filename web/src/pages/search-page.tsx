/**
 * « Où orienter ? » (home): commune + needs → offers around, as a list and a map in sync. Every
 * choice is in the URL (parseSearchState/searchHref): a link shares the search, « retour » undoes
 * the last choice.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../routes.ts';
import { navigate } from '../router.ts';
import { useReferentials } from '../state/referentials.ts';
import { useTitle } from '../components/ui/use-title.ts';
import { BATCH_SIZE, countOtherFilters, hasCriteria, PAGE_SIZE, parseSearchState, searchHref, widerRadius, type SearchState } from '../search/search-state.ts';
import { useSearchResults } from '../search/use-search-results.ts';
import { useCommune } from '../search/use-commune.ts';
import { SearchForm } from '../components/search/search-form.tsx';
import { BarrierChips } from '../components/search/barrier-chips.tsx';
import { MoreFilters } from '../components/search/more-filters.tsx';
import { ResultsPanel } from '../components/results/results-panel.tsx';
import { Welcome } from '../components/search/welcome.tsx';
import { Loading } from '../components/ui/loading.tsx';
import { ErrorNotice } from '../components/ui/error-notice.tsx';
import { Icon } from '../components/ui/icon.tsx';

export function SearchPage({ query }: PageProps) {
  const state = useMemo(() => parseSearchState(query), [query.toString()]);
  const refs = useReferentials();
  const commune = useCommune(state.commune);
  const search = useSearchResults(state);
  const [hovered, setHovered] = useState<string | null>(null);
  useTitle(commune.data ? `Où orienter depuis ${commune.data.name} ?` : 'Où orienter ?');

  const update = (patch: Partial<SearchState>, options: { replace?: boolean } = {}) => {
    const next = { ...state, page: 1, selected: null, ...patch };
    navigate(searchHref(next), { replace: options.replace, keepScroll: true });
  };
  const toggleBarrier = (key: string) =>
    update({ barriers: state.barriers.includes(key) ? state.barriers.filter((b) => b !== key) : [...state.barriers, key] });

  // A shared link may name a barrier that no longer exists: dropped from the URL, and said.
  const [dropped, setDropped] = useState<string[]>([]);
  useEffect(() => {
    if (!refs.data) return;
    const known = new Set<string>(refs.data.barriers.map((b) => b.key));
    const unknown = state.barriers.filter((b) => !known.has(b));
    if (!unknown.length) return;
    setDropped(unknown);
    update({ barriers: state.barriers.filter((b) => known.has(b)), page: state.page, selected: state.selected }, { replace: true });
  }, [refs.data, state.barriers.join(',')]);

  // A shared link may point past the last page: go back to the last one.
  const total = search.data?.results.total ?? null;
  useEffect(() => {
    if (total != null && total > 0 && (state.page - 1) * PAGE_SIZE >= Math.min(total, Number.MAX_SAFE_INTEGER)) {
      update({ page: Math.ceil(total / PAGE_SIZE) }, { replace: true });
    }
  }, [total, state.page]);

  const choice = commune.data ? { code: commune.data.code, name: commune.data.name, departement_code: commune.data.departement_code } : null;
  return (
    <div class="search-page">
      <section class="search-head" aria-labelledby="titre-recherche">
        <h1 id="titre-recherche">Où orienter ?</h1>
        <p class="lead">La commune de la personne et ses besoins : voici les actions qu’elle peut rejoindre, avec l’adresse, les horaires et comment y entrer.</p>
        <SearchForm commune={choice} keyword={state.q} onCommune={(c) => update({ commune: c?.code ?? null })} onKeyword={(q) => update({ q })} />
        {commune.error && <ErrorNotice message={`La commune ${state.commune} est inconnue : choisissez-la dans la liste.`} />}
        {dropped.length > 0 && (
          <p class="notice notice--warning" role="status" data-testid="dropped-barriers">
            <Icon name="alert" />
            <span>
              {dropped.length > 1 ? 'Des freins du lien n’existent plus' : 'Un frein du lien n’existe plus'} : {dropped.join(', ')} — ignoré{dropped.length > 1 ? 's' : ''}.
            </span>
          </p>
        )}
        {refs.data ? (
          <>
            <BarrierChips barriers={refs.data.barriers} selected={state.barriers} onToggle={toggleBarrier} counts={search.data?.barrierCounts ?? null} />
            <MoreFilters refs={refs.data} state={state} facets={search.data?.results.facets ?? null} activeCount={countOtherFilters(state)} onChange={(patch) => update(patch)} />
          </>
        ) : refs.error ? (
          <ErrorNotice message={refs.error.userMessage} onRetry={refs.reload} />
        ) : (
          <Loading label="Chargement des besoins…" />
        )}
      </section>

      {!hasCriteria(state) ? (
        <Welcome />
      ) : search.error && !search.data ? (
        <ErrorNotice title="La recherche n’a pas abouti" message={search.error.standaloneMessage} onRetry={search.reload} />
      ) : !search.data ? (
        <Loading label="Recherche des offres…" />
      ) : (
        <>
          {search.error && <ErrorNotice title="La recherche n’a pas abouti : résultats précédents affichés" message={search.error.standaloneMessage} onRetry={search.reload} />}
          <ResultsPanel
            state={state}
            outcome={search.data}
            refs={refs.data}
            commune={commune.data}
            loading={search.loading}
            hovered={hovered}
            onHover={setHovered}
            onSelect={(id, index) => update({ selected: id, page: pageOfIndex(state.page, index) }, { replace: true })}
            onWiden={() => update({ radius: widerRadius(state.radius) ?? state.radius })}
            onClearFilters={() => update({ publics: [], types: [], fees: [], modes: [] })}
            onClearKeyword={() => update({ q: '' })}
            hrefOfPage={(page) => searchHref({ ...state, page, selected: null })}
          />
        </>
      )}
    </div>
  );
}

/** The list page showing item `index` of the current batch. */
function pageOfIndex(page: number, index: number): number {
  const firstOfBatch = Math.floor(((page - 1) * PAGE_SIZE) / BATCH_SIZE) * BATCH_SIZE;
  return Math.floor((firstOfBatch + index) / PAGE_SIZE) + 1;
}
