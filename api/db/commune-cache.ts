/**
 * Communes by INSEE code, kept in memory for the read routes that resolve one per request
 * (GET /api/search, POST /api/match): looking one up through the database costs about as much as
 * the search itself, while the territories change once a year (a COG reload from the command
 * line, another process). An entry is kept COMMUNE_TTL_MS at most, so a reload is seen within that
 * time; unknown codes are not kept. One cache per router, built by createApp: no module state.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { getCommune, type CommuneRow } from './territories.ts';

export const COMMUNE_TTL_MS = 5 * 60_000;
/** About 1 MB of communes at most (the most asked ones of ~35,000). */
const MAX_COMMUNES = 4_096;

export type CommuneLookup = (code: string) => Promise<CommuneRow | undefined>;

/** `now` in milliseconds (a monotonic clock by default: the cache's age, not the app's date). */
export function cachedCommuneLookup(db: Kysely<Database>, now: () => number = () => performance.now()): CommuneLookup {
  const known = new Map<string, { row: CommuneRow; until: number }>();
  return async (code) => {
    const hit = known.get(code);
    if (hit && hit.until > now()) {
      // Least recently asked first: move it to the end.
      known.delete(code);
      known.set(code, hit);
      return hit.row;
    }
    const row = await getCommune(db, code);
    known.delete(code);
    if (row) {
      known.set(code, { row, until: now() + COMMUNE_TTL_MS });
      if (known.size > MAX_COMMUNES) known.delete(known.keys().next().value!);
    }
    return row;
  };
}
