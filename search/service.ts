/**
 * SearchService: the search the routes use. One primary engine; with SEARCH_ENGINE=meilisearch a
 * SQLite fallback too, kept in sync by the outbox drain, that answers (and says so: `engine`,
 * `degraded`) whenever Meilisearch fails. Pure composition over SearchIndex: no engine imported
 * here, so the Workers build can use it (search/node.ts builds the Node engines).
 */
import { SearchUnavailableError, type EngineName, type SearchHealth, type SearchIndex, type SearchQuery, type SearchResult } from './port.ts';

/** Meilisearch index holding the offers (Node and Workers alike). */
export const MEILI_INDEX_UID = 'offers';

export interface ServiceSearchResult extends SearchResult {
  /** True when the primary engine failed and the fallback answered. */
  degraded: boolean;
}

export interface SearchServiceHealth {
  /** The configured engine. */
  engine: EngineName;
  ok: boolean;
  documents: number | null;
  detail?: string;
  fallback?: SearchHealth;
}

export interface SearchService {
  /** The configured (primary) engine. */
  readonly engine: EngineName;
  /** Every index the outbox drain and reindex keep up to date, primary first. */
  readonly targets: readonly SearchIndex[];
  search(query: SearchQuery): Promise<ServiceSearchResult>;
  health(): Promise<SearchServiceHealth>;
}

export interface SearchServiceOptions {
  primary: SearchIndex;
  fallback?: SearchIndex | undefined;
  clock?: () => Date;
  /** After the primary is found unreachable, go straight to the fallback for this long. */
  retryPrimaryAfterMs?: number;
  onFallback?: (error: unknown) => void;
}

/** The engine cannot answer now (as opposed to refusing this query or this document). */
export function isSearchUnavailable(error: unknown): boolean {
  return error instanceof SearchUnavailableError || (error instanceof Error && error.name === 'SearchUnavailableError');
}

export function createSearchService(options: SearchServiceOptions): SearchService {
  const { primary, fallback } = options;
  const clock = options.clock ?? (() => new Date());
  const retryAfter = options.retryPrimaryAfterMs ?? 5_000;
  // Instance state, not module state: each app builds its own service.
  let primaryDownUntil = 0;

  return {
    engine: primary.name,
    targets: fallback ? [primary, fallback] : [primary],

    async search(query) {
      if (!fallback) return { ...(await primary.search(query)), degraded: false };
      if (clock().getTime() >= primaryDownUntil) {
        try {
          return { ...(await primary.search(query)), degraded: false };
        } catch (error) {
          // Any primary failure is answered from the fallback: a slightly different ranking beats an error page.
          if (isSearchUnavailable(error)) primaryDownUntil = clock().getTime() + retryAfter;
          options.onFallback?.(error);
        }
      }
      return { ...(await fallback.search(query)), degraded: true };
    },

    async health() {
      const own = await safeHealth(primary);
      const report: SearchServiceHealth = { engine: primary.name, ok: own.ok, documents: own.documents };
      if (own.detail) report.detail = own.detail;
      if (fallback) report.fallback = await safeHealth(fallback);
      return report;
    },
  };
}

async function safeHealth(index: SearchIndex): Promise<SearchHealth> {
  try {
    return await index.health();
  } catch (error) {
    return { ok: false, engine: index.name, documents: null, detail: error instanceof Error ? error.message : String(error) };
  }
}
