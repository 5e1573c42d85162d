/**
 * The journey of "How I will check", through the HTTP API on a real SQLite file with the COG and the
 * real SQLite search engine (recherche-entreprises and the geocoder answered by msw): a structure
 * created from its SIRET, validated by a coordinator, an offer created, published, edited, confirmed
 * after it fell overdue, suspended and published again — every step in the audit log and, after the
 * outbox drain, in /api/search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/app.ts';
import { createUser, json, openSession, requestAnonymous, requestAs, type RequestOptions, type Session, type TestUser } from '../helpers/auth.ts';
import { ASSOCIATION_HEAD_OFFICE_SIRET } from '../mocks/recherche-entreprises.ts';

type Json = Record<string, any>;
const DAY = 86_400_000;
const OFFER_NAME = 'Atelier vélo solidaire';

let current = new Date(TEST_NOW);
let t: TestApp;
let alice: TestUser;
let coordinator: TestUser;
/** Sessions opened at the current time (the journey spans months: older ones expire). */
const sessions = new Map<string, Session>();

async function as(user: TestUser, path: string, options: RequestOptions = {}): Promise<{ status: number; body: Json }> {
  let session = sessions.get(user.id);
  if (!session) {
    session = await openSession({ app: t.app, db: t.db, now: new Date(current) }, user.id);
    sessions.set(user.id, session);
  }
  return json(requestAs(t.app, session, path, options));
}

function advance(days: number) {
  current = new Date(current.getTime() + days * DAY);
  sessions.clear();
}

async function searchFor(q: string): Promise<Json[]> {
  expect((await t.drain()).failed).toBe(0);
  const r = await t.app.request(`/api/search?commune=47157&q=${encodeURIComponent(q)}&size=50`);
  expect(r.status).toBe(200);
  return ((await r.json()) as Json).items as Json[];
}

async function auditActions(path: string): Promise<string[]> {
  const r = await as(alice, path);
  expect(r.status).toBe(200);
  return (r.body.items as Json[]).map((e) => e.action);
}

beforeAll(async () => {
  t = await createTestApp({ territories: true, clock: () => new Date(current) });
  alice = await createUser(t, { name: 'Alice Durand', email: 'alice@tremplin-vdg.fr' });
  coordinator = await createUser(t, { name: 'Claire Coordinatrice', coordinatorOf: ['47'] });
});

afterAll(async () => {
  await t?.close();
});

describe('from a SIRET to a published, edited, confirmed and suspended offer', () => {
  let structureId: string;
  let offerId: string;

  it('finds the establishment by SIRET, with a prefilled form and no structure registered yet', async () => {
    const r = await as(alice, `/api/establishments?siret=${ASSOCIATION_HEAD_OFFICE_SIRET}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({
      siret: ASSOCIATION_HEAD_OFFICE_SIRET,
      closed: false,
      refusal: null,
      registered: null,
      prefill: { name: 'Tremplin Val de Garonne', siret: ASSOCIATION_HEAD_OFFICE_SIRET, typology: 'aci', commune_code: '47157' },
    });
  });

  it('registers the structure: pending, its creator admin, its address geocoded', async () => {
    const { prefill } = (await as(alice, `/api/establishments?siret=${ASSOCIATION_HEAD_OFFICE_SIRET}`)).body.items[0];
    // The person edits the prefilled form; without coordinates of their own, the address is geocoded.
    const { lon: _lon, lat: _lat, ...form } = prefill;
    const r = await as(alice, '/api/structures', { method: 'POST', json: { ...form, phone: '0553201010', email: 'contact@tremplin-vdg.fr' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    structureId = r.body.id;
    expect(r.body).toMatchObject({
      status: 'pending',
      name: 'Tremplin Val de Garonne',
      commune_name: 'Marmande',
      departement_code: '47',
      phone: '05 53 20 10 10',
      lon: 0.166397,
      lat: 44.500861,
      geocoding: { status: 'located', label: '14 Rue Léopold Faye 47200 Marmande' },
    });
    const [notice] = ((await (await t.app.request('/api/dev/outbox')).json()) as Json).items as Json[];
    expect(notice).toMatchObject({ to: coordinator.email, subject: expect.stringContaining('Nouvelle structure à valider : Tremplin Val de Garonne') });
    expect(notice!.text).toContain('Alice Durand vient d’inscrire');
    const mine = await as(alice, '/api/me/structures');
    expect(mine.body.items).toEqual([expect.objectContaining({ role: 'admin', structure: expect.objectContaining({ id: structureId, status: 'pending' }) })]);
    // Not public yet, but its admin sees it.
    expect((await requestAnonymous(t.app, `/api/structures/${structureId}`)).status).toBe(404);
    expect((await as(alice, `/api/structures/${structureId}`)).status).toBe(200);
  });

  it('is validated by a coordinator of the département from the moderation queue; its admin gets a mail', async () => {
    const queue = await as(coordinator, '/api/moderation?dept=47');
    expect(queue.status).toBe(200);
    expect(queue.body.pending_structures.items).toEqual([
      expect.objectContaining({ id: structureId, admins: [{ name: 'Alice Durand', email: 'alice@tremplin-vdg.fr' }] }),
    ]);
    const r = await as(coordinator, `/api/structures/${structureId}/validate`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'validated', validated_at: current.toISOString() });
    expect((await as(coordinator, '/api/moderation?dept=47')).body.pending_structures.total).toBe(0);
    const mails = ((await (await t.app.request('/api/dev/outbox')).json()) as Json).items as Json[];
    expect(mails[0]).toMatchObject({ to: 'alice@tremplin-vdg.fr', subject: expect.stringContaining('Tremplin Val de Garonne est validée') });
  });

  it('creates a draft offer: normalised phone and hours, completeness stored, invisible to the public', async () => {
    const r = await as(alice, '/api/offers', {
      method: 'POST',
      json: {
        structure_id: structureId,
        name: OFFER_NAME,
        description: 'Réparer son vélo avec un mécanicien et repartir avec un vélo remis en état pour aller au travail.',
        type: 'atelier',
        thematiques: ['mobilite--entretenir-reparer-son-vehicule'],
        publics: ['tous-publics'],
        fees: 'gratuit',
        modes_accueil: ['en-presentiel'],
        address: '14 rue Léopold Faye',
        postal_code: '47200',
        commune_code: '47157',
        phone: '05.53.20.10.11',
        opening_hours: 'mo-fr 09:00-12:00',
        modes_mobilisation: ['telephoner'],
        mobilisable_par: ['professionnels'],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    offerId = r.body.id;
    expect(r.body).toMatchObject({
      status: 'draft',
      phone: '05 53 20 10 11',
      opening_hours: 'Mo-Fr 09:00-12:00',
      update_frequency_months: 6,
      overdue: false,
      lon: 0.166397,
      geocoding: { status: 'located' },
      structure: { id: structureId, name: 'Tremplin Val de Garonne' },
    });
    expect(r.body.completeness).toBeGreaterThan(0.5);
    expect((await requestAnonymous(t.app, `/api/offers/${offerId}`)).status).toBe(404);
    expect((await as(alice, `/api/offers/${offerId}`)).body.status).toBe('draft');
    expect(await searchFor('vélo solidaire')).toEqual([]);
  });

  it('publishes it: public, searchable, and in the coordinators’ review queue', async () => {
    const r = await as(alice, `/api/offers/${offerId}/publish`, { method: 'POST' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'published', confirmed_at: current.toISOString() });
    expect((await requestAnonymous(t.app, `/api/offers/${offerId}`)).status).toBe(200);
    const [hit] = await searchFor('vélo solidaire');
    expect(hit).toMatchObject({ id: offerId, name: OFFER_NAME, overdue: false, structure: { id: structureId, name: 'Tremplin Val de Garonne' } });
    const queue = (await as(coordinator, '/api/moderation?dept=47')).body;
    expect(queue.offers_to_review.items.map((o: Json) => [o.id, o.last_change.action])).toEqual([[offerId, 'publish']]);
  });

  it('is reviewed by the coordinator, then edited: back in the queue, and search shows the new text', async () => {
    expect((await as(coordinator, `/api/offers/${offerId}/review`, { method: 'POST' })).status).toBe(200);
    expect((await as(coordinator, '/api/moderation?dept=47')).body.offers_to_review.total).toBe(0);
    advance(1);
    const r = await as(alice, `/api/offers/${offerId}`, { method: 'PATCH', json: { name: `${OFFER_NAME} et mobilité`, places_available: 4, capacity: 10 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ name: `${OFFER_NAME} et mobilité`, places_available: 4, status: 'published' });
    expect(r.body.geocoding).toBeUndefined();
    const [hit] = await searchFor('vélo solidaire');
    expect(hit).toMatchObject({ id: offerId, name: `${OFFER_NAME} et mobilité`, places_available: 4 });
    expect((await as(coordinator, '/api/moderation?dept=47')).body.offers_to_review.items.map((o: Json) => o.last_change.action)).toEqual(['update']);
  });

  it('renaming the structure re-indexes its offers', async () => {
    const r = await as(alice, `/api/structures/${structureId}`, { method: 'PATCH', json: { name: 'Tremplin VDG' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [hit] = await searchFor('vélo solidaire');
    expect(hit!.structure).toEqual({ id: structureId, name: 'Tremplin VDG' });
  });

  it('falls overdue after its update frequency, is listed for reminders, and "rien n’a changé" makes it fresh again', async () => {
    advance(200);
    expect((await searchFor('vélo solidaire'))[0]).toMatchObject({ id: offerId, overdue: true });
    expect((await as(alice, `/api/offers/${offerId}`)).body.overdue).toBe(true);
    const reminders = await as(coordinator, '/api/freshness/overdue?dept=47');
    expect(reminders.status).toBe(200);
    const group = (reminders.body.structures as Json[]).find((s) => s.structure.id === structureId)!;
    expect(group.admins).toEqual([{ name: 'Alice Durand', email: 'alice@tremplin-vdg.fr' }]);
    expect(group.offers).toEqual([expect.objectContaining({ id: offerId, update_frequency_months: 6, days_overdue: expect.any(Number) })]);
    expect(group.offers[0].days_overdue).toBeGreaterThan(0);

    const r = await as(alice, `/api/offers/${offerId}/confirm`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ confirmed_at: current.toISOString(), overdue: false });
    expect((await searchFor('vélo solidaire'))[0]).toMatchObject({ id: offerId, overdue: false, confirmed_at: current.toISOString() });
    const after = (await as(coordinator, '/api/freshness/overdue?dept=47')).body.structures as Json[];
    expect(after.find((s) => s.structure.id === structureId)).toBeUndefined();
  });

  it('is suspended until a date: out of search, still in its structure’s list; then published again', async () => {
    const until = new Date(current.getTime() + 30 * DAY).toISOString().slice(0, 10);
    const r = await as(alice, `/api/offers/${offerId}/suspend`, { method: 'POST', json: { until, reason: 'Mécanicien en congé' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'suspended', suspended_until: until });
    expect(await searchFor('vélo solidaire')).toEqual([]);
    expect((await requestAnonymous(t.app, `/api/offers/${offerId}`)).status).toBe(404);
    const list = await as(alice, `/api/structures/${structureId}/offers?status=suspended`);
    expect(list.body.items.map((o: Json) => o.id)).toEqual([offerId]);
    expect(list.body.counts).toMatchObject({ suspended: 1, published: 0 });

    expect((await as(alice, `/api/offers/${offerId}/publish`, { method: 'POST' })).status).toBe(200);
    expect((await searchFor('vélo solidaire')).map((h) => h.id)).toEqual([offerId]);
  });

  it('keeps every step in the audit log, with who (by name), when, why and the fields changed', async () => {
    expect(await auditActions(`/api/offers/${offerId}/audit`)).toEqual(['publish', 'suspend', 'confirm', 'update', 'review', 'publish', 'create']);
    const page = (await as(alice, `/api/offers/${offerId}/audit?size=3`)).body;
    expect(page).toMatchObject({ total: 7, page: 1, size: 3 });
    const audit = (await as(coordinator, `/api/offers/${offerId}/audit`)).body.items as Json[];
    const update = audit.find((e) => e.action === 'update')!;
    expect(update).toMatchObject({ actor: { name: 'Alice Durand' }, action_label: 'Modification', entity_name: `${OFFER_NAME} et mobilité` });
    expect(update.changes.name).toEqual([OFFER_NAME, `${OFFER_NAME} et mobilité`]);
    expect(update.changes.places_available).toEqual([null, 4]);
    expect(JSON.stringify(update)).not.toContain(alice.id);
    expect(audit.find((e) => e.action === 'suspend')).toMatchObject({ reason: 'Mécanicien en congé', changes: { status: ['published', 'suspended'] } });
    expect(audit.find((e) => e.action === 'review')).toMatchObject({ actor: { name: 'Claire Coordinatrice' } });

    // The structure's history holds its own entries and its offers', newest first.
    const structureLog = ((await as(alice, `/api/structures/${structureId}/audit?size=100`)).body.items as Json[]).map((e) => `${e.entity}:${e.action}`);
    // Registering made Alice its admin: who may act for the structure is part of its history.
    expect(structureLog.slice(-4)).toEqual(['offer:create', 'structure:validate', 'structure:member_added', 'structure:create']);
    expect(structureLog).toContain('structure:update');
    expect(structureLog.filter((e) => e.startsWith('offer:'))).toHaveLength(7);
    // Someone outside the structure and its département reads nothing.
    const stranger = await createUser(t, { coordinatorOf: ['40'] });
    expect((await as(stranger, `/api/offers/${offerId}/audit`)).status).toBe(403);
  });
});
