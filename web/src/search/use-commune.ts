/** A commune's details (name, centre, département) from its INSEE code, remembered for the visit. */
import { getCommune } from '../api/endpoints.ts';
import type { CommuneDetails } from '../api/types.ts';
import { useAsync, type AsyncState } from '../state/use-async.ts';

const cache = new Map<string, CommuneDetails>();

export function useCommune(code: string | null): AsyncState<CommuneDetails | null> {
  return useAsync(async (signal) => {
    if (!code) return null;
    const known = cache.get(code);
    if (known) return known;
    const commune = await getCommune(code, signal);
    cache.set(code, commune);
    return commune;
  }, [code]);
}

export function rememberCommune(commune: CommuneDetails): void {
  cache.set(commune.code, commune);
}
