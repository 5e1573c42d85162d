/**
 * GET /api/coverage on Cantal with a small hand-made catalogue whose answers are derived here, from
 * the commune centres and area memberships in the database and a haversine of the test's own: per
 * commune and barrier the offers a person living there can use, per area the union and the "zones
 * blanches", unmet needs over a period, the CSV export, and agreement with POST /api/match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { BARRIER_KEYS } from '../../api/domain/referentials/index.ts';
import { haversineKm } from '../helpers/geo.ts';
import type { StructureInput } from '../../api/domain/structure.ts';

/** Commune centres from ../shared/geo (coverage counts reach from commune centres); skipped LOUDLY without them, a failure with REQUIRE_SHARED=1. */
import { hasSharedGeo } from '../helpers/shared.ts';

const HAS_GEO = hasSharedGeo('coverage counts reach from commune centres');

type Json = Record<string, any>;
type Commune = { code: string; name: string; lat: number | null; lon: number | null; population: number };

const AURILLAC = '15014';
const SAINT_FLOUR = '15187';
const MAURIAC = '15120';
/** A Cantal commune without a known centre. */
const CELLES = '15031';
/** In Puy-de-Dôme, near the Cantal border. */
const BESSE = '63038';
const IN_A_MONTH = '2026-07-15';

let t: TestApp;
let communes: Commune[];
let areas: Map<string, { name: string; members: string[] }>;
let centre: (code: string) => { lat: number; lon: number };

async function get(path: string, headers: Record<string, string> = {}) {
  const r = await t.app.request(path, { headers });
  return { status: r.status, type: r.headers.get('content-type'), r };
}
async function json(path: string): Promise<Json> {
  const { r, status } = await get(path);
  expect(status).toBe(200);
  return (await r.json()) as Json;
}

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  communes = await t.db.selectFrom('communes').select(['code', 'name', 'lat', 'lon', 'population']).where('departement_code', '=', '15').orderBy('code').execute();
  const members = await t.db
    .selectFrom('areas')
    .innerJoin('area_communes', 'area_communes.area_id', 'areas.id')
    .select(['areas.id', 'areas.name', 'area_communes.commune_code'])
    .where('areas.departement_code', '=', '15')
    .execute();
  areas = new Map();
  for (const m of members) {
    const area = areas.get(m.id) ?? { name: m.name, members: [] };
    area.members.push(m.commune_code);
    areas.set(m.id, area);
  }
  const all = await t.db.selectFrom('communes').select(['code', 'lat', 'lon']).where('code', 'in', [AURILLAC, SAINT_FLOUR, BESSE]).execute();
  centre = (code) => {
    const c = all.find((x) => x.code === code)!;
    return { lat: c.lat!, lon: c.lon! };
  };

  const at = (code: string, name: string, id: string, extra: Partial<StructureInput> = {}) =>
    upsertStructureBySource(t.db, aStructure({ source_id: id, name, commune_code: code, commune_name: name, ...centre(code), ...extra }), t.now);
  const place = (code: string, name: string) => ({ commune_code: code, commune_name: name, ...centre(code) });

  const aurillac = await at(AURILLAC, 'Aurillac', 'mobilite-aurillac');
  await upsertOfferBySource(t.db, anOffer(aurillac, { source_id: 'o-mobilite', thematiques: ['mobilite--acceder-a-un-vehicule'], zone: ['15'], ...place(AURILLAC, 'Aurillac') }), t.now);
  await upsertOfferBySource(t.db, anOffer(aurillac, { source_id: 'o-suspendue', thematiques: ['mobilite--acceder-a-un-vehicule'], zone: ['15'], status: 'suspended', suspended_until: IN_A_MONTH, ...place(AURILLAC, 'Aurillac') }), t.now);
  await upsertOfferBySource(t.db, anOffer(aurillac, { source_id: 'o-brouillon', thematiques: ['mobilite--acceder-a-un-vehicule'], zone: ['15'], status: 'draft', ...place(AURILLAC, 'Aurillac') }), t.now);

  // Remote, national, answering two barriers: every commune.
  const national = await upsertStructureBySource(t.db, aStructure({ source_id: 'national', name: 'Plateforme nationale', commune_code: '75056', commune_name: 'Paris', lat: 48.8566, lon: 2.3522 }), t.now);
  await upsertOfferBySource(
    t.db,
    anOffer(national, {
      source_id: 'o-distance',
      thematiques: ['numerique--acceder-a-des-services-en-ligne', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
      modes_accueil: ['a-distance'],
      zone: ['france'],
      commune_code: '75056',
      commune_name: 'Paris',
      lat: 48.8566,
      lon: 2.3522,
    }),
    t.now,
  );

  // A bus based in Marmande that comes to two Cantal communes only.
  const bus = await upsertStructureBySource(t.db, aStructure({ source_id: 'bus' }), t.now);
  await upsertOfferBySource(t.db, anOffer(bus, { source_id: 'o-bus', thematiques: ['logement-hebergement--louer-un-logement'], zone: null, itinerant_communes: [MAURIAC, CELLES] }), t.now);

  // Saint-Flour only (zone = the commune), although on site.
  const sante = await at(SAINT_FLOUR, 'Saint-Flour', 'sante-saint-flour');
  await upsertOfferBySource(t.db, anOffer(sante, { source_id: 'o-sante', thematiques: ['sante--acces-aux-soins'], zone: [SAINT_FLOUR], ...place(SAINT_FLOUR, 'Saint-Flour') }), t.now);

  // In Puy-de-Dôme: open to everyone (reachable from nearby Cantal communes), and one for Puy-de-Dôme only.
  const besse = await at(BESSE, 'Besse-et-Saint-Anastaise', 'emploi-besse');
  await upsertOfferBySource(t.db, anOffer(besse, { source_id: 'o-emploi', thematiques: ['trouver-un-emploi--faire-des-candidatures-spontanees'], zone: null, ...place(BESSE, 'Besse') }), t.now);
  await upsertOfferBySource(t.db, anOffer(besse, { source_id: 'o-emploi-63', thematiques: ['trouver-un-emploi--faire-des-candidatures-spontanees'], zone: ['63'], ...place(BESSE, 'Besse') }), t.now);

  // No coordinates at all, in Celles (which has no centre either).
  const celles = await upsertStructureBySource(t.db, aStructure({ source_id: 'celles', name: 'Relais de Celles', commune_code: CELLES, commune_name: 'Celles', lat: null, lon: null }), t.now);
  await upsertOfferBySource(t.db, anOffer(celles, { source_id: 'o-formation', thematiques: ['se-former--trouver-sa-formation'], zone: null, commune_code: CELLES, commune_name: 'Celles', lat: null, lon: null }), t.now);

  await t.db
    .insertInto('unmet_needs')
    .values([
      { commune_code: AURILLAC, barrier: 'mobilite', day: '2026-06-10', count: 3 },
      { commune_code: AURILLAC, barrier: 'mobilite', day: '2025-06-16', count: 2 },
      { commune_code: AURILLAC, barrier: 'mobilite', day: '2025-06-15', count: 5 },
      { commune_code: SAINT_FLOUR, barrier: 'logement', day: '2026-01-01', count: 4 },
      { commune_code: '47157', barrier: 'logement', day: '2026-01-01', count: 9 },
    ])
    .execute();
  expect((await t.drain()).failed).toBe(0);
});
afterAll(async () => {
  await t?.close();
});

/** What each Cantal commune can use, per barrier, by the rules, from the catalogue above. */
function expectedCounts(c: Commune, radiusKm: number): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(BARRIER_KEYS.map((b) => [b, 0]));
  const placed = c.lat !== null && c.lon !== null ? { lat: c.lat, lon: c.lon } : null;
  if (placed && haversineKm(placed, centre(AURILLAC)) <= radiusKm) counts.mobilite! += 1;
  counts.numerique! += 1;
  counts.difficulte_administrative! += 1;
  if (c.code === MAURIAC || c.code === CELLES) counts.logement! += 1;
  if (c.code === SAINT_FLOUR) counts.sante! += 1;
  if (placed && haversineKm(placed, centre(BESSE)) <= radiusKm) counts.emploi! += 1;
  if (c.code === CELLES) counts.formation! += 1;
  return counts;
}

describe.skipIf(!HAS_GEO)('GET /api/coverage', () => {
  it('counts, for every commune and barrier, the offers a person living there can use', async () => {
    const body = await json('/api/coverage?dept=15');
    expect(body).toMatchObject({ departement: { code: '15', name: 'Cantal' }, radius_km: 30, day: '2026-06-15' });
    expect(body.barriers.map((b: Json) => b.key)).toEqual([...BARRIER_KEYS]);
    expect(body.communes).toHaveLength(communes.length);
    for (const c of communes) {
      const got = (body.communes as Json[]).find((x) => x.code === c.code)!;
      expect(got.offers, `${c.code} ${c.name}`).toEqual(expectedCounts(c, 30));
      expect(got.centre).toBe(c.lat !== null);
    }
    // The catalogue is not degenerate: the radius and the neighbouring département both matter.
    const mobile = communes.filter((c) => expectedCounts(c, 30).mobilite === 1).length;
    const besse = communes.filter((c) => expectedCounts(c, 30).emploi === 1).length;
    expect(mobile).toBeGreaterThan(10);
    expect(mobile).toBeLessThan(communes.length - 10);
    expect(besse).toBeGreaterThan(0);
    expect(besse).toBeLessThan(communes.length);
  });

  it('a few communes, by hand', async () => {
    const body = await json('/api/coverage?dept=15');
    const of = (code: string) => (body.communes as Json[]).find((c) => c.code === code)!;
    expect(of(AURILLAC)).toMatchObject({ name: 'Aurillac', offers: { mobilite: 1, numerique: 1, sante: 0, logement: 0, emploi: 0 } });
    expect(of(SAINT_FLOUR)).toMatchObject({ offers: { mobilite: 0, sante: 1, numerique: 1 } });
    expect(of(MAURIAC)).toMatchObject({ offers: { logement: 1, sante: 0 } });
    expect(of(CELLES)).toMatchObject({ centre: false, offers: { logement: 1, formation: 1, numerique: 1, mobilite: 0 } });
  });

  it('per area: offers reachable from at least one commune, and the communes with none (zones blanches)', async () => {
    const body = await json('/api/coverage?dept=15');
    expect(body.areas).toHaveLength(areas.size);
    for (const [id, area] of areas) {
      const got = (body.areas as Json[]).find((a) => a.id === id)!;
      const members = communes.filter((c) => area.members.includes(c.code));
      expect(got.communes).toBe(members.length);
      for (const b of BARRIER_KEYS) {
        const counts = members.map((c) => expectedCounts(c, 30)[b]!);
        expect(got.zones_blanches[b], `${area.name} ${b}`).toBe(counts.filter((n) => n === 0).length);
        // Each barrier has at most one offer here, so the union is 1 as soon as one commune has it.
        expect(got.offers[b], `${area.name} ${b}`).toBe(counts.some((n) => n > 0) ? 1 : 0);
      }
    }
    const saintFlour = (body.areas as Json[]).find((a) => a.name === 'Saint-Flour')!;
    expect(saintFlour.offers.sante).toBe(1);
    expect(saintFlour.zones_blanches.sante).toBe(saintFlour.communes - 1);
    expect(body.totals.zones_blanches.numerique).toBe(0);
    expect(body.totals.offers).toMatchObject({ mobilite: 1, numerique: 1, difficulte_administrative: 1, logement: 1, sante: 1, emploi: 1, formation: 1, remobilisation: 0 });
  });

  it('radius_km changes what is within reach', async () => {
    const body = await json('/api/coverage?dept=15&radius_km=10');
    expect(body.radius_km).toBe(10);
    for (const c of communes) expect((body.communes as Json[]).find((x) => x.code === c.code)!.offers, c.code).toEqual(expectedCounts(c, 10));
  });

  it('unmet needs over the last twelve months by default, or the period asked, per commune, area and département', async () => {
    const body = await json('/api/coverage?dept=15');
    expect(body.period).toEqual({ from: '2025-06-16', to: '2026-06-15' });
    const of = (code: string) => (body.communes as Json[]).find((c) => c.code === code)!;
    expect(of(AURILLAC).unmet_needs).toMatchObject({ mobilite: 5, logement: 0 });
    expect(of(SAINT_FLOUR).unmet_needs).toMatchObject({ logement: 4 });
    expect(body.totals.unmet_needs).toMatchObject({ mobilite: 5, logement: 4 });
    const areaOf = (code: string) => (body.areas as Json[]).find((a) => areas.get(a.id)!.members.includes(code))!;
    expect(areaOf(AURILLAC).unmet_needs.mobilite).toBe(5);
    expect(areaOf(SAINT_FLOUR).unmet_needs.logement).toBe(4);

    const earlier = await json('/api/coverage?dept=15&from=2025-06-01&to=2025-12-31');
    expect(earlier.period).toEqual({ from: '2025-06-01', to: '2025-12-31' });
    expect((earlier.communes as Json[]).find((c) => c.code === AURILLAC)!.unmet_needs.mobilite).toBe(7);
    expect(earlier.totals.unmet_needs.logement).toBe(0);
  });

  it('counts what /api/match finds, barrier by barrier, and what it records as unmet', async () => {
    const body = await json('/api/coverage?dept=15');
    for (const code of [AURILLAC, SAINT_FLOUR, MAURIAC, CELLES, '15054']) {
      const r = await t.app.request('/api/match', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ commune: code, barriers: BARRIER_KEYS }),
      });
      const match = (await r.json()) as Json;
      const coverage = (body.communes as Json[]).find((c) => c.code === code)!;
      for (const g of match.groups as Json[]) expect(g.total, `${code} ${g.barrier}`).toBe(coverage.offers[g.barrier]);
    }
    const after = await json('/api/coverage?dept=15');
    const saintFlour = (after.communes as Json[]).find((c) => c.code === SAINT_FLOUR)!;
    expect(saintFlour.unmet_needs.maitrise_langue).toBe(1);
    expect(saintFlour.unmet_needs.logement).toBe(4 + 1);
  });

  it('exports the commune × barrier table as CSV for spreadsheets (format=csv or Accept: text/csv)', async () => {
    const { r, status, type } = await get('/api/coverage?dept=15&format=csv');
    expect(status).toBe(200);
    expect(type).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="couverture-15-2026-06-15.csv"');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const header = lines[0]!.split(';');
    expect(header.slice(0, 4)).toEqual(['Code commune', 'Commune', 'Population', 'Mobilité : offres accessibles']);
    expect(header).toHaveLength(3 + 2 * BARRIER_KEYS.length);
    expect(lines).toHaveLength(communes.length + 2);
    // The same numbers as the JSON answer, in barrier order.
    const aurillac = ((await json('/api/coverage?dept=15')).communes as Json[]).find((c) => c.code === AURILLAC)!;
    const row = lines.find((l) => l.startsWith(`${AURILLAC};`))!.split(';');
    expect(row).toEqual([
      AURILLAC,
      'Aurillac',
      String(aurillac.population),
      ...BARRIER_KEYS.map((b) => String(aurillac.offers[b])),
      ...BARRIER_KEYS.map((b) => String(aurillac.unmet_needs[b])),
    ]);
    expect(row[3]).toBe('1');

    const negotiated = await get('/api/coverage?dept=15', { accept: 'text/csv' });
    expect(negotiated.type).toBe('text/csv; charset=utf-8');
  });

  it('refuses bad parameters with French problem details, and an unknown département with 404', async () => {
    const { r, status, type } = await get('/api/coverage?dept=1234&radius_km=0&from=2026-02-30&format=xls');
    expect(status).toBe(400);
    expect(type).toContain('application/problem+json');
    const body = (await r.json()) as Json;
    expect((body.errors as Json[]).map((e) => e.path).sort()).toEqual(['dept', 'format', 'from', 'radius_km']);
    expect((body.errors as Json[]).find((e) => e.path === 'from')!.message).toBe('Date inexistante');

    const reversed = await get('/api/coverage?dept=15&from=2026-06-01&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(((await reversed.r.json()) as Json).errors).toEqual([{ path: 'from', message: 'La date de début doit précéder la date de fin' }]);

    const missing = await get('/api/coverage');
    expect(missing.status).toBe(400);
    const unknown = await get('/api/coverage?dept=99');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
  });
});

