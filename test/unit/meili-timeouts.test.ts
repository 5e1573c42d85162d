/**
 * A hung Meilisearch (it accepts connections and never answers, like a process frozen by SIGSTOP):
 * searches give up after the search timeout and answer from the SQLite index, /api/health gives up
 * after the health timeout and says « degraded ». The server here is a real TCP listener that reads
 * and never writes; test/api/search.test.ts freezes a real Meilisearch too.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeilisearchIndex, timeoutFor } from '../../search/meilisearch/index.ts';
import { nodeHttpFetch } from '../../search/node-fetch.ts';
import { isSearchUnavailable } from '../../search/service.ts';
import { loadConfig } from '../../api/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let hung: Server;
let url: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  hung = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(hung.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => hung.close(resolve));
});

describe('a hung Meilisearch', () => {
  const index = () => createMeilisearchIndex({ url, apiKey: 'cle', indexUid: 'offers', fetch: nodeHttpFetch(), searchTimeoutMs: 300, healthTimeoutMs: 200 });

  it('a search gives up after the search timeout, as « unavailable » (so the service falls back)', async () => {
    const error = await index().search({ q: 'permis' }).catch((e: unknown) => e);
    expect(isSearchUnavailable(error)).toBe(true);
    expect((error as Error).message).toContain('300 ms');
  });

  it('the health check gives up after the health timeout', async () => {
    const health = await index().health();
    expect(health).toMatchObject({ ok: false, engine: 'meilisearch', documents: null });
    expect(health.detail).toContain('200 ms');
  });

  it('/api/health says « degraded » and search answers from the SQLite index', async () => {
    let t: TestApp | undefined;
    try {
      t = await createTestApp({ config: { searchEngine: 'meilisearch', meiliUrl: url, meiliMasterKey: 'cle', meiliSearchTimeoutMs: 300, meiliHealthTimeoutMs: 200 } });
      const health = (await (await t.app.request('/api/health')).json()) as Record<string, any>;
      expect(health.status).toBe('degraded');
      expect(health.search).toMatchObject({ engine: 'meilisearch', ok: false, fallback: { engine: 'sqlite', ok: true } });
      const search = await t.app.request('/api/search?q=permis');
      expect(search.status).toBe(200);
      expect(await search.json()).toMatchObject({ engine: 'sqlite', degraded: true });
    } finally {
      await t?.close();
    }
  });
});

describe('Meilisearch timeouts', () => {
  it('health checks, searches and reads, and writes each have theirs', () => {
    const timeouts = { requestMs: 10_000, searchMs: 2_000, healthMs: 1_000 };
    expect(timeoutFor('GET', new URL('http://m/health'), timeouts)).toBe(1_000);
    expect(timeoutFor('GET', new URL('http://m/indexes/offers/stats'), timeouts)).toBe(1_000);
    expect(timeoutFor('POST', new URL('http://m/indexes/offers/search'), timeouts)).toBe(2_000);
    expect(timeoutFor('GET', new URL('http://m/indexes/offers/settings'), timeouts)).toBe(2_000);
    expect(timeoutFor('GET', new URL('http://m/tasks/12'), timeouts)).toBe(2_000);
    expect(timeoutFor('POST', new URL('http://m/indexes/offers/documents'), timeouts)).toBe(10_000);
    expect(timeoutFor('PATCH', new URL('http://m/indexes/offers/settings'), timeouts)).toBe(10_000);
  });

  it('are configurable, with defaults of 2 s for a search and 1 s for a health check', () => {
    expect(loadConfig({})).toMatchObject({ meiliSearchTimeoutMs: 2_000, meiliHealthTimeoutMs: 1_000 });
    expect(loadConfig({ MEILI_SEARCH_TIMEOUT_MS: '1500', MEILI_HEALTH_TIMEOUT_MS: '500' })).toMatchObject({ meiliSearchTimeoutMs: 1_500, meiliHealthTimeoutMs: 500 });
    expect(() => loadConfig({ MEILI_SEARCH_TIMEOUT_MS: 'vite' })).toThrow('MEILI_SEARCH_TIMEOUT_MS');
  });
});
