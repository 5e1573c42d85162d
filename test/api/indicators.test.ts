/**
 * GET /api/indicators?dept=: the coordinators' figures on their département's catalogue, computed
 * from a small catalogue built here (real SQLite file with the COG and its areas).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, json, type TestUser } from '../helpers/auth.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';

type Json = Record<string, any>;

let t: TestApp;
let coordinator: TestUser;
let body: Json;
const published: string[] = [];

const MOBILITE = 'mobilite--etre-accompagne-dans-son-parcours-mobilite';
const GARDE = 'famille--garde-denfants';
const CV = 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation';

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  const validated = await upsertStructureBySource(t.db, aStructure({ source_id: 'v47' }), t.now);
  const pending = await upsertStructureBySource(t.db, aStructure({ source_id: 'p47', status: 'pending' }), t.now);
  const archived = await upsertStructureBySource(t.db, aStructure({ source_id: 'a47', status: 'archived' }), t.now);
  const elsewhere = await upsertStructureBySource(t.db, aStructure({ source_id: 'v40', commune_code: '40192', commune_name: 'Mont-de-Marsan', postal_code: '40000' }), t.now);
  const offer = async (structureId: string, id: string, overrides: Parameters<typeof anOffer>[1] = {}) =>
    upsertOfferBySource(t.db, anOffer(structureId, { source_id: id, ...overrides }), t.now);
  // Public in 47: three published offers of the validated structure (one overdue, one never confirmed, one remote only).
  published.push(await offer(validated, 'mobilite', { thematiques: [MOBILITE] }));
  published.push(await offer(validated, 'garde-cv', { thematiques: [GARDE, CV], confirmed_at: '2025-01-01T00:00:00.000Z', updated_on: '2025-01-01' }));
  published.push(await offer(validated, 'distance', { thematiques: [CV], modes_accueil: ['a-distance'], confirmed_at: null }));
  await offer(validated, 'draft', { status: 'draft', thematiques: [MOBILITE] });
  await offer(validated, 'suspended', { status: 'suspended', suspended_until: '2026-07-01', thematiques: [MOBILITE] });
  // Not public: published offer of a pending structure (counted by status, not in the public figures).
  await offer(pending, 'pending', { thematiques: [MOBILITE] });
  // Left out: an archived structure's offer, and another département's.
  await offer(archived, 'archived', { thematiques: [MOBILITE] });
  await offer(elsewhere, 'landes', { thematiques: [MOBILITE], commune_code: '40192' });
  coordinator = await createUser(t, { coordinatorOf: ['47'] });
  body = (await json(coordinator.request('/api/indicators?dept=47'))).body;
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/indicators', () => {
  it('counts the offers of the département’s structures per status, archived and rejected structures left out', () => {
    expect(body.departement).toEqual({ code: '47', name: 'Lot-et-Garonne' });
    expect(body.by_status).toEqual({ draft: 1, published: 4, suspended: 1, archived: 0 });
    expect(body.published).toBe(3);
  });

  it('counts the public offers per barrier and per thématique catégorie (an offer once per group)', () => {
    expect(body.by_barrier).toMatchObject({ mobilite: 1, contraintes_familiales: 1, emploi: 2, sante: 0 });
    expect(body.by_categorie).toMatchObject({ mobilite: 1, famille: 1, 'preparer-sa-candidature': 2, sante: 0 });
  });

  it('places the public offers in the areas of their commune; a remote-only offer is in none', async () => {
    const marmande = (await json(t.app.request('/api/territories/communes/47157'))).body;
    const areaIds = (marmande.areas as Json[]).map((a) => a.id);
    expect(areaIds.length).toBeGreaterThan(0);
    for (const area of body.by_area as Json[]) expect(area.offers).toBe(areaIds.includes(area.id) ? 2 : 0);
    expect(body.without_area).toBe(1);
  });

  it('says how fresh and how complete the public offers are', async () => {
    expect(body.freshness).toEqual({ overdue: 1, share_overdue: 0.33, never_confirmed: 1 });
    const scores: number[] = [];
    for (const id of published) scores.push((await json(coordinator.request(`/api/offers/${id}`))).body.completeness);
    expect(body.completeness.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 2);
    expect(body.completeness.classes.reduce((n: number, c: Json) => n + c.offers, 0)).toBe(3);
    expect(body.completeness.classes.map((c: Json) => c.key)).toEqual(['faible', 'moyenne', 'bonne', 'excellente']);
  });

  it('is for the coordinators of that département only', async () => {
    expect((await requestAnonymous(t.app, '/api/indicators?dept=47')).status).toBe(401);
    expect((await (await createUser(t)).request('/api/indicators?dept=47')).status).toBe(403);
    expect((await (await createUser(t, { coordinatorOf: ['40'] })).request('/api/indicators?dept=47')).status).toBe(403);
    const bad = await json(coordinator.request('/api/indicators?dept=4'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('dept');
  });
});
