/**
 * The Meilisearch engine of the SearchIndex port, for national-scale catalogues. Same semantics as
 * the SQLite engine (filters in filter.ts, settings in settings.ts); Web-standard only, so the
 * Workers entry can use it. Every write waits for its Meilisearch task and fails loudly when the
 * task fails; an unreachable server raises SearchUnavailableError so callers can fall back.
 */
import { Meilisearch, MeilisearchApiError, type Index, type SearchParams } from 'meilisearch';
import { distanceKm } from '../../api/domain/geo.ts';
import type { SearchDocument } from '../document.ts';
import type { FacetField, SearchHealth, SearchHit, SearchIndex, SearchQuery, SearchResult } from '../port.ts';
import { fromMeiliHit, RETRIEVED_FIELDS, toMeiliDocument, type MeiliDocument } from './document.ts';
import { assertSucceeded, isIndexNotFound, isNotFound, SearchTaskError, SearchUnavailableError, translateError } from './errors.ts';
import { filterExpression } from './filter.ts';
import { LEXICON } from './lexicon.ts';
import { indexSettings, settingsToUpdate, type Lexicon } from './settings.ts';
import { meiliQueryText, nearestWordQueries, nearestWordTypos, wordsToLookUp } from './query.ts';

export { SearchTaskError, SearchUnavailableError };
export { indexSettings, synonymMap, type Lexicon } from './settings.ts';

export interface MeilisearchIndexOptions {
  url: string;
  apiKey: string;
  indexUid: string;
  /** Another fetch (a Workers service binding, a test double); the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per write request (documents, settings); an unreachable or hung host fails after this (default 10 s). */
  requestTimeoutMs?: number;
  /** Per search or other read (settings, task polls): then a search is answered from the fallback (default 2 s). */
  searchTimeoutMs?: number;
  /** Per health or stats request, what /api/health waits (default 1 s). */
  healthTimeoutMs?: number;
  /** How long to wait for an indexing task before reporting the engine unavailable. */
  taskTimeoutMs?: number;
  /** Documents per indexing request. */
  batchSize?: number;
  lexicon?: Lexicon;
}

const DEFAULT_LIMIT = 20;

export function createMeilisearchIndex(options: MeilisearchIndexOptions): SearchIndex {
  // Timeouts are ours (jsonClient), not the client's `timeout`: that one adds an abort listener to the
  // signal of a task wait at every poll and never removes it (MaxListenersExceededWarning).
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 120_000, interval: 25 },
    httpClient: jsonClient(options.fetch ?? ((input, init) => fetch(input, init)), {
      requestMs: options.requestTimeoutMs ?? 10_000,
      searchMs: options.searchTimeoutMs ?? 2_000,
      healthMs: options.healthTimeoutMs ?? 1_000,
    }),
  });
  const uid = options.indexUid;
  const settings = indexSettings(options.lexicon ?? LEXICON);
  const batchSize = options.batchSize ?? 5_000;

  /** Creates the index when missing and brings its settings up to date; once per instance. */
  let prepared: Promise<void> | null = null;
  function ready(): Promise<void> {
    prepared ??= prepare(uid, 'la préparation de l’index').catch((error: unknown) => {
      prepared = null;
      throw error;
    });
    return prepared;
  }

  async function prepare(indexUid: string, what: string): Promise<void> {
    const index = client.index(indexUid);
    let current;
    try {
      current = await index.getSettings();
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const created = await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask();
      // Another instance may have created it meanwhile: that is fine.
      if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') assertSucceeded(created, what);
      current = await index.getSettings();
    }
    const update = settingsToUpdate(current, settings);
    if (Object.keys(update).length) assertSucceeded(await index.updateSettings(update).waitTask(), 'la mise à jour des réglages');
  }

  async function addAll(index: Index<MeiliDocument>, documents: SearchDocument[]): Promise<void> {
    const pending = [];
    for (let i = 0; i < documents.length; i += batchSize) {
      pending.push(index.addDocuments(documents.slice(i, i + batchSize).map(toMeiliDocument), { primaryKey: 'id' }));
    }
    for (const task of pending) assertSucceeded(await task.waitTask(), 'l’indexation des documents');
  }

  /** Runs `work`, translating client errors; a vanished index is recreated once. */
  async function run<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      await ready();
      return await work();
    } catch (error) {
      if (isIndexNotFound(error)) {
        prepared = null;
        try {
          await ready();
          return await work();
        } catch (retryError) {
          throw translateError(retryError, what);
        }
      }
      throw translateError(error, what);
    }
  }

  return {
    name: 'meilisearch',

    upsert(documents) {
      if (!documents.length) return Promise.resolve();
      return run('l’indexation', () => addAll(client.index<MeiliDocument>(uid), documents));
    },

    remove(ids) {
      if (!ids.length) return Promise.resolve();
      return run('la suppression de documents', async () => {
        assertSucceeded(await client.index(uid).deleteDocuments(ids).waitTask(), 'la suppression de documents');
      });
    },

    search(query) {
      return run('la recherche', async () => search(client.index(uid), query, await nearestWords(client, uid, wordsToLookUp(query.q))));
    },

    async health(): Promise<SearchHealth> {
      try {
        await client.health();
      } catch (error) {
        return { ok: false, engine: 'meilisearch', documents: null, detail: translateError(error, 'le contrôle de santé').message };
      }
      try {
        const stats = await client.index(uid).getStats();
        return { ok: true, engine: 'meilisearch', documents: stats.numberOfDocuments };
      } catch (error) {
        if (isNotFound(error)) return { ok: true, engine: 'meilisearch', documents: 0, detail: `Index « ${uid} » pas encore créé` };
        return { ok: false, engine: 'meilisearch', documents: null, detail: translateError(error, 'le contrôle de santé').message };
      }
    },

    /**
     * Builds the new content in a side index, then swaps it in atomically: searches keep answering
     * from the old content until the new one is complete.
     */
    reindex(documents) {
      const side = `${uid}__reindex`;
      return run('la réindexation', async () => {
        const deleted = await client.index(side).delete().waitTask();
        if (deleted.status !== 'succeeded' && deleted.error?.code !== 'index_not_found') assertSucceeded(deleted, 'la réindexation');
        await prepare(side, 'la réindexation');
        await addAll(client.index<MeiliDocument>(side), documents);
        // `rename` (1.18+) would rename instead of swapping; both indexes exist here, so a plain swap.
        assertSucceeded(await client.swapIndexes([{ indexes: [uid, side] } as { indexes: [string, string]; rename: boolean }]).waitTask(), 'l’échange des index');
        assertSucceeded(await client.index(side).delete().waitTask(), 'la suppression de l’ancien index');
      });
    },
  };
}

/** For each word, typos to the nearest indexed word (one request; none without words). */
async function nearestWords(client: Meilisearch, indexUid: string, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const { results } = await client.multiSearch({ queries: nearestWordQueries(words).map((query) => ({ indexUid, ...query })) });
  return new Map(words.map((w, i) => [w, nearestWordTypos(results[i]!.hits)]));
}

async function search(index: Index, query: SearchQuery, nearest: ReadonlyMap<string, number>): Promise<SearchResult> {
  const q = meiliQueryText(query.q, nearest);
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? DEFAULT_LIMIT);
  const window = pageWindow(offset, limit);
  const geo = query.geo;
  const facets = query.facets ?? [];
  const params = {
    filter: filterExpression(query.filters, geo),
    // Ties in text relevance (or no text) go by distance, then id: a total order, so pages never overlap.
    sort: geo ? [`_geoPoint(${geo.lat}, ${geo.lon}):asc`, 'id:asc'] : ['id:asc'],
    facets: [...facets],
    page: window.page,
    hitsPerPage: window.hitsPerPage,
    attributesToRetrieve: RETRIEVED_FIELDS,
    showRankingScore: q !== '',
    // Every word (or a synonym, or a typo of it) must match, like the SQLite engine's FTS query.
    matchingStrategy: 'all',
    locales: ['fra'],
  } satisfies SearchParams;
  const response = await index.search<Record<string, unknown>, typeof params>(q || null, params);
  const hits: SearchHit[] = response.hits.slice(window.skip).map((hit) => {
    const document = fromMeiliHit(hit);
    return {
      id: document.id,
      textScore: q ? Number(hit._rankingScore ?? 0) : 1,
      distanceKm: geo && document.lat != null && document.lon != null ? distanceKm([geo.lon, geo.lat], [document.lon, document.lat]) : null,
      document,
    };
  });
  const distribution = response.facetDistribution ?? {};
  const counts: SearchResult['facets'] = {};
  for (const facet of facets) counts[facet as FacetField] = { ...(distribution[facet] ?? {}) };
  return { total: response.totalHits, hits, facets: counts, engine: 'meilisearch' };
}

/**
 * Offset/limit as page/hitsPerPage, the mode in which Meilisearch counts hits exhaustively
 * (`totalHits`) instead of estimating them. An offset that is not a multiple of the limit reads
 * the first offset+limit hits and skips the head.
 */
export function pageWindow(offset: number, limit: number): { page: number; hitsPerPage: number; skip: number } {
  if (limit > 0 && offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: offset + limit, skip: offset };
}

export interface RequestTimeouts {
  requestMs: number;
  searchMs: number;
  healthMs: number;
}

/**
 * The timeout of a request: health checks and stats (what /api/health waits for), searches and
 * other reads (the settings read before a first search, task polls), then writes (documents,
 * settings), which may carry thousands of documents.
 */
export function timeoutFor(method: string, url: URL, timeouts: RequestTimeouts): number {
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/health') || path.endsWith('/stats')) return timeouts.healthMs;
  if (path.endsWith('/search') || method.toUpperCase() === 'GET') return timeouts.searchMs;
  return timeouts.requestMs;
}

/**
 * The client's HTTP hook: parses JSON and raises API errors the way the client does with the global
 * fetch, and times each request out with its own signal (the body read included). The caller's
 * signal (a task wait reuses one across its polls) is followed through a listener removed at the end.
 */
function jsonClient(fetchImpl: typeof fetch, timeouts: RequestTimeouts) {
  return async (input: Parameters<typeof fetch>[0], init: Parameters<typeof fetch>[1] = {}): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const ms = timeoutFor(init.method ?? 'GET', url, timeouts);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    const outer = init.signal;
    const follow = () => controller.abort(outer?.reason);
    if (outer?.aborted) follow();
    else outer?.addEventListener('abort', follow, { once: true });
    try {
      const response = await fetchImpl(input, { ...init, signal: controller.signal });
      const text = await response.text();
      const body = text === '' ? undefined : JSON.parse(text);
      if (!response.ok) throw new MeilisearchApiError(response, body);
      return body;
    } catch (error) {
      if (timedOut) throw new SearchUnavailableError(`délai de ${ms} ms dépassé`, { cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    }
  };
}
