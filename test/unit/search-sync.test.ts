/**
 * Search sync: every offer or structure write enqueues its offers in search_outbox in the same
 * transaction; the drain pushes them to the indexes, keeps failed rows with backoff and never loses
 * one; a Meilisearch outage never fails a write and the outbox catches up later; reindex rebuilds.
 * The sync logic runs against a small in-memory index here (the engines have their own contract suite).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { outboxStats } from '../../api/db/search-outbox.ts';
import { backoffMs, drainSearchOutbox, startSearchOutboxLoop } from '../../api/jobs/search-outbox.ts';
import { reindex, reindexEmptyTargets } from '../../search/sync/reindex.ts';
import { createSearchService } from '../../search/service.ts';
import { createMeilisearchIndex } from '../../search/meilisearch/index.ts';
import { SearchUnavailableError, type EngineName, type SearchIndex, type SearchResult } from '../../search/port.ts';
import type { SearchDocument } from '../../search/document.ts';
import { freePort } from '../helpers/meilisearch.ts';

const NOW = new Date('2026-06-15T10:00:00Z');
const silentLogger = { error() {}, info() {} };
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** An index in memory that can be switched off (unreachable) or made to refuse some documents. */
class MemoryIndex implements SearchIndex {
  constructor(readonly name: EngineName = 'sqlite') {}
  docs = new Map<string, SearchDocument>();
  down = false;
  refuse = new Set<string>();
  calls = 0;
  private check(ids: string[]) {
    this.calls++;
    if (this.down) throw new SearchUnavailableError('connexion refusée');
    const bad = ids.find((id) => this.refuse.has(id));
    if (bad) throw new Error(`document refusé : ${bad}`);
  }
  async upsert(documents: SearchDocument[]) {
    this.check(documents.map((d) => d.id));
    for (const d of documents) this.docs.set(d.id, d);
  }
  async remove(ids: string[]) {
    this.check(ids);
    for (const id of ids) this.docs.delete(id);
  }
  async search(): Promise<SearchResult> {
    if (this.down) throw new SearchUnavailableError('connexion refusée');
    const hits = [...this.docs.values()].map((document) => ({ id: document.id, textScore: 1, distanceKm: null, document }));
    return { total: hits.length, hits, facets: {}, engine: this.name };
  }
  async health() {
    return { ok: !this.down, engine: this.name, documents: this.down ? null : this.docs.size };
  }
  async reindex(documents: SearchDocument[]) {
    this.check([]);
    this.docs = new Map(documents.map((d) => [d.id, d]));
  }
}

let t: TestDb;
let db: Kysely<Database>;
let structureId: string;

const outbox = () => db.selectFrom('search_outbox').selectAll().orderBy('id').execute();

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  structureId = await upsertStructureBySource(db, aStructure(), NOW);
});
afterEach(async () => {
  await t.close();
});

describe('outbox written with the data', () => {
  it('an offer write enqueues the offer', async () => {
    const id = await upsertOfferBySource(db, anOffer(structureId), NOW);
    expect((await outbox()).map((r) => [r.offer_id, r.attempts, r.next_attempt_at])).toEqual([[id, 0, NOW.toISOString()]]);
    const updated = await upsertOfferBySource(db, anOffer(structureId, { name: 'Nouveau nom' }), later(1000));
    expect(updated).toBe(id);
    expect((await outbox()).map((r) => r.offer_id)).toEqual([id, id]);
  });

  it('stores the completeness score with the offer', async () => {
    const id = await upsertOfferBySource(db, anOffer(structureId), NOW);
    const row = await db.selectFrom('offers').select('completeness').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.completeness).toBeGreaterThan(0.5);
    expect(row.completeness).toBeLessThanOrEqual(1);
  });

  it('a failing write leaves no outbox row (same transaction)', async () => {
    const id = await upsertOfferBySource(db, anOffer(structureId, { name: 'Avant' }), NOW);
    await db.deleteFrom('search_outbox').execute();
    // The offer row is updated and enqueued, then a session without start date makes the write fail.
    const broken = anOffer(structureId, { name: 'Après', sessions: [{ label: null, starts_on: null as unknown as string, ends_on: null, capacity: null, places_available: null }] });
    await expect(upsertOfferBySource(db, broken, NOW)).rejects.toThrow();
    expect(await outbox()).toEqual([]);
    expect((await db.selectFrom('offers').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).toBe('Avant');
  });

  it('joins the caller’s transaction: rolled back together', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await upsertOfferBySource(trx, anOffer(structureId, { source_id: 'in-trx' }), NOW);
        throw new Error('import annulé');
      }),
    ).rejects.toThrow('import annulé');
    expect(await outbox()).toEqual([]);
    expect(await db.selectFrom('offers').select('id').where('source_id', '=', 'in-trx').execute()).toEqual([]);
  });

  it('a structure change enqueues every offer of the structure', async () => {
    const a = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'a' }), NOW);
    const b = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'b' }), NOW);
    const other = await upsertStructureBySource(db, aStructure({ source_id: 'other' }), NOW);
    await upsertOfferBySource(db, anOffer(other, { source_id: 'c' }), NOW);
    await db.deleteFrom('search_outbox').execute();
    await upsertStructureBySource(db, aStructure({ name: 'Nouveau nom de structure' }), NOW);
    expect((await outbox()).map((r) => r.offer_id).sort()).toEqual([a, b].sort());
  });
});

describe('drain', () => {
  it('pushes searchable offers, removes the others, and deletes the rows', async () => {
    const index = new MemoryIndex();
    const published = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'pub', name: 'Permis solidaire' }), NOW);
    const draft = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'draft', status: 'draft' }), NOW);
    index.docs.set(draft, { id: draft } as SearchDocument);
    const result = await drainSearchOutbox(db, index, { now: NOW });
    expect(result).toMatchObject({ done: 2, failed: 0, upserted: 1, removed: 1 });
    expect([...index.docs.keys()]).toEqual([published]);
    expect(index.docs.get(published)).toMatchObject({ name: 'Permis solidaire', structure_name: 'Association Test Insertion' });
    expect(await outbox()).toEqual([]);
  });

  it('an offer whose structure is no longer validated leaves the index', async () => {
    const index = new MemoryIndex();
    const id = await upsertOfferBySource(db, anOffer(structureId), NOW);
    await drainSearchOutbox(db, index, { now: NOW });
    expect(index.docs.has(id)).toBe(true);
    await upsertStructureBySource(db, aStructure({ status: 'archived' }), NOW);
    await drainSearchOutbox(db, index, { now: NOW });
    expect(index.docs.has(id)).toBe(false);
  });

  it('on failure keeps the rows, counts attempts, stores the error and backs off exponentially (capped)', async () => {
    const index = new MemoryIndex();
    index.down = true;
    const id = await upsertOfferBySource(db, anOffer(structureId), NOW);

    const first = await drainSearchOutbox(db, index, { now: NOW });
    expect(first).toMatchObject({ done: 0, failed: 1 });
    let [row] = await outbox();
    expect(row).toMatchObject({ offer_id: id, attempts: 1, last_error: 'sqlite : connexion refusée', next_attempt_at: later(2_000).toISOString() });

    // Not due yet: nothing is tried.
    index.calls = 0;
    expect(await drainSearchOutbox(db, index, { now: later(1_000) })).toMatchObject({ done: 0, failed: 0 });
    expect(index.calls).toBe(0);

    await drainSearchOutbox(db, index, { now: later(2_000) });
    [row] = await outbox();
    expect(row).toMatchObject({ attempts: 2, next_attempt_at: later(2_000 + 4_000).toISOString() });

    expect([1, 2, 3, 4, 8, 9, 20].map((n) => backoffMs(n))).toEqual([2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000]);
    expect(await outboxStats(db, later(10_000))).toMatchObject({ pending: 1, failing: 1, oldest_age_s: 10, last_error: 'sqlite : connexion refusée' });
  });

  it('catches up when the engine is back, and never loses a row', async () => {
    const index = new MemoryIndex();
    index.down = true;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await upsertOfferBySource(db, anOffer(structureId, { source_id: `o${i}` }), NOW));
    await drainSearchOutbox(db, index, { now: NOW, batch: 2 });
    await drainSearchOutbox(db, index, { now: NOW, batch: 2 });
    await drainSearchOutbox(db, index, { now: NOW, batch: 2 });
    expect((await outbox()).length).toBe(5);

    index.down = false;
    let done = 0;
    for (let i = 0; i < 5; i++) done += (await drainSearchOutbox(db, index, { now: later(60_000), batch: 2 })).done;
    expect(done).toBe(5);
    expect([...index.docs.keys()].sort()).toEqual([...ids].sort());
    expect(await outboxStats(db, later(60_000))).toMatchObject({ pending: 0, failing: 0, oldest_age_s: 0 });
  });

  it('one refused document does not hold back the others', async () => {
    const index = new MemoryIndex();
    const good = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'good' }), NOW);
    const bad = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'bad' }), NOW);
    index.refuse.add(bad);
    const result = await drainSearchOutbox(db, index, { now: NOW });
    expect(result).toMatchObject({ done: 1, failed: 1 });
    expect(index.docs.has(good)).toBe(true);
    expect(await outbox()).toMatchObject([{ offer_id: bad, attempts: 1, last_error: `sqlite : document refusé : ${bad}` }]);
  });

  it('a row enqueued while a batch is pushed stays for the next pass', async () => {
    const index = new MemoryIndex();
    const id = await upsertOfferBySource(db, anOffer(structureId, { name: 'v1' }), NOW);
    const slow: SearchIndex = Object.assign(Object.create(index) as MemoryIndex, {
      upsert: async (documents: SearchDocument[]) => {
        // A new edit commits while the engine is busy with the previous version.
        await upsertOfferBySource(db, anOffer(structureId, { name: 'v2' }), NOW);
        await index.upsert(documents);
      },
    });
    await drainSearchOutbox(db, slow, { now: NOW });
    expect(index.docs.get(id)!.name).toBe('v1');
    expect((await outbox()).length).toBe(1);
    await drainSearchOutbox(db, index, { now: NOW });
    expect(index.docs.get(id)!.name).toBe('v2');
  });

  it('with a fallback, a row stays until every index has it; the fallback is fresh meanwhile', async () => {
    const meili = new MemoryIndex('meilisearch');
    const sqlite = new MemoryIndex();
    const service = createSearchService({ primary: meili, fallback: sqlite });
    meili.down = true;
    const id = await upsertOfferBySource(db, anOffer(structureId), NOW);
    await drainSearchOutbox(db, service.targets, { now: NOW });
    expect(sqlite.docs.has(id)).toBe(true);
    expect((await outbox()).length).toBe(1);
    const answer = await service.search({});
    expect(answer).toMatchObject({ engine: 'sqlite', degraded: true, total: 1 });
    meili.down = false;
    await drainSearchOutbox(db, service.targets, { now: later(5_000) });
    expect(meili.docs.has(id)).toBe(true);
    expect(await outbox()).toEqual([]);
  });
});

describe('Meilisearch down', () => {
  it('writes still succeed, the outbox grows, and it drains once an engine answers', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const meili = createMeilisearchIndex({ url: closed, apiKey: 'cle', indexUid: 'offers', requestTimeoutMs: 2_000 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await upsertOfferBySource(db, anOffer(structureId, { source_id: `m${i}` }), NOW));
    const result = await drainSearchOutbox(db, meili, { now: NOW });
    expect(result).toMatchObject({ done: 0, failed: 3 });
    expect(result.error).toMatch(/^meilisearch : /);
    ids.push(await upsertOfferBySource(db, anOffer(structureId, { source_id: 'm3' }), later(1_000)));
    expect(await outboxStats(db, later(1_000))).toMatchObject({ pending: 4, failing: 3 });

    const back = new MemoryIndex();
    await drainSearchOutbox(db, back, { now: later(10_000) });
    expect([...back.docs.keys()].sort()).toEqual([...ids].sort());
    expect(await outboxStats(db, later(10_000))).toMatchObject({ pending: 0 });
  });
});

describe('drain loop', () => {
  it('drains in the background and stops cleanly', async () => {
    const index = new MemoryIndex();
    const loop = startSearchOutboxLoop({ db, targets: [index], clock: () => later(0), logger: silentLogger, intervalMs: 20 });
    try {
      const id = await upsertOfferBySource(db, anOffer(structureId), NOW);
      const deadline = Date.now() + 5_000;
      while (!index.docs.has(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(index.docs.has(id)).toBe(true);
    } finally {
      await loop.stop();
    }
    const after = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'after-stop' }), NOW);
    await new Promise((r) => setTimeout(r, 60));
    expect(index.docs.has(after)).toBe(false);
  });

  it('a write wakes it at once, even while a pass is running (that pass may have read the outbox before the write)', async () => {
    const index = new MemoryIndex();
    const loop = startSearchOutboxLoop({ db, targets: [index], clock: () => later(0), logger: silentLogger, intervalMs: 1_000_000 });
    const visible = async (id: string) => {
      const deadline = Date.now() + 5_000;
      while (!index.docs.has(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return index.docs.has(id);
    };
    try {
      await loop.drainNow();
      // No tick for 1,000 s: only the wake can bring the write in.
      const first = await upsertOfferBySource(db, anOffer(structureId), NOW);
      loop.wake();
      expect(await visible(first)).toBe(true);
      // Hold the next pass inside the engine, write while it runs, wake: the write must follow without a tick.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const upsert = index.upsert.bind(index);
      index.upsert = async (docs) => {
        entered();
        await held;
        await upsert(docs);
      };
      const second = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'second' }), NOW);
      loop.wake();
      await inside;
      const third = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'third' }), NOW);
      loop.wake();
      release();
      expect(await visible(second)).toBe(true);
      expect(await visible(third)).toBe(true);
    } finally {
      await loop.stop();
    }
  });

  it('logs a failing engine once, then its recovery, without personal data', async () => {
    const index = new MemoryIndex();
    index.down = true;
    const lines: string[] = [];
    const logger = { error: (m: string, meta?: object) => lines.push(`${m} ${JSON.stringify(meta)}`), info: (m: string) => lines.push(m) };
    let clock = NOW;
    const loop = startSearchOutboxLoop({ db, targets: [index], clock: () => clock, logger, intervalMs: 1_000_000 });
    try {
      await upsertOfferBySource(db, anOffer(structureId, { contact_name: 'Mme Confidentielle' }), NOW);
      await loop.drainNow();
      await upsertOfferBySource(db, anOffer(structureId, { source_id: 'second' }), NOW);
      await loop.drainNow();
      index.down = false;
      clock = later(600_000);
      await loop.drainDue();
    } finally {
      await loop.stop();
    }
    expect(lines).toEqual([expect.stringContaining('search outbox: push failed'), 'search outbox: caught up again']);
    expect(lines.join('\n')).not.toContain('Confidentielle');
  });
});

describe('reindex', () => {
  it('rebuilds the index from the database and clears the outbox it covers', async () => {
    const index = new MemoryIndex();
    index.docs.set('stale', { id: 'stale' } as SearchDocument);
    const a = await upsertOfferBySource(db, anOffer(structureId, { source_id: 'a' }), NOW);
    await upsertOfferBySource(db, anOffer(structureId, { source_id: 'draft', status: 'draft' }), NOW);
    const pending = await upsertStructureBySource(db, aStructure({ source_id: 'pending', status: 'pending' }), NOW);
    await upsertOfferBySource(db, anOffer(pending, { source_id: 'of-pending' }), NOW);
    const progress: string[] = [];
    const result = await reindex(db, index, { onProgress: (p) => progress.push(p.step) });
    expect(result.documents).toBe(1);
    expect([...index.docs.keys()]).toEqual([a]);
    expect(progress).toEqual(['read', 'index']);
    expect(await outbox()).toEqual([]);
  });

  it('at start, fills only empty indexes, and keeps the outbox for an index it could not fill', async () => {
    const meili = Object.assign(new MemoryIndex('meilisearch'), { down: true });
    const sqlite = new MemoryIndex();
    const id = await upsertOfferBySource(db, anOffer(structureId), NOW);
    expect(await reindexEmptyTargets(db, [meili, sqlite])).toEqual(['sqlite']);
    expect(sqlite.docs.has(id)).toBe(true);
    expect((await outbox()).length).toBe(1);
    expect(await reindexEmptyTargets(db, [sqlite])).toEqual([]);
  });
});
