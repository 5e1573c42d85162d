/**
 * `?dry_run=1` on POST/PATCH of offers and structures: the guided forms' live validation. The answer
 * is what the write would give (problem+json included) plus completeness and what stops publication,
 * and NOTHING is written: no offer, structure, audit entry, search outbox row, membership or mail, and
 * no public API is called.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, json, type TestUser } from '../helpers/auth.ts';
import { testEstablishments, testGeocoder } from '../helpers/public-apis.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { GEOCODER, geocoderHandlers } from '../mocks/geocoder.ts';
import { RECHERCHE_ENTREPRISES, rechercheEntreprisesHandlers, CCAS_SIRET } from '../mocks/recherche-entreprises.ts';
import type { Database } from '../../api/db/schema.ts';

type Json = Record<string, any>;

let t: TestApp;
let structureId: string;
let member: TestUser;
let outsider: TestUser;
const publicApiCalls: string[] = [];

const WATCHED: (keyof Database)[] = ['offers', 'offer_sessions', 'structures', 'audit_log', 'search_outbox', 'memberships', 'mail_outbox'];

/** Row counts of every table a write touches. */
async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WATCHED) {
    const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Runs `action` and checks that no table changed and no public API was called meanwhile. */
async function writesNothing<T>(action: () => Promise<T>): Promise<T> {
  const before = await tableCounts();
  const calls = publicApiCalls.length;
  const result = await action();
  expect(await tableCounts()).toEqual(before);
  expect(publicApiCalls.slice(calls)).toEqual([]);
  return result;
}

beforeAll(async () => {
  const record = (url: string) => publicApiCalls.push(url);
  t = await createTestApp({
    territories: true,
    geocoder: testGeocoder([http.get(`${GEOCODER}/search`, ({ request }) => void record(request.url)), ...geocoderHandlers]),
    establishments: testEstablishments([http.get(`${RECHERCHE_ENTREPRISES}/search`, ({ request }) => void record(request.url)), ...rechercheEntreprisesHandlers]),
  });
  structureId = await upsertStructureBySource(t.db, aStructure({ source_id: 'dry-run', siret: CCAS_SIRET }), t.now);
  member = await createUser(t, { memberships: [{ structureId, role: 'admin' }] });
  outsider = await createUser(t);
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/offers?dry_run=1', () => {
  it('answers the would-be draft with its completeness, what would raise it and what stops publication, and writes nothing', async () => {
    const r = await writesNothing(() =>
      json(member.request('/api/offers?dry_run=1', { method: 'POST', json: { structure_id: structureId, name: 'Atelier CV', address: '14 rue Léopold Faye', commune_code: '47157' } })),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dry_run: true, offer: { id: null, name: 'Atelier CV', status: 'draft', commune_name: 'Marmande', structure: { id: structureId } } });
    expect(r.body.completeness).toBeGreaterThan(0);
    expect(r.body.completeness).toBeLessThan(1);
    expect(r.body.offer.completeness).toBe(r.body.completeness);
    // Advice points to fields, in French.
    const advice = Object.fromEntries((r.body.completeness_advice as Json[]).map((a) => [a.criterion, a.path]));
    expect(advice).toMatchObject({ au_moins_une_thematique: 'thematiques', au_moins_un_public: 'publics', frais_bien_definis: 'fees', au_moins_un_moyen_de_contact: 'phone' });
    expect(r.body.publication_problems.map((p: Json) => p.path)).toEqual(['description', 'thematiques']);
  });

  it('a fuller offer scores higher and could be published', async () => {
    const full = {
      structure_id: structureId,
      name: 'Atelier CV',
      description: 'Un atelier collectif pour écrire son CV et préparer un entretien, deux matinées par semaine.',
      thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'],
      publics: ['tous-publics'],
      fees: 'gratuit',
      phone: '05 53 12 34 56',
      modes_mobilisation: ['telephoner'],
      mobilisable_par: ['professionnels'],
      address: '14 rue Léopold Faye',
      commune_code: '47157',
    };
    const r = await writesNothing(() => json(member.request('/api/offers?dry_run=1', { method: 'POST', json: full })));
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.body.publication_problems).toEqual([]);
    expect(r.body.completeness).toBeGreaterThan(0.8);
    expect(r.body.offer.phone).toBe('05 53 12 34 56');
  });

  it('refuses what the write refuses, with the same French problem at the same fields', async () => {
    const body = { structure_id: structureId, name: 'Atelier CV', age_min: 30, age_max: 20, commune_code: '99999', status: 'published' };
    const dry = await writesNothing(() => json(member.request('/api/offers?dry_run=1', { method: 'POST', json: body })));
    const real = await json(member.request('/api/offers', { method: 'POST', json: body }));
    expect(dry.status).toBe(400);
    expect(dry.body).toEqual(real.body);
    expect(dry.body.errors.map((e: Json) => e.path)).toContain('status');
    const inconsistent = await writesNothing(() => json(member.request('/api/offers?dry_run=1', { method: 'POST', json: { structure_id: structureId, name: 'Atelier CV', age_min: 30, age_max: 20, commune_code: '99999' } })));
    expect(inconsistent.status).toBe(400);
    expect(inconsistent.body.errors).toEqual([
      { path: 'commune_code', message: 'commune inconnue : 99999' },
      { path: 'age_max', message: 'L’âge maximum (20 ans) est inférieur à l’âge minimum (30 ans)' },
    ]);
  });

  it('is checked like the write: signed in, member of the structure, a known dry_run value', async () => {
    const body = { structure_id: structureId, name: 'Atelier CV' };
    expect((await requestAnonymous(t.app, '/api/offers?dry_run=1', { method: 'POST', json: body })).status).toBe(401);
    expect((await outsider.request('/api/offers?dry_run=1', { method: 'POST', json: body })).status).toBe(403);
    const wrong = await json(member.request('/api/offers?dry_run=peut-etre', { method: 'POST', json: body }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'dry_run', message: expect.stringContaining('vérifier sans enregistrer') }]);
  });
});

describe('PATCH /api/offers/:id?dry_run=1', () => {
  it('answers the merged offer and whether anything changes, leaving the stored offer, its audit and the index alone', async () => {
    const id = await upsertOfferBySource(t.db, anOffer(structureId, { source_id: 'patch-me', status: 'draft', description: 'Courte.' }), t.now);
    const r = await writesNothing(() => json(member.request(`/api/offers/${id}?dry_run=1`, { method: 'PATCH', json: { description: 'Une description nettement plus longue et plus utile.', sessions: [{ starts_on: '2026-09-01' }] } })));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dry_run: true, changed: true, offer: { id, description: 'Une description nettement plus longue et plus utile.', sessions: [{ starts_on: '2026-09-01' }] } });
    expect((await json(member.request(`/api/offers/${id}`))).body).toMatchObject({ description: 'Courte.', sessions: [] });
    const same = await writesNothing(() => json(member.request(`/api/offers/${id}?dry_run=1`, { method: 'PATCH', json: { description: 'Courte.' } })));
    expect(same.body.changed).toBe(false);
  });

  it('a published offer that would lose what publication needs: 422 with the fields, as the write', async () => {
    const id = await upsertOfferBySource(t.db, anOffer(structureId, { source_id: 'published', status: 'published' }), t.now);
    const r = await writesNothing(() => json(member.request(`/api/offers/${id}?dry_run=1`, { method: 'PATCH', json: { thematiques: null, description: null } })));
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: Json) => e.path)).toEqual(['description', 'thematiques']);
  });

  it('does not geocode a new address (the write does)', async () => {
    const id = await upsertOfferBySource(t.db, anOffer(structureId, { source_id: 'geo', status: 'draft' }), t.now);
    const r = await writesNothing(() => json(member.request(`/api/offers/${id}?dry_run=1`, { method: 'PATCH', json: { address: '14 rue Léopold Faye' } })));
    expect(r.body.geocoding).toBeUndefined();
    const written = await json(member.request(`/api/offers/${id}`, { method: 'PATCH', json: { address: '14 rue Léopold Faye' } }));
    expect(written.body.geocoding).toMatchObject({ status: 'located' });
    expect(publicApiCalls.some((u) => u.startsWith(GEOCODER))).toBe(true);
  });
});

describe('structures ?dry_run=1', () => {
  it('POST: the would-be pending structure, without creating it, its admin, its audit or the coordinators’ mail', async () => {
    await createUser(t, { coordinatorOf: ['47'] });
    const r = await writesNothing(() => json(outsider.request('/api/structures?dry_run=1', { method: 'POST', json: { name: 'Repair café', commune_code: '47157', phone: '0553123456' } })));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dry_run: true, structure: { id: null, name: 'Repair café', status: 'pending', commune_name: 'Marmande', phone: '05 53 12 34 56' } });
  });

  it('POST: the commune is required and a SIRET already registered is a conflict, as for the write (SIRENE is not asked)', async () => {
    const missing = await writesNothing(() => json(outsider.request('/api/structures?dry_run=1', { method: 'POST', json: { name: 'Repair café' } })));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('commune_code');
    const taken = await writesNothing(() => json(outsider.request('/api/structures?dry_run=1', { method: 'POST', json: { name: 'CCAS', commune_code: '47157', siret: CCAS_SIRET } })));
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ path: 'siret', message: expect.stringContaining('demandez à la rejoindre') });
  });

  it('PATCH: the merged structure, nothing stored; a bad field is a 400 at its path', async () => {
    const r = await writesNothing(() => json(member.request(`/api/structures/${structureId}?dry_run=1`, { method: 'PATCH', json: { description: 'Une nouvelle présentation de la structure.' } })));
    expect(r.body).toMatchObject({ dry_run: true, changed: true, structure: { id: structureId, description: 'Une nouvelle présentation de la structure.' } });
    expect((await json(member.request(`/api/structures/${structureId}`))).body.description).toBe("Une association d'accompagnement.");
    const bad = await writesNothing(() => json(member.request(`/api/structures/${structureId}?dry_run=1`, { method: 'PATCH', json: { email: 'pas une adresse' } })));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('email');
    expect((await outsider.request(`/api/structures/${structureId}?dry_run=1`, { method: 'PATCH', json: { description: 'Tentative.' } })).status).toBe(403);
  });
});
