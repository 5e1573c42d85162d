/**
 * `npm run bench [-- --sizes 10000,50000] [--queries 500] [--api-seconds 10] [--api-paths 500] [--seed 1]`
 *
 * For each size: a synthetic national catalogue over real communes (synthetic.ts) in a fresh
 * database with the territories; both engines indexed in the same run (SQLite in this process, a
 * real Meilisearch from test/helpers/meilisearch.ts); a fixed, seeded mix of queries replayed on
 * each (queries.ts); an edit made visible through the outbox (edits.ts); a full reindex; the
 * coverage of a ~560-commune département; then GET /api/search throughput on loopback (api.ts).
 * Prints Markdown tables for README.md. Not a test: targets are read, not asserted.
 */
import { setMaxListeners } from 'node:events';
import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { createTestDb } from '../helpers/db.ts';
import { meilisearchBinary, startMeilisearch, type MeilisearchServer } from '../helpers/meilisearch.ts';
import { createSqliteSearchIndex } from '../../search/sqlite/index.ts';
import { createMeilisearchIndex } from '../../search/meilisearch/index.ts';
import { nodeHttpFetch } from '../../search/node-fetch.ts';
import { createSearchService } from '../../search/service.ts';
import { allSearchDocuments } from '../../search/sync/documents.ts';
import { reindex } from '../../search/sync/reindex.ts';
import type { SearchDocument } from '../../search/document.ts';
import type { SearchIndex } from '../../search/port.ts';
import { communesOf, searchPaths, searchThroughput, type ServerEngine, type Throughput } from './api.ts';
import { editVisibleLatencies } from './edits.ts';
import { fmt, latencies, peakRssMb, percentile, table, timed, type Latencies } from './measure.ts';
import { QUERY_KINDS, queryMix, runQuery, type QueryKind } from './queries.ts';
import { seeded } from './random.ts';
import { placedCommunes, writeSyntheticCatalogue } from './synthetic.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000' },
    queries: { type: 'string', default: '500' },
    'api-seconds': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    edits: { type: 'string', default: '20' },
    'api-paths': { type: 'string', default: '500' },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const QUERIES = Number(args.queries);
const SEED = Number(args.seed);
const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = '2026-06-15';
/** Saône-et-Loire: 560-odd communes. */
const COVERAGE_DEPARTEMENT = '71';

interface EngineReport {
  engine: string;
  indexMs: number;
  reindexMs: number;
  /** The first pass over the mix: cold caches (and JIT). */
  cold: Record<QueryKind, Latencies>;
  queries: Record<QueryKind, Latencies>;
  qps: number;
  peakRssMb: number;
  editVisible: number[];
  api: Throughput & { serverPeakRssMb: number };
}

interface SizeReport {
  size: number;
  /** URLs of the API load, and the communes they search around. */
  apiPaths: number;
  apiCommunes: number;
  documents: number;
  writeMs: number;
  coverageMs: number;
  engines: EngineReport[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const LOAD_AT_START = load();

/** One pass over the mix: latencies per kind, and queries per second over the pass. */
async function pass(index: SearchIndex, mix: ReturnType<typeof queryMix>): Promise<{ queries: Record<QueryKind, Latencies>; qps: number }> {
  const samples = Object.fromEntries(QUERY_KINDS.map((k) => [k, [] as number[]])) as Record<QueryKind, number[]>;
  const started = performance.now();
  for (const q of mix) {
    const t0 = performance.now();
    await runQuery(index, q, NOW);
    samples[q.kind].push(performance.now() - t0);
  }
  const total = performance.now() - started;
  return { queries: Object.fromEntries(QUERY_KINDS.map((k) => [k, latencies(samples[k], total)])) as Record<QueryKind, Latencies>, qps: (mix.length / total) * 1000 };
}

/** A first pass (cold: caches, JIT), then the pass reported, as a running server answers. */
async function replay(index: SearchIndex, mix: ReturnType<typeof queryMix>) {
  const cold = await pass(index, mix);
  const warm = await pass(index, mix);
  return { cold: cold.queries, queries: warm.queries, qps: warm.qps };
}

async function coverageMs(db: Kysely<Database>, search: SearchIndex): Promise<number> {
  const app = createApp({ db, config: loadConfig({}), clock: () => NOW, logger: { error() {}, info() {} }, runtime: 'node', search: createSearchService({ primary: search }) });
  const runs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { ms, value } = await timed(async () => app.request(`/api/coverage?dept=${COVERAGE_DEPARTEMENT}`));
    if (value.status !== 200) throw new Error(`coverage: HTTP ${value.status}`);
    await value.arrayBuffer();
    if (i > 0) runs.push(ms);
  }
  return percentile(runs.sort((a, b) => a - b), 50);
}

async function benchSize(size: number, meili: MeilisearchServer | null): Promise<SizeReport> {
  log(`\n== ${size} offers (load ${load()})`);
  const t = await createTestDb({ territories: true });
  try {
    const communes = await placedCommunes(t.db);
    const writeMs = await writeSyntheticCatalogue(t.db, communes, size, SEED, NOW);
    log(`catalogue written in ${fmt(writeMs / 1000)} s`);
    let documents: SearchDocument[] = [];
    for await (const page of allSearchDocuments(t.db, NOW)) documents.push(...page);
    const documentCount = documents.length;
    const mix = queryMix(seeded(SEED + 1), communes, QUERIES, DAY);
    const paths = searchPaths(seeded(SEED + 2), communes, Number(args['api-paths']));

    const engines: [string, SearchIndex, number | undefined, ServerEngine][] = [['SQLite', await createSqliteSearchIndex(t.db), undefined, { engine: 'sqlite' }]];
    if (meili) {
      const indexUid = `bench-${size}`;
      const index = createMeilisearchIndex({ url: meili.url, apiKey: meili.key, indexUid, fetch: nodeHttpFetch() });
      engines.push(['Meilisearch', index, meili.pid, { engine: 'meilisearch', meilisearch: { url: meili.url, key: meili.key, indexUid } }]);
    }
    const reports: EngineReport[] = [];
    for (const [engine, index, pid, server] of engines) {
      log(`${engine}: indexing ${documentCount} documents…`);
      const indexMs = (await timed(() => index.reindex(documents))).ms;
      if (engine === engines[engines.length - 1]![0]) documents = []; // Let the collector have them: no server holds them.
      log(`${engine}: full reindex from the database…`);
      const reindexMs = (await timed(() => reindex(t.db, index, { now: NOW }))).ms;
      log(`${engine}: ${mix.length} queries…`);
      const { cold, queries, qps } = await replay(index, mix);
      const peak = peakRssMb(pid);
      log(`${engine}: edits…`);
      const editVisible = await editVisibleLatencies(t.db, index, seeded(SEED + 3), Number(args.edits), DAY);
      log(`${engine}: /api/search on loopback…`);
      const api = await searchThroughput(t.path, server, paths, Number(args['api-seconds']));
      reports.push({ engine, indexMs, reindexMs, cold, queries, qps, peakRssMb: peak, editVisible, api });
    }
    log('coverage…');
    const coverage = await coverageMs(t.db, engines[0]![1]);
    return { size, apiPaths: paths.length, apiCommunes: communesOf(paths), documents: documentCount, writeMs, coverageMs: coverage, engines: reports };
  } finally {
    await t.close();
  }
}

function printReport(reports: SizeReport[]): void {
  const out: string[] = [];
  out.push(`Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load average at the start: ${LOAD_AT_START}, at the end: ${load()}.`);
  for (const r of reports) {
    out.push('', `**${r.size.toLocaleString('en')} offers** (${r.documents.toLocaleString('en')} searchable; catalogue written in ${fmt(r.writeMs / 1000)} s; coverage of département ${COVERAGE_DEPARTEMENT}: ${fmt(r.coverageMs, 0)} ms; API load: ${r.apiPaths} URLs around ${r.apiCommunes} communes)`, '');
    const [a, b] = r.engines;
    const ratio = (x: number, y: number | undefined) => (y ? `${fmt(x / y, 2)}` : '—');
    const rows: (string | number)[][] = [];
    const row = (label: string, get: (e: EngineReport) => number, digits = 1, unit = '') =>
      rows.push([label, `${fmt(get(a!), digits)}${unit}`, b ? `${fmt(get(b), digits)}${unit}` : '—', ratio(get(a!), b && get(b))]);
    row('index (all documents), s', (e) => e.indexMs / 1000, 2);
    row('full reindex from the database, s', (e) => e.reindexMs / 1000, 2);
    for (const kind of QUERY_KINDS) {
      row(`${kind}: p50 / ms`, (e) => e.queries[kind].p50, 2);
      row(`${kind}: p95 / ms`, (e) => e.queries[kind].p95, 2);
      row(`${kind}: p99 / ms`, (e) => e.queries[kind].p99, 2);
      row(`${kind}: p95, first pass (cold) / ms`, (e) => e.cold[kind].p95, 2);
    }
    row('queries/s (sequential replay)', (e) => e.qps, 0);
    row('peak RSS, MB (SQLite: the benchmark process; Meilisearch: its server)', (e) => e.peakRssMb, 0);
    row('peak RSS of the API server process, MB', (e) => e.api.serverPeakRssMb, 0);
    row('edit visible in search: p50 / ms', (e) => percentile([...e.editVisible].sort((x, y) => x - y), 50), 0);
    row('edit visible in search: max / ms', (e) => Math.max(...e.editVisible), 0);
    row('GET /api/search, req/s (10 connections)', (e) => e.api.requestsPerSecond, 0);
    row('GET /api/search latency p99 / ms', (e) => e.api.p99, 0);
    row('GET /api/search, server CPU per request / ms', (e) => e.api.serverCpuMsPerRequest, 2);
    out.push(table(['', 'SQLite', 'Meilisearch', 'SQLite / Meilisearch'], rows));
    const errors = r.engines.filter((e) => e.api.errors > 0).map((e) => `${e.engine}: ${e.api.errors} errors`);
    if (errors.length) out.push('', `API errors: ${errors.join(', ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// The Meilisearch client adds a listener to the wait signal at every poll of a long indexing task
// and only removes it on abort: harmless here, but Node warns past 10.
setMaxListeners(1000);
const binary = meilisearchBinary('the Meilisearch half of the benchmark');
const meili = binary ? await startMeilisearch(binary) : null;
try {
  const reports: SizeReport[] = [];
  for (const size of SIZES) reports.push(await benchSize(size, meili));
  printReport(reports);
} finally {
  await meili?.stop();
}
