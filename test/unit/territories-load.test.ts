/** The territory loader on the real COG: counts, areas from arrondissements, idempotence. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadTerritories } from '../../seed/territories/load.ts';
import { loadContours } from '../../seed/territories/contours.ts';
import { createTestDb, SEED_DEPARTEMENTS, type TestDb } from '../helpers/db.ts';
import { sharedGeoDir } from '../helpers/shared.ts';

const geoDir = sharedGeoDir('commune centres and contours for the territory loader tests');
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ territories: true });
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: 'communes' | 'regions' | 'departements' | 'epci') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('loadTerritories', () => {
  it('loads every current commune of the COG, with départements, régions and EPCI', async () => {
    expect(await count('communes')).toBe(34969);
    expect(await count('departements')).toBeGreaterThanOrEqual(101);
    expect(await count('regions')).toBeGreaterThanOrEqual(18);
    expect(await count('epci')).toBeGreaterThan(1200);
    const aurillac = await t.db.selectFrom('communes').selectAll().where('code', '=', '15014').executeTakeFirstOrThrow();
    expect(aurillac).toMatchObject({ name: 'Aurillac', search_name: 'aurillac', departement_code: '15', region_code: '84', arrondissement_code: '151', postal_codes: '15000' });
    const caba = await t.db.selectFrom('epci').selectAll().where('code', '=', aurillac.epci_code!).executeTakeFirstOrThrow();
    expect(caba.kind).toBe('CA');
    const kinds = (await t.db.selectFrom('epci').select('kind').distinct().execute()).map((r) => r.kind).sort();
    expect(kinds).toEqual(['CA', 'CC', 'CU', 'METRO']);
    const multi = await t.db.selectFrom('communes').select('postal_codes').where('code', '=', '13055').executeTakeFirstOrThrow();
    expect(multi.postal_codes.split(' ').length).toBeGreaterThan(10); // Marseille
  });

  it.skipIf(!geoDir)('takes the centres from GEO_DIR: 101 communes have none', async () => {
    const without = await t.db.selectFrom('communes').select((eb) => eb.fn.countAll<number>().as('n')).where('lon', 'is', null).executeTakeFirstOrThrow();
    expect(Number(without.n)).toBe(101);
    const load = await t.db.selectFrom('territory_loads').selectAll().executeTakeFirstOrThrow();
    expect(load).toMatchObject({ communes: 34969, centres: 34868 });
  });

  it('makes one area per arrondissement in the five seed départements', async () => {
    const areas = await t.db.selectFrom('areas').select(['id', 'name', 'kind', 'chef_lieu', 'departement_code']).where('departement_code', 'in', SEED_DEPARTEMENTS).orderBy('id').execute();
    expect(areas.filter((a) => a.departement_code === '15')).toEqual([
      { id: '15-aurillac', name: 'Aurillac', kind: 'arrondissement', chef_lieu: '15014', departement_code: '15' },
      { id: '15-mauriac', name: 'Mauriac', kind: 'arrondissement', chef_lieu: '15120', departement_code: '15' },
      { id: '15-saint-flour', name: 'Saint-Flour', kind: 'arrondissement', chef_lieu: '15187', departement_code: '15' },
    ]);
    const perDept = Object.fromEntries(SEED_DEPARTEMENTS.map((d) => [d, areas.filter((a) => a.departement_code === d).length]));
    expect(perDept).toEqual({ '15': 3, '40': 2, '47': 4, '63': 5, '71': 5 });
    expect(areas.map((a) => a.id)).toContain('71-chalon-sur-saone');
  });

  it('puts every commune of the five départements in exactly one area', async () => {
    const rows = await t.db
      .selectFrom('communes as c')
      .leftJoin('area_communes as ac', 'ac.commune_code', 'c.code')
      .select(['c.code', (eb) => eb.fn.count<number>('ac.area_id').as('areas')])
      .where('c.departement_code', 'in', SEED_DEPARTEMENTS)
      .groupBy('c.code')
      .execute();
    expect(rows.length).toBe(250 + 327 + 319 + 463 + 563);
    expect(rows.filter((r) => Number(r.areas) !== 1)).toEqual([]);
  });

  it('skips a second load of the same COG version', async () => {
    const result = await loadTerritories(t.db, { geoDir: null, now: new Date('2026-06-15T10:00:00Z'), fetch: () => Promise.reject(new Error('no network expected')) });
    expect(result).toMatchObject({ skipped: true, communes: 34969 });
    const loads = await sql<{ n: number }>`select count(*) as n from territory_loads`.execute(t.db);
    expect(Number(loads.rows[0]!.n)).toBe(1);
  });
});

describe.skipIf(!geoDir)('loadContours from GEO_DIR', () => {
  it('stores the contour of each seed département and of its communes, once', async () => {
    const contours = await t.db
      .selectFrom('contours')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(contours.map((r) => [r.kind, Number(r.n)]))).toEqual({ departement: 5, commune: 246 + 327 + 319 + 463 + 563 });
    const cantal = await t.db.selectFrom('contours').select('geometry').where('kind', '=', 'departement').where('code', '=', '15').executeTakeFirstOrThrow();
    expect(JSON.parse(cantal.geometry).type).toMatch(/Polygon/);
    const again = await loadContours(t.db, ['15', '47'], { geoDir: geoDir!, fetch: () => Promise.reject(new Error('no network expected')) });
    expect(again).toEqual({ loaded: [], skipped: ['15', '47'] });
  });
});
