/**
 * GET /api/search throughput on loopback: the real app (createApp) behind a real @hono/node-server,
 * loaded by autocannon from a worker thread, with a fixed list of searches around communes.
 */
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import type { Database } from '../../api/db/schema.ts';
import { BARRIER_KEYS } from '../../api/domain/referentials/index.ts';
import type { SearchService } from '../../search/service.ts';
import { weightedPicker, type Random } from './random.ts';
import type { BenchCommune } from './synthetic.ts';

const TEXTS = ['permis', 'garde d’enfants', 'logement', 'numérique', 'formation', 'santé mentale', 'budget', 'emploi', 'crèche', 'cv'];

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Search URLs around communes: half with text, half with a barrier, all with the commune's reach. */
export function searchPaths(random: Random, communes: readonly BenchCommune[], count: number): string[] {
  const pick = weightedPicker(communes, (c) => c.population);
  return Array.from({ length: count }, (_, i) => {
    const params = new URLSearchParams({ commune: pick(random).code });
    if (i % 2 === 0) params.set('q', random.pick(TEXTS));
    else params.set('barriers', random.pick(BARRIER_KEYS));
    return `/api/search?${params}`;
  });
}

export async function searchThroughput(db: Kysely<Database>, search: SearchService, paths: string[], seconds: number): Promise<Throughput> {
  const app = createApp({ db, config: loadConfig({}), clock: () => new Date('2026-06-15T10:00:00Z'), logger: { error() {}, info() {} }, runtime: 'node', search });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const requests = paths.map((path) => ({ method: 'GET', path }));
    // Warm the routes and the engine before measuring.
    await autocannon({ url: `http://127.0.0.1:${port}`, connections: 4, duration: 2, workers: 1, requests });
    const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, duration: seconds, workers: 1, requests });
    return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
