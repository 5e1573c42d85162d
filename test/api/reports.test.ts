/**
 * "Signaler une erreur": anyone may report an error on a published offer (French validation, nothing
 * written on bad input, rate limits, foreign sites refused); the coordinators of the offer's
 * département list the reports, nobody else does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, type TestUser } from '../helpers/auth.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { REPORTS_PER_ADDRESS_PER_HOUR } from '../../api/routes/reports.ts';

type Json = Record<string, any>;

let t: TestApp;
const ids: Record<string, string> = {};
let coordinator47: TestUser;
let coordinator40: TestUser;
let professional: TestUser;

const countReports = async () => Number((await t.db.selectFrom('offer_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function report(offerId: string, json: unknown, headers: Record<string, string> = {}) {
  return requestAnonymous(t.app, `/api/offers/${offerId}/reports`, { method: 'POST', json, headers });
}

beforeAll(async () => {
  // The tests name client addresses in X-Forwarded-For, as one trusted reverse proxy would.
  t = await createTestApp({ config: { trustProxy: { forwardedHops: 1 } } });
  const structure = await upsertStructureBySource(t.db, aStructure({ source_id: 's-47' }), t.now);
  ids.published = await upsertOfferBySource(t.db, anOffer(structure, { source_id: 'o-published', name: 'Garage solidaire' }), t.now);
  ids.busy = await upsertOfferBySource(t.db, anOffer(structure, { source_id: 'o-busy', name: 'Offre très signalée' }), t.now);
  ids.draft = await upsertOfferBySource(t.db, anOffer(structure, { source_id: 'o-draft', status: 'draft' }), t.now);
  coordinator47 = await createUser(t, { coordinatorOf: ['47'] });
  coordinator40 = await createUser(t, { coordinatorOf: ['40'] });
  professional = await createUser(t);
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/offers/:id/reports', () => {
  it('stores an anonymous report with its optional email and thanks in French', async () => {
    const r = await report(ids.published!, { message: '  Le numéro de téléphone ne répond plus.  ', email: 'Agent@Mairie-Exemple.fr' }, { 'x-forwarded-for': '10.0.0.1' });
    expect(r.status).toBe(201);
    const body = (await r.json()) as Json;
    expect(body.message).toMatch(/Merci/);
    const row = await t.db.selectFrom('offer_reports').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ offer_id: ids.published, message: 'Le numéro de téléphone ne répond plus.', email: 'agent@mairie-exemple.fr', status: 'new' });
  });

  it('accepts an empty email field as "no email"', async () => {
    const r = await report(ids.published!, { message: 'Les horaires ont changé en septembre.', email: '' }, { 'x-forwarded-for': '10.0.0.2' });
    expect(r.status).toBe(201);
    const row = await t.db.selectFrom('offer_reports').selectAll().where('id', '=', ((await r.json()) as Json).id).executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
  });

  it('refuses bad input with French messages per field, and writes nothing', async () => {
    const before = await countReports();
    const r = await report(ids.published!, { message: 'court', email: 'pas-une-adresse' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    const body = (await r.json()) as Json;
    expect(body.title).toBe('Signalement invalide');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'message', message: 'Décrivez l’erreur en quelques mots (10 caractères au moins).' },
        { path: 'email', message: 'Adresse e-mail invalide' },
      ]),
    );
    const notJson = await requestAnonymous(t.app, `/api/offers/${ids.published}/reports`, { method: 'POST', body: 'message=bonjour' });
    expect(notJson.status).toBe(400);
    expect(await countReports()).toBe(before);
  });

  it('answers 404 for an unknown or unpublished offer', async () => {
    const before = await countReports();
    for (const id of ['inconnue', ids.draft!]) {
      const r = await report(id, { message: 'Cette offre n’existe plus depuis janvier.' });
      expect(r.status).toBe(404);
      expect(((await r.json()) as Json).detail).toBe('Aucune offre publiée ne porte cet identifiant.');
    }
    expect(await countReports()).toBe(before);
  });

  it('refuses a report posted from another site', async () => {
    const r = await report(ids.published!, { message: 'Signalement envoyé par un autre site.' }, { origin: 'https://ailleurs.example', 'sec-fetch-site': 'cross-site' });
    expect(r.status).toBe(403);
  });

  it(`limits one client address to ${REPORTS_PER_ADDRESS_PER_HOUR} reports an hour (429 with Retry-After)`, async () => {
    const headers = { 'x-forwarded-for': '10.9.9.9' };
    for (let i = 0; i < REPORTS_PER_ADDRESS_PER_HOUR; i++) {
      expect((await report(ids.busy!, { message: `Signalement numéro ${i} sur cette offre.` }, headers)).status).toBe(201);
    }
    const before = await countReports();
    const r = await report(ids.busy!, { message: 'Un signalement de trop sur cette offre.' }, headers);
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3600');
    expect(((await r.json()) as Json).detail).toMatch(/réessayez dans une heure/);
    expect(await countReports()).toBe(before);
    // Another address still gets through.
    expect((await report(ids.published!, { message: 'Autre poste, autre signalement.' }, { 'x-forwarded-for': '10.9.9.10' })).status).toBe(201);
  });
});

describe('GET /api/reports', () => {
  it('lists the reports of the département to its coordinators, newest first, with offer and structure', async () => {
    const r = await coordinator47.request('/api/reports?dept=47&size=100');
    expect(r.status).toBe(200);
    const body = (await r.json()) as Json;
    expect(body.total).toBe(await countReports());
    const first = (body.items as Json[]).find((i) => i.message === 'Le numéro de téléphone ne répond plus.')!;
    expect(first).toMatchObject({
      email: 'agent@mairie-exemple.fr',
      status: 'new',
      offer: { id: ids.published, name: 'Garage solidaire', departement_code: '47' },
      structure: { name: 'Association Test Insertion' },
    });
    const dates = (body.items as Json[]).map((i) => i.created_at as string);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('shows nothing of another département, and refuses everyone but its coordinators', async () => {
    const other = await coordinator40.request('/api/reports?dept=40');
    expect(other.status).toBe(200);
    expect(((await other.json()) as Json).total).toBe(0);
    expect((await coordinator40.request('/api/reports?dept=47')).status).toBe(403);
    expect((await professional.request('/api/reports?dept=47')).status).toBe(403);
    expect((await requestAnonymous(t.app, '/api/reports?dept=47')).status).toBe(401);
  });

  it('asks for a valid département code', async () => {
    const r = await coordinator47.request('/api/reports');
    expect(r.status).toBe(400);
    expect(((await r.json()) as Json).errors[0].path).toBe('dept');
  });
});

describe('POST /api/reports/:id/{resolve,dismiss}', () => {
  it('lets a coordinator of the département close a report, which leaves the list of new ones', async () => {
    const created = (await (await report(ids.published!, { message: 'L’adresse a changé : 4 rue Neuve.' }, { 'x-forwarded-for': '10.0.9.1' })).json()) as Json;
    const listNew = async () => ((await (await coordinator47.request('/api/reports?dept=47&status=new&size=100')).json()) as Json).items.map((i: Json) => i.id);
    expect(await listNew()).toContain(created.id);

    const r = await coordinator47.request(`/api/reports/${created.id}/resolve`, { method: 'POST', json: {} });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ id: created.id, status: 'resolved' });
    const row = await t.db.selectFrom('offer_reports').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'resolved', resolved_at: t.now.toISOString(), resolved_by: coordinator47.id });
    expect(await listNew()).not.toContain(created.id);

    // Once closed, it stays as it was decided.
    const again = await coordinator47.request(`/api/reports/${created.id}/dismiss`, { method: 'POST', json: {} });
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).title).toBe('Signalement déjà traité');
    expect((await t.db.selectFrom('offer_reports').select('status').where('id', '=', created.id).executeTakeFirstOrThrow()).status).toBe('resolved');
  });

  it('refuses the coordinators of another département and unknown reports', async () => {
    const created = (await (await report(ids.published!, { message: 'Cette action n’existe plus depuis juin.' }, { 'x-forwarded-for': '10.0.9.2' })).json()) as Json;
    expect((await coordinator40.request(`/api/reports/${created.id}/dismiss`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await professional.request(`/api/reports/${created.id}/dismiss`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await coordinator47.request('/api/reports/inconnu/dismiss', { method: 'POST', json: {} })).status).toBe(404);
    expect((await t.db.selectFrom('offer_reports').select('status').where('id', '=', created.id).executeTakeFirstOrThrow()).status).toBe('new');
  });
});
