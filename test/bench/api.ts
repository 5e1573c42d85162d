/**
 * GET /api/search throughput on loopback: the real app (createApp) behind a real @hono/node-server
 * in a server process of its own (serve.ts), loaded by autocannon from a worker thread of the
 * benchmark, with a fixed list of searches around communes.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { BARRIER_KEYS } from '../../api/domain/referentials/index.ts';
import { peakRssMb } from './measure.ts';
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

export interface ServerEngine {
  engine: 'sqlite' | 'meilisearch';
  meilisearch?: { url: string; key: string; indexUid: string };
}

/** Starts serve.ts in a child process, loads it with autocannon from here, stops it (by its PID). */
export async function searchThroughput(databasePath: string, server: ServerEngine, paths: string[], seconds: number): Promise<Throughput & { serverPeakRssMb: number }> {
  const args = [databasePath, server.engine, ...(server.meilisearch ? [server.meilisearch.url, server.meilisearch.key, server.meilisearch.indexUid] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./serve.ts', import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const requests = paths.map((path) => ({ method: 'GET', path }));
    // Warm the routes and the engine before measuring.
    await autocannon({ url: `http://127.0.0.1:${port}`, connections: 4, duration: 3, workers: 1, requests });
    const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, duration: seconds, workers: 1, requests });
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
      serverPeakRssMb: peakRssMb(child.pid),
    };
  } finally {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    await exited;
  }
}
