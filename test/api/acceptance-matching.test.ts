/**
 * Acceptance of search and matching, independent of the demo data: a hand-written catalogue of
 * Lot-et-Garonne and Cantal in data·inclusion v1 (test/fixtures/acceptance/), imported with the
 * `import:di` command into an empty database, then what d·i cannot say set through the editing units
 * of work (ages, itinerant communes, suspension, archive, a draft). Beneficiary profiles with the
 * answers expected by hand: nothing ineligible (zone, publics, age, suspended, draft, archived) or
 * unreachable (radius, 15 km without a vehicle) appears, the expected actions do, remote and
 * itinerant ones count, typo and synonym queries find their target, unmet barriers are recorded with
 * nothing but commune, barrier and day.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { haversineKm } from '../helpers/geo.ts';
import { loadConfig } from '../../api/config.ts';
import { run as importDi } from '../../seed/commands/import-di.ts';
import { changeOfferStatus, createOffer, editOffer } from '../../api/db/offer-editing.ts';
import { parseOfferCreate, type OfferPatch } from '../../api/domain/offer-input.ts';

/** Commune centres from ../shared/geo (distances and reach from commune centres); skipped LOUDLY without them, a failure with REQUIRE_SHARED=1. */
import { hasSharedGeo } from '../helpers/shared.ts';

const HAS_GEO = hasSharedGeo('distances and reach from commune centres');

type Json = Record<string, any>;

const FIXTURE = new URL('../fixtures/acceptance/catalogue-47-15.json', import.meta.url).pathname;
const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { services: Json[] };

const CONDUITE = 'Cours de conduite à tarif solidaire';
const ANCIEN = 'Ancien atelier de sécurité routière';
const SCOOTERS = 'Location de scooters pour les jeunes';
const REPARATION = 'Réparation solidaire de voitures';
const GARDE = 'Garde d’enfants en horaires décalés';
const ASL = 'Ateliers sociolinguistiques du Pin';
const BUS = 'Bus de la médiation numérique';
const CONSEIL = 'Conseil en mobilité par téléphone';
const CHANTIER = 'Chantier d’insertion espaces verts et petit patrimoine';
const PSY = 'Permanence de psychologue';
const BUDGET = 'Point conseil budget';
const JEUNES = 'Accompagnement des jeunes vers le travail';
const DRAFT = 'Stage de code intensif';

const MARMANDE = '47157';
const LAYRAC = '47145';
const AGEN = '47001';
const CASTELJALOUX = '47052';
const DURAS = '47086';
const SAINT_FLOUR = '15187';
const MURAT = '15138';
const AURILLAC = '15014';
const MAURIAC = '15120';

let t: TestApp;
const ids = new Map<string, string>();

async function match(profile: Json): Promise<Json> {
  const r = await t.app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) });
  expect(r.status).toBe(200);
  return (await r.json()) as Json;
}
async function search(query: string): Promise<Json> {
  const r = await t.app.request(`/api/search?${query}`);
  expect(r.status).toBe(200);
  return (await r.json()) as Json;
}
const groupNames = (body: Json, barrier: string): string[] => (body.groups as Json[]).find((g) => g.barrier === barrier)!.items.map((i: Json) => i.offer.name).sort();
const itemOf = (body: Json, barrier: string, name: string): Json => (body.groups as Json[]).find((g) => g.barrier === barrier)!.items.find((i: Json) => i.offer.name === name);

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  const out: string[] = [];
  const code = await importDi([FIXTURE], { config: { ...loadConfig({}), databasePath: t.path }, out: (l) => out.push(l), err: (l) => out.push(l) });
  expect(code, out.join('\n')).toBe(0);
  expect(out).toContain('Services : 12 créé(s), 0 mis à jour.');

  for (const row of await t.db.selectFrom('offers').select(['id', 'name']).execute()) ids.set(row.name, row.id);
  const ctx = { actorUserId: null, now: t.now };
  const edit = async (name: string, patch: OfferPatch) => expect((await editOffer(t.db, ids.get(name)!, patch, ctx)).ok, name).toBe(true);
  // What data·inclusion v1 has no field for.
  await edit(JEUNES, { age_min: 16, age_max: 25 });
  await edit(CHANTIER, { age_min: 18 });
  await edit(BUS, { itinerant_communes: [MARMANDE, DURAS] });
  expect((await changeOfferStatus(t.db, ids.get(REPARATION)!, { action: 'suspend', until: '2026-07-05' }, ctx)).ok).toBe(true);
  expect((await changeOfferStatus(t.db, ids.get(ANCIEN)!, { action: 'archive' }, ctx)).ok).toBe(true);
  const structure = await t.db.selectFrom('structures').select('id').where('source_id', '=', 'recette--auto-ecole-marmandais').executeTakeFirstOrThrow();
  const create = parseOfferCreate({ structure_id: structure.id, name: DRAFT, thematiques: ['mobilite--preparer-un-permis'], zone: ['47'] });
  if (!create.ok) throw new Error(JSON.stringify(create));
  expect((await createOffer(t.db, create.value, ctx)).ok).toBe(true);
  expect((await t.drain()).failed).toBe(0);
});
afterAll(async () => {
  await t?.close();
});

describe.skipIf(!HAS_GEO)('POST /api/match on an imported data·inclusion catalogue', () => {
  it('Marmande, mobility: on site, within the EPCI zone at 18 km, remote — not suspended, archived or draft', async () => {
    const r = await match({ commune: MARMANDE, barriers: ['mobilite'] });
    expect(groupNames(r, 'mobilite')).toEqual([CONDUITE, CONSEIL, SCOOTERS].sort());
    expect(itemOf(r, 'mobilite', SCOOTERS).reasons).toContain('à 18 km');
    expect(itemOf(r, 'mobilite', CONSEIL).reasons).toContain('à distance');
    expect(itemOf(r, 'mobilite', CONSEIL).distance_km).toBeNull();
    expect(r.unmet_barriers).toEqual([]);
  });

  it('without a vehicle the radius is 15 km: the scooters at 18 km drop out', async () => {
    const r = await match({ commune: MARMANDE, barriers: ['mobilite'], has_vehicle: false });
    expect(r.radius_km).toBe(15);
    expect(groupNames(r, 'mobilite')).toEqual([CONDUITE, CONSEIL].sort());
  });

  it('publics: an offer for young people is not for seniors; tous-publics is for everyone', async () => {
    expect(groupNames(await match({ commune: MARMANDE, barriers: ['mobilite'], publics: ['seniors'] }), 'mobilite')).toEqual([CONDUITE, CONSEIL].sort());
    const young = await match({ commune: MARMANDE, barriers: ['mobilite'], publics: ['jeunes'], age: 19, max_km: 20 });
    expect(groupNames(young, 'mobilite')).toEqual([CONDUITE, CONSEIL, SCOOTERS].sort());
    expect(itemOf(young, 'mobilite', SCOOTERS).reasons).toContain('public : jeunes');
    // The bus names no public: it is not « tous-publics », so it only shows when no public is asked.
    expect((await match({ commune: MARMANDE, barriers: ['numerique'], publics: ['jeunes'] })).unmet_barriers).toEqual(['numerique']);
  });

  it('beyond the radius nothing is offered, and the barrier is unmet; nearer, it is found', async () => {
    const far = await match({ commune: MARMANDE, barriers: ['contraintes_familiales'] });
    expect(far.groups[0]).toMatchObject({ barrier: 'contraintes_familiales', unmet: true, items: [] });
    expect(far.unmet_barriers).toEqual(['contraintes_familiales']);
    const near = await match({ commune: LAYRAC, barriers: ['contraintes_familiales'] });
    expect(groupNames(near, 'contraintes_familiales')).toEqual([GARDE]);
  });

  it('an itinerant offer reaches the communes it visits, and only those', async () => {
    const visited = await match({ commune: MARMANDE, barriers: ['numerique'] });
    expect(groupNames(visited, 'numerique')).toEqual([BUS]);
    expect(itemOf(visited, 'numerique', BUS).reasons).toContain('itinérant : passe à Marmande');
    const notVisited = await match({ commune: CASTELJALOUX, barriers: ['numerique'] });
    expect(notVisited.unmet_barriers).toEqual(['numerique']);
  });

  it('a remote offer open to all France reaches Cantal', async () => {
    expect(groupNames(await match({ commune: MAURIAC, barriers: ['mobilite'] }), 'mobilite')).toEqual([CONSEIL]);
  });

  it('zones: an offer for the communauté de communes of Saint-Flour is not for Murat, 21 km away', async () => {
    expect(groupNames(await match({ commune: SAINT_FLOUR, barriers: ['sante'] }), 'sante')).toEqual([PSY]);
    expect((await match({ commune: MURAT, barriers: ['sante'] })).unmet_barriers).toEqual(['sante']);
  });

  it('ages and publics together', async () => {
    expect((await match({ commune: AURILLAC, barriers: ['emploi'], publics: ['jeunes'], age: 30 })).unmet_barriers).toEqual(['emploi']);
    expect(groupNames(await match({ commune: AURILLAC, barriers: ['emploi'], publics: ['jeunes'], age: 20 }), 'emploi')).toEqual([JEUNES]);
    expect((await match({ commune: SAINT_FLOUR, barriers: ['emploi'], publics: ['jeunes'] })).unmet_barriers).toEqual(['emploi']);
    expect((await match({ commune: SAINT_FLOUR, barriers: ['emploi'], age: 17 })).unmet_barriers).toEqual(['emploi']);
    expect(groupNames(await match({ commune: SAINT_FLOUR, barriers: ['emploi'], age: 30 }), 'emploi')).toEqual([CHANTIER]);
  });

  it('several barriers: one group each, in the order asked, the unanswered one reported', async () => {
    const r = await match({ commune: MARMANDE, barriers: ['mobilite', 'numerique', 'contraintes_familiales'] });
    expect((r.groups as Json[]).map((g) => g.barrier)).toEqual(['mobilite', 'numerique', 'contraintes_familiales']);
    expect(groupNames(r, 'mobilite')).toEqual([CONDUITE, CONSEIL, SCOOTERS].sort());
    expect(groupNames(r, 'numerique')).toEqual([BUS]);
    expect(r.unmet_barriers).toEqual(['contraintes_familiales']);
  });

  it('records unmet barriers with nothing but commune, barrier, day and a count', async () => {
    const columns = (await t.db.selectFrom('unmet_needs').selectAll().limit(1).execute()).flatMap((row) => Object.keys(row));
    expect(columns.sort()).toEqual(['barrier', 'commune_code', 'count', 'day']);
    const rows = await t.db.selectFrom('unmet_needs').selectAll().orderBy('commune_code').orderBy('barrier').execute();
    expect(rows).toEqual([
      { commune_code: AURILLAC, barrier: 'emploi', day: '2026-06-15', count: 1 },
      { commune_code: MURAT, barrier: 'sante', day: '2026-06-15', count: 1 },
      { commune_code: SAINT_FLOUR, barrier: 'emploi', day: '2026-06-15', count: 2 },
      { commune_code: CASTELJALOUX, barrier: 'numerique', day: '2026-06-15', count: 1 },
      { commune_code: MARMANDE, barrier: 'contraintes_familiales', day: '2026-06-15', count: 2 },
      { commune_code: MARMANDE, barrier: 'numerique', day: '2026-06-15', count: 1 },
    ]);
  });
});

describe.skipIf(!HAS_GEO)('GET /api/search on the same catalogue', () => {
  it('a commune and a barrier: exactly what the person can use', async () => {
    const r = await search(`commune=${MARMANDE}&barriers=mobilite&size=100`);
    expect((r.items as Json[]).map((i) => i.name).sort()).toEqual([CONDUITE, CONSEIL, SCOOTERS].sort());
  });

  it.each([
    [MARMANDE, 'auto-école', CONDUITE],
    [MARMANDE, 'permis de conduire', CONDUITE],
    [MARMANDE, 'permsi', CONDUITE],
    [MARMANDE, 'conduitte', CONDUITE],
    [AGEN, 'FLE', ASL],
    [AGEN, 'apprendre le français', ASL],
    [AGEN, 'sociolinguistiqes', ASL],
    [LAYRAC, 'crèche', GARDE],
    [LAYRAC, 'mode de garde', GARDE],
    [SAINT_FLOUR, 'CMP', PSY],
    [SAINT_FLOUR, 'ACI', CHANTIER],
    [AURILLAC, 'surendettement', BUDGET],
    // A typo of a lexicon word is read as that word, synonyms included (search/lexicon/correction.ts).
    [AURILLAC, 'surendetement', BUDGET],
  ])('in %s, « %s » finds %s first', async (commune, q, name) => {
    const r = await search(`commune=${commune}&q=${encodeURIComponent(q)}`);
    expect(r.items[0]?.name).toBe(name);
  });

  it('text never brings back what the person cannot use', async () => {
    const permis = await search(`commune=${MARMANDE}&q=permis&size=100`);
    const names = (permis.items as Json[]).map((i) => i.name);
    expect(names).toContain(CONDUITE);
    for (const hidden of [ANCIEN, DRAFT, REPARATION]) expect(names).not.toContain(hidden);
    expect((await search(`commune=${CASTELJALOUX}&q=${encodeURIComponent('médiation numérique')}`)).total).toBe(0);
  });
});

describe.skipIf(!HAS_GEO)('every answer above is eligible and reachable, checked against the fixture itself', () => {
  it('holds for a sweep of communes × barriers', async () => {
    const services = new Map(file.services.map((s) => [s.nom as string, s]));
    const adjust: Record<string, Json> = { [JEUNES]: { age_min: 16, age_max: 25 }, [CHANTIER]: { age_min: 18 }, [BUS]: { itinerant: [MARMANDE, DURAS] } };
    for (const commune of [MARMANDE, LAYRAC, AGEN, CASTELJALOUX, SAINT_FLOUR, MURAT, AURILLAC, MAURIAC]) {
      const info = (await (await t.app.request(`/api/territories/communes/${commune}`)).json()) as Json;
      const codes = [commune, info.epci?.code, info.departement.code, 'france'];
      for (const age of [17, 40]) {
        const r = await match({ commune, barriers: ['mobilite', 'contraintes_familiales', 'sante', 'maitrise_langue', 'numerique', 'difficulte_financiere', 'emploi'], age, has_vehicle: false });
        for (const g of r.groups as Json[]) {
          for (const item of g.items as Json[]) {
            const s = services.get(item.offer.name)!;
            const extra = adjust[item.offer.name] ?? {};
            const label = `${commune} ${g.barrier} ${item.offer.name}`;
            expect(s, label).toBeDefined();
            expect(s.zone_eligibilite.some((z: string) => codes.includes(z)), label).toBe(true);
            expect((extra.age_min ?? 0) <= age && age <= (extra.age_max ?? 200), label).toBe(true);
            const remote = s.modes_accueil.includes('a-distance');
            const itinerant = (extra.itinerant ?? []).includes(commune);
            const km = haversineKm(info.centre, { lat: s.latitude, lon: s.longitude });
            expect(remote || itinerant || km <= 15, `${label} at ${km.toFixed(1)} km`).toBe(true);
          }
        }
      }
    }
  });
});
