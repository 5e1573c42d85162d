/**
 * Offer and structure editing details through the HTTP API (real SQLite file with the COG, geocoder
 * answered by msw): what happens to the point on the map when an address changes, who sees an offer
 * that is not public, a structure's own list, "rien n'a changé" for a whole structure, archiving,
 * eligibility zone codes checked against the territories.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, json, type TestUser } from '../helpers/auth.ts';
import { testGeocoder } from '../helpers/public-apis.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { GEOCODER } from '../mocks/geocoder.ts';

type Json = Record<string, any>;

let t: TestApp;
let structureId: string;
let member: TestUser;
let admin: TestUser;
let seq = 0;

const draft = (overrides: Json = {}) => upsertOfferBySource(t.db, anOffer(structureId, { source_id: `o-${++seq}`, status: 'draft', ...overrides }), t.now);

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  structureId = await upsertStructureBySource(t.db, aStructure({ source_id: 'editing' }), t.now);
  member = await createUser(t, { memberships: [{ structureId, role: 'member' }] });
  admin = await createUser(t, { memberships: [{ structureId, role: 'admin' }] });
});

afterAll(async () => {
  await t?.close();
});

describe('the point on the map when an address changes', () => {
  const patch = async (id: string, body: Json) => json(member.request(`/api/offers/${id}`, { method: 'PATCH', json: body }));

  it('places a precise address, asks to check an approximate one, and clears the point of an address not found', async () => {
    const id = await draft();
    const precise = await patch(id, { address: '14 rue Léopold Faye' });
    expect(precise.body).toMatchObject({ lon: 0.166397, lat: 44.500861, geocoding: { status: 'located', score: 0.9634 } });
    const vague = await patch(id, { address: 'rue du stade' });
    expect(vague.body).toMatchObject({ lon: 0.171205, lat: 44.493318, geocoding: { status: 'approximate', message: expect.stringContaining('vérifiez le point') } });
    const unknown = await patch(id, { address: '1 impasse inconnue' });
    expect(unknown.body).toMatchObject({ lon: null, lat: null, geocoding: { status: 'not_found' } });
  });

  it('keeps the coordinates the person placed, even with a new address', async () => {
    const id = await draft();
    const r = await patch(id, { address: '14 rue Léopold Faye', lon: 0.2, lat: 44.6 });
    expect(r.body).toMatchObject({ lon: 0.2, lat: 44.6, geocoding: { status: 'manual' } });
    const untouched = await patch(id, { description: 'Une description un peu plus longue.' });
    expect(untouched.body).toMatchObject({ lon: 0.2, lat: 44.6 });
    expect(untouched.body.geocoding).toBeUndefined();
  });

  it('removes the old point when the street address is removed', async () => {
    const id = await draft();
    const r = await patch(id, { address: null });
    expect(r.body).toMatchObject({ address: null, lon: null, lat: null, geocoding: { status: 'cleared' } });
  });

  it('saves the address without a point when the geocoder is down, and says so', async () => {
    const down = await createTestApp({ territories: true, geocoder: testGeocoder([http.get(`${GEOCODER}/search`, () => HttpResponse.error())]) });
    try {
      const s = await upsertStructureBySource(down.db, aStructure({ source_id: 'down' }), down.now);
      const u = await createUser(down, { memberships: [{ structureId: s, role: 'admin' }] });
      const r = await json(u.request('/api/offers', { method: 'POST', json: { structure_id: s, name: 'Permanence emploi', address: '14 rue Léopold Faye', commune_code: '47157' } }));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ address: '14 rue Léopold Faye', lon: null, lat: null, geocoding: { status: 'unavailable', message: expect.stringContaining('ne répond pas') } });
    } finally {
      await down.close();
    }
  });
});

describe('who sees an offer that is not public', () => {
  it('a draft: its structure’s members and the coordinators of its département, nobody else', async () => {
    const id = await draft({ contact_public: false, phone: '05 53 00 00 09' });
    const coordinator47 = await createUser(t, { coordinatorOf: ['47'] });
    const coordinator40 = await createUser(t, { coordinatorOf: ['40'] });
    const professional = await createUser(t);
    expect((await requestAnonymous(t.app, `/api/offers/${id}`)).status).toBe(404);
    expect((await professional.request(`/api/offers/${id}`)).status).toBe(404);
    expect((await coordinator40.request(`/api/offers/${id}`)).status).toBe(404);
    expect((await json(member.request(`/api/offers/${id}`))).body).toMatchObject({ status: 'draft', phone: '05 53 00 00 09' });
    expect((await coordinator47.request(`/api/offers/${id}`)).status).toBe(200);
  });

  it('a published offer: contacts reserved to professionals are shown to professionals only', async () => {
    const id = await draft({ status: 'published', contact_public: false, phone: '05 53 00 00 08' });
    expect((await json(requestAnonymous(t.app, `/api/offers/${id}`))).body).toMatchObject({ phone: null, contact_restricted: true });
    expect((await json((await createUser(t)).request(`/api/offers/${id}`))).body).toMatchObject({ phone: '05 53 00 00 08', contact_restricted: false });
  });

  it('the structure’s list: every status with counts, for its members only', async () => {
    const r = await json(member.request(`/api/structures/${structureId}/offers?status=draft&size=100`));
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBe(r.body.counts.draft);
    expect(r.body.items.every((o: Json) => o.status === 'draft' && typeof o.overdue === 'boolean')).toBe(true);
    expect((await json(member.request(`/api/structures/${structureId}/offers?status=brouillon`))).body.errors[0].path).toBe('status');
    expect((await requestAnonymous(t.app, `/api/structures/${structureId}/offers`)).status).toBe(401);
    expect((await (await createUser(t)).request(`/api/structures/${structureId}/offers`)).status).toBe(403);
  });

  it('refuses an edit that would make a published offer unpublishable (422), and a status change that does not apply (409)', async () => {
    const id = await draft({ status: 'published' });
    const r = await json(member.request(`/api/offers/${id}`, { method: 'PATCH', json: { thematiques: [] } }));
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: 'thematiques', message: expect.stringContaining('au moins une thématique') }]);
    expect((await member.request(`/api/offers/${id}/publish`, { method: 'POST' })).status).toBe(409);
    const past = await json(member.request(`/api/offers/${id}/suspend`, { method: 'POST', json: { until: '2020-01-01' } }));
    expect(past.status).toBe(422);
    expect(past.body.errors[0].path).toBe('until');
  });

  it('lets the update frequency be chosen among 1, 3, 6 and 12 months', async () => {
    const id = await draft();
    expect((await json(member.request(`/api/offers/${id}`, { method: 'PATCH', json: { update_frequency_months: 3 } }))).body.update_frequency_months).toBe(3);
    const wrong = await json(member.request(`/api/offers/${id}`, { method: 'PATCH', json: { update_frequency_months: 2 } }));
    expect(wrong.body.errors).toEqual([{ path: 'update_frequency_months', message: 'Fréquence de mise à jour : 1, 3, 6 ou 12 mois' }]);
  });
});

describe('a structure as a whole', () => {
  it('"rien n’a changé" for the structure and all its public offers at once', async () => {
    const s = await upsertStructureBySource(t.db, aStructure({ source_id: 'confirm-all', confirmed_at: null }), t.now);
    const a = await createUser(t, { memberships: [{ structureId: s, role: 'admin' }] });
    const published = await upsertOfferBySource(t.db, anOffer(s, { source_id: 'c-1', confirmed_at: '2025-01-01T00:00:00.000Z' }), t.now);
    await upsertOfferBySource(t.db, anOffer(s, { source_id: 'c-2', status: 'draft', confirmed_at: null }), t.now);
    const r = await json(a.request(`/api/structures/${s}/confirm`, { method: 'POST', json: { include_offers: true } }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ confirmed_at: t.now.toISOString() });
    expect(r.body.confirmed_offers.map((o: Json) => [o.id, o.confirmed_at, o.overdue])).toEqual([[published, t.now.toISOString(), false]]);
  });

  it('archiving a structure archives its offers and takes them out of the public view', async () => {
    const s = await upsertStructureBySource(t.db, aStructure({ source_id: 'archive-me' }), t.now);
    const a = await createUser(t, { memberships: [{ structureId: s, role: 'admin' }] });
    const o = await upsertOfferBySource(t.db, anOffer(s, { source_id: 'a-1' }), t.now);
    expect((await requestAnonymous(t.app, `/api/offers/${o}`)).status).toBe(200);
    const r = await json(a.request(`/api/structures/${s}/archive`, { method: 'POST', json: { reason: 'Fermeture de l’antenne' } }));
    expect(r.body.status).toBe('archived');
    expect((await requestAnonymous(t.app, `/api/offers/${o}`)).status).toBe(404);
    expect((await json(a.request(`/api/offers/${o}`))).body.status).toBe('archived');
    const audit = (await json(a.request(`/api/structures/${s}/audit`))).body.items as Json[];
    expect(audit.map((e) => [e.entity, e.action, e.reason])).toEqual([
      ['structure', 'archive', 'Fermeture de l’antenne'],
      ['offer', 'archive', 'Fermeture de l’antenne'],
    ]);
    expect((await a.request(`/api/structures/${s}/archive`, { method: 'POST' })).status).toBe(409);
  });

  it('a plain member may edit offers but not the structure', async () => {
    expect((await member.request(`/api/structures/${structureId}`, { method: 'PATCH', json: { description: 'Autre description de la structure.' } })).status).toBe(403);
    expect((await admin.request(`/api/structures/${structureId}`, { method: 'PATCH', json: { description: 'Autre description de la structure.' } })).status).toBe(200);
  });
});

describe('freshness of an edited offer', () => {
  it('an edit by the structure confirms the offer (no longer overdue); a coordinator’s correction does not', async () => {
    const old = '2025-01-10T09:00:00.000Z';
    const id = await upsertOfferBySource(t.db, anOffer(structureId, { source_id: `o-${++seq}`, confirmed_at: old, updated_on: '2025-01-10' }), t.now);
    const coordinator = await createUser(t, { coordinatorOf: ['47'] });
    const corrected = await json(coordinator.request(`/api/offers/${id}`, { method: 'PATCH', json: { name: 'Atelier corrigé par la coordination' } }));
    expect(corrected).toMatchObject({ status: 200, body: { confirmed_at: old, overdue: true } });
    const edited = await json(member.request(`/api/offers/${id}`, { method: 'PATCH', json: { name: 'Atelier mis à jour par la structure' } }));
    expect(edited).toMatchObject({ status: 200, body: { confirmed_at: t.now.toISOString(), overdue: false } });
  });
});

describe('eligibility zone codes', () => {
  const count = async () => Number((await t.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses codes naming no commune, EPCI or département, at their index, and writes nothing', async () => {
    const epci = (await t.db.selectFrom('epci').select('code').orderBy('code').executeTakeFirstOrThrow()).code;
    const before = await count();
    const zone = ['47157', '99999', epci, '999999999', '47', '9Z', 'france', '99100'];
    const created = await json(member.request('/api/offers', { method: 'POST', json: { structure_id: structureId, name: 'Atelier vélo', zone } }));
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { path: 'zone.1', message: 'commune inconnue : 99999' },
      { path: 'zone.3', message: 'intercommunalité (EPCI) inconnue : 999999999' },
      { path: 'zone.5', message: 'département inconnu : 9Z' },
    ]);
    expect(await count()).toBe(before);

    // The same codes without the unknown ones are accepted; a PATCH is checked the same way.
    const ok = await json(member.request('/api/offers', { method: 'POST', json: { structure_id: structureId, name: 'Atelier vélo', zone: ['47157', epci, '47', '2a', 'france'] } }));
    expect(ok.status).toBe(201);
    const patched = await json(member.request(`/api/offers/${ok.body.id}`, { method: 'PATCH', json: { zone: ['47', '47999'] } }));
    expect(patched).toMatchObject({ status: 400, body: { errors: [{ path: 'zone.1', message: 'commune inconnue : 47999' }] } });
    // Corsican codes are kept in their COG form (capitals), the form a person's commune is matched with.
    expect((await json(member.request(`/api/offers/${ok.body.id}`))).body.zone).toEqual(['47157', epci, '47', '2A', 'france']);
    const corsica = await json(member.request(`/api/offers/${ok.body.id}`, { method: 'PATCH', json: { zone: ['2a004', '2b'] } }));
    expect(corsica).toMatchObject({ status: 200, body: { zone: ['2A004', '2B'] } });
  });
});

describe('on a running server', () => {
  it('an edit is searchable at once: the write wakes the outbox drain (its tick is 1,000 s here)', async () => {
    const live = await createTestApp({ territories: true, outboxLoop: true });
    try {
      const s = await upsertStructureBySource(live.db, aStructure({ source_id: 'live' }), live.now);
      const editor = await createUser(live, { memberships: [{ structureId: s, role: 'member' }] });
      const id = await upsertOfferBySource(live.db, anOffer(s, { source_id: 'live-1' }), live.now);
      const r = await editor.request(`/api/offers/${id}`, { method: 'PATCH', json: { name: 'Atelier de xylographie solidaire' } });
      expect(r.status).toBe(200);
      const found = async () => ((await (await live.app.request('/api/search?q=xylographie')).json()) as Json).items.map((i: Json) => i.id);
      const deadline = Date.now() + 5_000;
      let ids = await found();
      while (!ids.includes(id) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        ids = await found();
      }
      expect(ids).toEqual([id]);
    } finally {
      await live.close();
    }
  });
});
