/**
 * The embedded engine keeps its documents in memory beside SQLite. SQLite hands the row ids of deleted
 * rows out again, so re-indexing several documents in one write can give one document the row id
 * another held just before: each must then be found once, in its new version, and none lost. And
 * the words of a written document join the in-memory vocabulary (typo tolerance) with the write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteSearchIndex } from '../../search/sqlite/index.ts';
import type { SearchIndex } from '../../search/port.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { searchDocument } from '../fixtures/search-documents.ts';

let t: TestDb;
let index: SearchIndex;

beforeAll(async () => {
  t = await createTestDb({ territories: false });
  index = await createSqliteSearchIndex(t.db);
});

afterAll(async () => {
  await t?.close();
});

async function found(): Promise<Array<[string, number | null]>> {
  const r = await index.search({ filters: {}, offset: 0, limit: 50, geo: { lat: 44.35, lon: 2.575, radiusKm: 30 } });
  return r.hits.map((h) => [h.id, h.document.places_available] as [string, number | null]).sort();
}

describe('SQLite engine rewrites', () => {
  it('finds each document once, in its last version, when one write swaps their row ids', async () => {
    const a = searchDocument({ id: 'rewrite-a', name: 'Atelier vélo solidaire', places_available: 3 });
    const b = searchDocument({ id: 'rewrite-b', name: 'Permis accompagné', places_available: 2 });
    await index.upsert([a]);
    await index.upsert([b]);
    expect(await found()).toEqual([
      ['rewrite-a', 3],
      ['rewrite-b', 2],
    ]);
    // Both rows deleted, then b inserted first: b takes a's old row id, a takes b's.
    await index.upsert([
      { ...b, places_available: 0 },
      { ...a, places_available: 0 },
    ]);
    expect(await found()).toEqual([
      ['rewrite-a', 0],
      ['rewrite-b', 0],
    ]);
    // The same after a fresh load from the database (another process's view).
    const reloaded = await createSqliteSearchIndex(t.db);
    const again = await reloaded.search({ filters: {}, offset: 0, limit: 50 });
    expect(again.hits.map((h) => [h.id, h.document.places_available]).sort()).toEqual([
      ['rewrite-a', 0],
      ['rewrite-b', 0],
    ]);
  });

  it('a written document’s words reach typo tolerance at once, without a reload', async () => {
    await index.upsert([searchDocument({ id: 'rewrite-c', name: 'Atelier xylographie solidaire' })]);
    // « xylografie »: two typos from the only word near it, known from this write alone.
    expect((await index.search({ q: 'xylografie' })).hits.map((h) => h.id)).toEqual(['rewrite-c']);
  });
});
