/** The geo.api.gouv.fr client and the loaders' fallback on it, against msw (the machine has no network). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { delay, http, HttpResponse } from 'msw';
import { fetchCommuneCentres, fetchCommuneContours, GeoApiError } from '../../seed/territories/geo-api.ts';
import { loadTerritories } from '../../seed/territories/load.ts';
import { loadContours } from '../../seed/territories/contours.ts';
import { createTestDb } from '../helpers/db.ts';
import { sharedGeoDir } from '../helpers/shared.ts';
import { GEO_API, geoApiHandlers } from '../mocks/geo-api.ts';

const server = setupServer(...geoApiHandlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fast = { retryDelayMs: 0 };
const now = new Date('2026-06-15T10:00:00Z');

/** Counts the requests to a path while answering with `answer` (the default handlers keep serving the rest). */
function answering(path: string, answer: (attempt: number) => Response | Promise<Response>) {
  const seen = { requests: 0 };
  server.use(http.get(`${GEO_API}${path}`, async () => answer(++seen.requests)));
  return seen;
}

describe('geo.api.gouv.fr client', () => {
  it('reads every commune centre in one request', async () => {
    const seen = { requests: 0 };
    server.events.on('request:start', () => seen.requests++);
    const centres = await fetchCommuneCentres(fast);
    server.events.removeAllListeners();
    expect(seen.requests).toBe(1);
    expect(centres.get('15187')).toEqual([3.08295, 45.02861]);
    expect(centres.size).toBe(4); // the commune without centre is left out
  });

  it('retries once after a 503 and succeeds', async () => {
    const seen = answering('/communes', (attempt) =>
      attempt === 1 ? new HttpResponse('Service Unavailable', { status: 503 }) : HttpResponse.json([{ code: '47001', centre: { type: 'Point', coordinates: [0.62575, 44.20284] } }]),
    );
    const centres = await fetchCommuneCentres(fast);
    expect(seen.requests).toBe(2);
    expect(centres.get('47001')).toEqual([0.62575, 44.20284]);
  });

  it('gives up after the retry with a French error', async () => {
    const seen = answering('/communes', () => new HttpResponse(null, { status: 502 }));
    const error = await fetchCommuneCentres(fast).catch((e: unknown) => e);
    expect(seen.requests).toBe(2);
    expect(error).toBeInstanceOf(GeoApiError);
    expect((error as Error).message).toMatch(/^Impossible d'obtenir les centres des communes auprès de geo\.api\.gouv\.fr \(réponse HTTP 502\)/);
    expect((error as Error).message).toContain('GEO_DIR');
  });

  it('times out, retries, then fails in French', async () => {
    const seen = answering('/communes', async () => {
      await delay('infinite');
      return HttpResponse.json([]);
    });
    const started = Date.now();
    const error = await fetchCommuneCentres({ ...fast, timeoutMs: 150 }).catch((e: unknown) => e);
    expect(seen.requests).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((error as Error).message).toMatch(/\(pas de réponse en 0,15 s\)/);
  });

  it('reports an unreachable server in French', async () => {
    answering('/communes', () => HttpResponse.error());
    await expect(fetchCommuneCentres(fast)).rejects.toThrow(/Impossible d'obtenir les centres des communes auprès de geo\.api\.gouv\.fr \(serveur injoignable/);
  });

  it('does not retry a 404', async () => {
    const error = await fetchCommuneContours('99', fast).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/contours des communes du département 99 .*réponse HTTP 404/);
  });

  it('reads a département’s commune contours as GeoJSON', async () => {
    const contours = await fetchCommuneContours('23', fast);
    expect(contours.map((c) => [c.code, c.geometry.type])).toEqual([
      ['23096', 'Polygon'],
      ['23176', 'Polygon'],
      ['23008', 'MultiPolygon'],
    ]);
  });
});

describe('loaders without GEO_DIR', () => {
  it('loadTerritories takes the centres from geo.api.gouv.fr', async () => {
    const t = await createTestDb();
    try {
      const result = await loadTerritories(t.db, { geoDir: null, now, geoApi: fast });
      expect(result).toMatchObject({ skipped: false, communes: 34969, centres: 4 });
      const flour = await t.db.selectFrom('communes').select(['lon', 'lat']).where('code', '=', '15187').executeTakeFirstOrThrow();
      expect(flour).toEqual({ lon: 3.08295, lat: 45.02861 });
    } finally {
      await t.close();
    }
  });

  it('loadTerritories writes nothing when geo.api.gouv.fr fails', async () => {
    answering('/communes', () => new HttpResponse(null, { status: 503 }));
    const t = await createTestDb();
    try {
      await expect(loadTerritories(t.db, { geoDir: null, now, geoApi: fast })).rejects.toThrow(/geo\.api\.gouv\.fr \(réponse HTTP 503\)/);
      expect(await t.db.selectFrom('communes').select('code').limit(1).execute()).toEqual([]);
      expect(await t.db.selectFrom('territory_loads').select('id').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('loadContours falls back on geo.api.gouv.fr, builds the département from its communes, and skips it next time', async () => {
    const t = await createTestDb({ territories: true });
    try {
      const result = await loadContours(t.db, ['23'], { geoDir: null, geoApi: fast });
      expect(result).toEqual({ loaded: ['23'], skipped: [] });
      const rows = await t.db.selectFrom('contours').select(['kind', 'code', 'geometry']).where((eb) => eb.or([eb('code', 'like', '23%'), eb('code', '=', '23')])).orderBy('code').execute();
      expect(rows.map((r) => `${r.kind}:${r.code}`)).toEqual(['departement:23', 'commune:23008', 'commune:23096', 'commune:23176']);
      const creuse = JSON.parse(rows[0]!.geometry);
      expect(creuse.type).toBe('MultiPolygon');
      expect(creuse.coordinates).toHaveLength(4); // 1 + 1 + 2 polygons, not dissolved
      const gueret = JSON.parse(rows.find((r) => r.code === '23096')!.geometry);
      expect(gueret.coordinates[0][0]).toEqual([1.82093, 46.11268]); // rounded to 5 decimals

      answering('/departements/:code/communes', () => new HttpResponse(null, { status: 500 }));
      expect(await loadContours(t.db, ['23'], { geoDir: null, geoApi: fast })).toEqual({ loaded: [], skipped: ['23'] });
    } finally {
      await t.close();
    }
  });

  const geoDir = sharedGeoDir('département contour file for the mixed GEO_DIR + API case');
  it.skipIf(!geoDir)('with a GEO_DIR lacking the communes file, takes the communes from the API and the département from the file', async () => {
    const t = await createTestDb({ territories: true });
    try {
      await loadContours(t.db, ['23'], { geoDir: geoDir!, geoApi: fast });
      const creuse = await t.db.selectFrom('contours').select('geometry').where('kind', '=', 'departement').where('code', '=', '23').executeTakeFirstOrThrow();
      expect(JSON.parse(creuse.geometry).type).toBe('Polygon'); // from departements.geojson
      const communes = await t.db.selectFrom('contours').select('code').where('kind', '=', 'commune').where('code', 'like', '23%').execute();
      expect(communes).toHaveLength(3);
    } finally {
      await t.close();
    }
  });

  it('loadContours fails in French when the API is down', async () => {
    answering('/departements/:code/communes', () => new HttpResponse(null, { status: 503 }));
    const t = await createTestDb({ territories: true });
    try {
      await expect(loadContours(t.db, ['23'], { geoDir: null, geoApi: fast })).rejects.toThrow(
        /Impossible d'obtenir les contours des communes du département 23 auprès de geo\.api\.gouv\.fr/,
      );
      expect(await t.db.selectFrom('contours').select('code').where('code', '=', '23').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
