/**
 * The SearchService of a Node process, from the configuration: SEARCH_ENGINE=sqlite (default) → the
 * embedded FTS5 index in the same database file; SEARCH_ENGINE=meilisearch → Meilisearch, with the
 * SQLite index kept in sync beside it as the fallback. Node-only (the SQLite engine uses the driver).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../api/db/schema.ts';
import type { AppConfig } from '../api/config.ts';
import type { Logger } from '../api/app.ts';
import { createSqliteSearchIndex } from './sqlite/index.ts';
import { createMeilisearchIndex } from './meilisearch/index.ts';
import { createSearchService, MEILI_INDEX_UID, type SearchService } from './service.ts';
import { nodeHttpFetch } from './node-fetch.ts';

export async function createNodeSearchService(
  config: Pick<AppConfig, 'searchEngine' | 'meiliUrl' | 'meiliMasterKey'> & Partial<Pick<AppConfig, 'meiliSearchTimeoutMs' | 'meiliHealthTimeoutMs'>>,
  db: Kysely<Database>,
  options: { logger: Logger; clock?: () => Date; fetch?: typeof fetch; requestTimeoutMs?: number },
): Promise<SearchService> {
  const sqlite = await createSqliteSearchIndex(db);
  if (config.searchEngine === 'sqlite') return createSearchService({ primary: sqlite, ...(options.clock ? { clock: options.clock } : {}) });
  if (!config.meiliUrl) throw new Error('SEARCH_ENGINE=meilisearch needs MEILI_URL (and MEILI_MASTER_KEY)');
  const meili = createMeilisearchIndex({
    url: config.meiliUrl,
    apiKey: config.meiliMasterKey ?? '',
    indexUid: MEILI_INDEX_UID,
    // node:http rather than the global fetch: see node-fetch.ts (40 ms per filtered search otherwise).
    fetch: options.fetch ?? nodeHttpFetch(),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(config.meiliSearchTimeoutMs ? { searchTimeoutMs: config.meiliSearchTimeoutMs } : {}),
    ...(config.meiliHealthTimeoutMs ? { healthTimeoutMs: config.meiliHealthTimeoutMs } : {}),
  });
  return createSearchService({
    primary: meili,
    fallback: sqlite,
    ...(options.clock ? { clock: options.clock } : {}),
    onFallback: (error) =>
      options.logger.error('search: Meilisearch failed, answered from the SQLite index', { error: error instanceof Error ? error.message : String(error) }),
  });
}
