/**
 * GET /api/search throughput on loopback: the real app (createApp) behind a real @hono/node-server
 * in a server process of its own (serve.ts), loaded by autocannon from the benchmark process, with
 * a fixed, seeded list of searches around communes: the API's share of the query mix (queries.ts),
 * many communes × texts × barriers × publics. No answer is cached (the engine keeps the documents
 * reachable from recently asked places and the matches of recently asked texts, see
 * docs/ARCHITECTURE.md); every URL is asked once before the measure, as a running server has.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { BARRIER_KEYS } from '../../api/domain/referentials/index.ts';
import { peakRssMb } from './measure.ts';
import { PUBLICS, TEXTS } from './queries.ts';
import { weightedPicker, type Random } from './random.ts';
import type { BenchCommune } from './synthetic.ts';

export interface Throughput {
  requestsPerSecond: number;
  /** CPU time of the server process per request answered during the measure (user + system). */
  serverCpuMsPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * Search URLs around communes (chosen by population), in the proportions of the query mix's two
 * searches: text (with a barrier one time in three), or one or two barriers (with a public one
 * time in three).
 */
export function searchPaths(random: Random, communes: readonly BenchCommune[], count: number): string[] {
  const pick = weightedPicker(communes, (c) => c.population);
  return Array.from({ length: count }, () => {
    const params = new URLSearchParams({ commune: pick(random).code });
    if (random.chance(4 / 7)) {
      params.set('q', random.pick(TEXTS));
      if (random.chance(0.3)) params.set('barriers', random.pick(BARRIER_KEYS));
    } else {
      params.set('barriers', random.some(BARRIER_KEYS, 1 + random.int(2)).join(','));
      if (random.chance(0.3)) params.set('publics', random.pick(PUBLICS));
    }
    return `/api/search?${params}`;
  });
}

/** Distinct communes the URLs search around. */
export function communesOf(paths: readonly string[]): number {
  return new Set(paths.map((p) => new URL(p, 'http://localhost').searchParams.get('commune'))).size;
}

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime (fields 14 and 15 of the file, 12 and 13 after the command name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
    // Every URL once (the server's memory of places and texts, as a running server has it), then the routes warmed.
    let found = 0;
    for (const path of paths) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
      if (((await response.json()) as { total: number }).total > 0) found++;
    }
    // An empty index answers fast: make sure the load measures real searches.
    if (found < paths.length / 2) throw new Error(`only ${found} of ${paths.length} searches found something: is the index built?`);
    await autocannon({ url: `http://127.0.0.1:${port}`, connections: 4, duration: 3, workers: 1, requests });
    const cpuBefore = cpuMs(child.pid!);
    const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, duration: seconds, workers: 1, requests });
    const cpu = cpuMs(child.pid!) - cpuBefore;
    return {
      requestsPerSecond: result.requests.average,
      serverCpuMsPerRequest: cpu / Math.max(1, result.requests.total),
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
