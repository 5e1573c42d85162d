/**
 * An engine that is not there: every call fails with SearchUnavailableError (a 503 for the routes).
 * For the Workers entry without Meilisearch, where the embedded SQLite engine cannot run.
 */
import { SearchUnavailableError, type EngineName, type SearchIndex } from './port.ts';

export function unavailableSearchIndex(name: EngineName, reason: string): SearchIndex {
  const fail = async (): Promise<never> => {
    throw new SearchUnavailableError(reason);
  };
  return {
    name,
    upsert: fail,
    remove: fail,
    search: fail,
    reindex: fail,
    health: async () => ({ ok: false, engine: name, documents: null, detail: reason }),
  };
}
