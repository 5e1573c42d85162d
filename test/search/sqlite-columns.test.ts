/**
 * The SQLite engine checks barriers, publics and suspensions on typed columns (search/sqlite/
 * columns.ts), with a bit per public for the first 31 publics it meets: a document with a public
 * past those is checked on the document itself. Whatever the number of publics, answers must be
 * the ones the port's rules give (test/search/reference.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteSearchIndex } from '../../search/sqlite/index.ts';
import type { GeoConstraint, SearchIndex } from '../../search/port.ts';
import type { SearchDocument } from '../../search/document.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { searchDocument } from '../fixtures/search-documents.ts';
import { expectedIds } from './reference.ts';

let t: TestDb;
let index: SearchIndex;
const documents: SearchDocument[] = [];
const GEO: GeoConstraint = { lat: 44.3506, lon: 2.575, radiusKm: 30, reachable: { includeRemote: true, itinerantCommune: '12202' } };

beforeAll(async () => {
  t = await createTestDb({ territories: false });
  index = await createSqliteSearchIndex(t.db);
  // 40 publics, one document each (the last ones past the publics that get a bit), some also for
  // young people, every third suspended until after the day asked, and one open to everybody.
  for (let n = 0; n < 40; n++) {
    documents.push(
      searchDocument({
        id: `columns-${String(n).padStart(2, '0')}`,
        name: `Action ${n}`,
        publics: n % 4 === 0 ? [`public-${n}`, 'jeunes'] : [`public-${n}`],
        barriers: n % 2 === 0 ? ['mobilite'] : ['emploi'],
        suspended_until: n % 3 === 0 ? '2026-06-20' : null,
        lat: 44.3506 + n * 0.001,
      }),
    );
  }
  documents.push(searchDocument({ id: 'columns-all', name: 'Pour tous', publics: ['tous-publics'], barriers: ['mobilite'] }));
  await index.upsert(documents);
});

afterAll(async () => {
  await t?.close();
});

describe('SQLite engine columns', () => {
  it.each([
    ['a public with a bit', ['public-2']],
    ['a public past the bits', ['public-37']],
    ['both, and young people', ['public-5', 'public-36', 'jeunes']],
    ['a public nobody has', ['public-99']],
  ])('publics: %s', async (_label, publics) => {
    for (const activeOn of ['2026-06-15', '2026-06-21']) {
      for (const barriers of [undefined, ['mobilite']]) {
        const filters = { publics, activeOn, ...(barriers ? { barriers } : {}) };
        const got = (await index.search({ filters, geo: GEO, limit: 100 })).hits.map((h) => h.id);
        expect(got, JSON.stringify(filters)).toEqual(expectedIds(documents, filters, GEO));
        expect(got).toContain('columns-all');
      }
    }
  });
});
