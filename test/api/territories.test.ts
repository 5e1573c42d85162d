/** GET /api/territories/…: autocomplete, commune and département details, GeoJSON layers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { sharedGeoDir } from '../helpers/shared.ts';

type Json = Record<string, any>;
const geoDir = sharedGeoDir('centres and contours behind the territories API tests');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ territories: true });
});
afterAll(async () => {
  await t?.close();
});

async function get(path: string): Promise<{ status: number; type: string | null; body: Json }> {
  const r = await t.app.request(path);
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as Json };
}

describe('GET /api/territories/communes', () => {
  it('autocompletes commune names', async () => {
    const r = await get('/api/territories/communes?q=st%20flour');
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ code: '15187', name: 'Saint-Flour', postal_codes: ['15100'], departement_code: '15', epci_code: '200066660' });
    expect(r.body.items[0].population).toBeGreaterThan(5000);
    expect(r.body.items.length).toBeLessThanOrEqual(10);
    if (geoDir) expect(r.body.items[0].centre).toEqual({ lon: expect.closeTo(3.08, 1), lat: expect.closeTo(45.03, 1) });
  });

  it('finds communes by postal code and honours the limit', async () => {
    const agen = await get('/api/territories/communes?q=47000');
    expect(agen.body.items[0].code).toBe('47001');
    const some = await get('/api/territories/communes?q=saint&limit=3');
    expect(some.body.items).toHaveLength(3);
  });

  it('answers 400 problem+json with the field path when q is missing or the limit is out of range', async () => {
    const missing = await get('/api/territories/communes');
    expect(missing.status).toBe(400);
    expect(missing.type).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 400, title: 'Paramètres invalides' });
    expect(missing.body.errors.map((e: Json) => e.path)).toEqual(['q']);
    expect(missing.body.errors[0].message).toMatch(/[a-zé]/); // zod's French message

    const tooMany = await get('/api/territories/communes?q=agen&limit=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: Json) => e.path)).toEqual(['limit']);

    const tooLong = await get(`/api/territories/communes?q=${'a'.repeat(81)}`);
    expect(tooLong.body.errors.map((e: Json) => e.path)).toEqual(['q']);
  });
});

describe('GET /api/territories/communes/:code', () => {
  it('gives a commune with its EPCI, département, région, areas and centre', async () => {
    const r = await get('/api/territories/communes/15187');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      code: '15187',
      name: 'Saint-Flour',
      epci: { code: '200066660', name: 'CC de Saint-Flour' },
      departement: { code: '15', name: 'Cantal' },
      region: { code: '84', name: 'Auvergne-Rhône-Alpes' },
      areas: [{ id: '15-saint-flour', name: 'Saint-Flour', kind: 'arrondissement' }],
    });
    if (geoDir) expect(r.body.centre).toEqual({ lon: 3.08295, lat: 45.02861 });
  });

  it('answers 404 problem+json in French for an unknown code', async () => {
    const r = await get('/api/territories/communes/99999');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 404, title: 'Introuvable', detail: 'Aucune commune ne porte le code INSEE 99999.' });
  });

  it('answers 400 for a malformed code', async () => {
    const r = await get('/api/territories/communes/abc');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('code');
  });
});

describe('GET /api/territories/departements/:code', () => {
  it('gives the département, its région and its areas with commune counts', async () => {
    const r = await get('/api/territories/departements/15');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '15', name: 'Cantal', region: { code: '84', name: 'Auvergne-Rhône-Alpes' }, communes: 250 });
    expect(r.body.areas.map((a: Json) => [a.id, a.name, a.communes])).toEqual([
      ['15-aurillac', 'Aurillac', 93],
      ['15-mauriac', 'Mauriac', 55],
      ['15-saint-flour', 'Saint-Flour', 102],
    ]);
  });

  it('answers 404 for an unknown département, on every sub-resource', async () => {
    for (const path of ['', '/communes.geojson', '/areas.geojson', '/contour.geojson']) {
      const r = await get(`/api/territories/departements/00${path}`);
      expect(r.status, path).toBe(404);
      expect(r.type).toMatch(/^application\/problem\+json/);
    }
  });
});

describe.skipIf(!geoDir)('GeoJSON layers of a département', () => {
  it('communes.geojson: one feature per commune with a contour, with its areas', async () => {
    const r = await get('/api/territories/departements/15/communes.geojson');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/geo\+json/);
    expect(r.body.type).toBe('FeatureCollection');
    expect(r.body.features).toHaveLength(246); // 4 communes created since the 2018 contours have none
    const flour = r.body.features.find((f: Json) => f.properties.code === '15187');
    expect(flour.properties).toMatchObject({ name: 'Saint-Flour', epci_code: '200066660', area_ids: ['15-saint-flour'] });
    expect(flour.geometry.type).toMatch(/Polygon$/);
  });

  it('areas.geojson: one MultiPolygon per area with its commune count and population', async () => {
    const r = await get('/api/territories/departements/15/areas.geojson');
    expect(r.type).toMatch(/^application\/geo\+json/);
    expect(r.body.features.map((f: Json) => [f.properties.id, f.properties.communes, f.geometry.type])).toEqual([
      ['15-aurillac', 93, 'MultiPolygon'],
      ['15-mauriac', 55, 'MultiPolygon'],
      ['15-saint-flour', 102, 'MultiPolygon'],
    ]);
    expect(r.body.features[0].properties.population).toBeGreaterThan(50000);
  });

  it('contour.geojson: the département outline', async () => {
    const r = await get('/api/territories/departements/15/contour.geojson');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/geo\+json/);
    expect(r.body).toMatchObject({ type: 'Feature', properties: { code: '15', name: 'Cantal' }, geometry: { type: expect.stringMatching(/Polygon$/) } });
  });

  it('contour.geojson answers 404 in French when the contour was not loaded', async () => {
    const r = await get('/api/territories/departements/23/contour.geojson');
    expect(r.status).toBe(404);
    expect(r.body.detail).toMatch(/n'est pas chargé/);
  });
});

describe('eligibility zone lookups: GET /api/territories/epci, /departements, /zones', () => {
  it('finds an EPCI by its name (accents and case ignored) or its SIREN, with its départements', async () => {
    const byName = await get('/api/territories/epci?q=val%20de%20garonne');
    expect(byName.body.items[0]).toMatchObject({ code: '200030674', name: 'CA Val de Garonne Agglomération', kind: 'CA', departements: ['47'] });
    const bySiren = await get('/api/territories/epci?q=200066660');
    expect(bySiren.body.items.map((e: Json) => e.name)).toEqual(['CC de Saint-Flour']);
  });

  it('keeps the EPCI of one département when asked, biggest first', async () => {
    const r = await get('/api/territories/epci?q=agglomeration&departement=47');
    expect(r.body.items.length).toBeGreaterThan(1);
    expect(r.body.items.every((e: Json) => e.departements.includes('47'))).toBe(true);
    const populations = r.body.items.map((e: Json) => e.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect((await get('/api/territories/epci?q=agglo&departement=48x')).body.errors.map((e: Json) => e.path)).toEqual(['departement']);
  });

  it('lists the départements, or finds one by name or code', async () => {
    const all = (await get('/api/territories/departements')).body.items.map((d: Json) => d.code);
    expect(all).toEqual(expect.arrayContaining(['01', '2A', '2B', '47', '95', '971', '976']));
    expect(all.indexOf('2A')).toBeLessThan(all.indexOf('47'));
    expect((await get('/api/territories/departements?q=lot')).body.items.map((d: Json) => d.code)).toEqual(['46', '47']);
    expect((await get('/api/territories/departements?q=2a')).body.items.map((d: Json) => d.name)).toEqual(['Corse-du-Sud']);
  });

  it('names the codes of a zone, in their order, leaving out unknown ones', async () => {
    const r = await get('/api/territories/zones?codes=47157,200030674,47,france,47999');
    expect(r.body.items.map((z: Json) => [z.code, z.kind, z.name])).toEqual([
      ['47157', 'commune', 'Marmande'],
      ['200030674', 'epci', 'CA Val de Garonne Agglomération'],
      ['47', 'departement', 'Lot-et-Garonne'],
      ['france', 'france', 'France entière'],
    ]);
    expect((await get('/api/territories/zones')).status).toBe(400);
  });
});
