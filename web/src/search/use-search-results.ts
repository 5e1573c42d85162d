/**
 * Runs the search of a page state: the results (one batch of BATCH_SIZE for list and map) and, when
 * barriers are selected, the same search without them, whose facets give every chip its count
 * (so « Santé 0 » shows a barrier with no answer around here).
 */
import { searchOffers } from '../api/endpoints.ts';
import type { SearchResponse } from '../api/types.ts';
import { useAsync, type AsyncState } from '../state/use-async.ts';
import { apiParams, hasCriteria, type SearchState } from './search-state.ts';

export interface SearchOutcome {
  results: SearchResponse;
  /** Offers per barrier around here with the other filters, whatever barriers are selected. */
  barrierCounts: Record<string, number>;
}

export function useSearchResults(state: SearchState): AsyncState<SearchOutcome | null> {
  const params = apiParams(state);
  return useAsync(
    async (signal) => {
      if (!hasCriteria(state)) return null;
      const [results, withoutBarriers] = await Promise.all([
        searchOffers(params, signal),
        state.barriers.length ? searchOffers(apiParams(state, { withoutBarriers: true, size: 1 }), signal) : null,
      ]);
      return { results, barrierCounts: (withoutBarriers ?? results).facets.barriers ?? {} };
    },
    [JSON.stringify(params)],
  );
}
