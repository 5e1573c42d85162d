/**
 * The coordinators' side through the HTTP API: the moderation queue and the overdue list are scoped
 * to their départements (all of them for a service admin), rejecting a structure and unpublishing
 * or suspending an offer reach the structure's admins by mail with the reason, and a suspended or
 * unpublished offer leaves search after the outbox drain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, json, type TestUser } from '../helpers/auth.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { getStructure, upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';

type Json = Record<string, any>;

let t: TestApp;
let s47: string;
let s40: string;
let coordinator47: TestUser;
let coordinator40: TestUser;
let admin47: TestUser;

async function outbox(): Promise<Json[]> {
  return ((await (await t.app.request('/api/dev/outbox')).json()) as Json).items as Json[];
}

/** Confirmed 8 months before the test's day: overdue with the default 6-month frequency. */
const LONG_AGO = '2025-10-10T00:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  s47 = await upsertStructureBySource(t.db, aStructure({ source_id: 's47', name: 'Atelier 47' }), t.now);
  s40 = await upsertStructureBySource(t.db, aStructure({ source_id: 's40', name: 'Atelier 40', commune_code: '40192', postal_code: '40000', commune_name: 'Mont-de-Marsan' }), t.now);
  await upsertStructureBySource(t.db, aStructure({ source_id: 'p47', name: 'En attente 47', status: 'pending' }), t.now);
  await upsertStructureBySource(t.db, aStructure({ source_id: 'p40', name: 'En attente 40', status: 'pending', commune_code: '40192' }), t.now);
  await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'old47', name: 'Vieille offre 47', confirmed_at: LONG_AGO, updated_on: '2025-10-10' }), t.now);
  await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'fresh47', name: 'Offre à jour 47' }), t.now);
  await upsertOfferBySource(t.db, anOffer(s40, { source_id: 'old40', name: 'Vieille offre 40', confirmed_at: LONG_AGO, updated_on: '2025-10-10', zone: ['40'] }), t.now);
  // A monthly offer confirmed 40 days ago is overdue too; a yearly one confirmed 8 months ago is not.
  await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'monthly', name: 'Offre mensuelle', update_frequency_months: 1, confirmed_at: '2026-05-06T00:00:00.000Z' }), t.now);
  await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'yearly', name: 'Offre annuelle', update_frequency_months: 12, confirmed_at: LONG_AGO }), t.now);
  coordinator47 = await createUser(t, { coordinatorOf: ['47'] });
  coordinator40 = await createUser(t, { coordinatorOf: ['40'] });
  admin47 = await createUser(t, { name: 'Admin 47', email: 'admin@atelier47.fr', memberships: [{ structureId: s47, role: 'admin' }] });
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/moderation', () => {
  it('shows a coordinator their départements only', async () => {
    const r = await json(coordinator47.request('/api/moderation'));
    expect(r.status).toBe(200);
    expect(r.body.departements).toEqual(['47']);
    expect(r.body.pending_structures.items.map((s: Json) => s.name)).toEqual(['En attente 47']);
    expect(r.body.overdue_offers.items.map((o: Json) => o.name).sort()).toEqual(['Offre mensuelle', 'Vieille offre 47']);
    expect((await json(coordinator47.request('/api/moderation?dept=40'))).status).toBe(403);
    expect((await json(coordinator40.request('/api/moderation?dept=40'))).body.pending_structures.items.map((s: Json) => s.name)).toEqual(['En attente 40']);
  });

  it('is refused to people without a coordinator role, and shows service admins every département', async () => {
    expect((await requestAnonymous(t.app, '/api/moderation')).status).toBe(401);
    expect((await admin47.request('/api/moderation')).status).toBe(403);
    expect((await json(admin47.request('/api/moderation?dept=47'))).status).toBe(403);
    const all = await json((await createUser(t, { admin: true })).request('/api/moderation'));
    expect(all.body.departements).toBeNull();
    expect(all.body.pending_structures.items.map((s: Json) => s.name).sort()).toEqual(['En attente 40', 'En attente 47']);
    expect((await json(coordinator47.request('/api/moderation?dept=999'))).body.errors[0].path).toBe('dept');
  });
});

describe('GET /api/freshness/overdue', () => {
  it('lists the overdue offers of the département grouped by structure, with whom to remind and the days overdue', async () => {
    const r = await json(coordinator47.request('/api/freshness/overdue?dept=47'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ departements: ['47'], total_offers: 2, total_structures: 1 });
    const group = (r.body.structures as Json[])[0]!;
    expect(group.structure).toMatchObject({ id: s47, name: 'Atelier 47' });
    expect(group.admins).toEqual([{ name: 'Admin 47', email: 'admin@atelier47.fr' }]);
    const byName = Object.fromEntries((group.offers as Json[]).map((o) => [o.name, o]));
    // Due 2026-04-10 (6 months after 2025-10-10): 66 days before 2026-06-15 10:00.
    expect(byName['Vieille offre 47']).toMatchObject({ update_frequency_months: 6, due_at: '2026-04-10T00:00:00.000Z', days_overdue: 66 });
    expect(byName['Offre mensuelle']).toMatchObject({ update_frequency_months: 1, due_at: '2026-06-06T00:00:00.000Z', days_overdue: 9 });
    expect(group.max_days_overdue).toBe(66);
    expect((await json(coordinator40.request('/api/freshness/overdue?dept=47'))).status).toBe(403);
  });

  it('flags overdue offers in the public views too', async () => {
    const list = await json(requestAnonymous(t.app, '/api/offers?dept=47&size=100'));
    const flags = Object.fromEntries((list.body.items as Json[]).map((o) => [o.name, o.overdue]));
    expect(flags).toMatchObject({ 'Vieille offre 47': true, 'Offre mensuelle': true, 'Offre annuelle': false, 'Offre à jour 47': false });
  });
});

describe('decisions reach the structure with their reason', () => {
  it('rejecting a structure needs a reason, mailed to its admins', async () => {
    const pending = await upsertStructureBySource(t.db, aStructure({ source_id: 'to-reject', name: 'Structure douteuse', status: 'pending' }), t.now);
    await createUser(t, { email: 'admin@douteuse.fr', memberships: [{ structureId: pending, role: 'admin' }] });
    const noReason = await json(coordinator47.request(`/api/structures/${pending}/reject`, { method: 'POST', json: {} }));
    expect(noReason.status).toBe(400);
    const r = await json(coordinator47.request(`/api/structures/${pending}/reject`, { method: 'POST', json: { reason: 'Aucune action d’insertion décrite.' } }));
    expect(r.body).toMatchObject({ status: 'rejected', rejection_reason: 'Aucune action d’insertion décrite.' });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ to: 'admin@douteuse.fr', subject: expect.stringContaining('n’a pas été validée') });
    expect(mail!.text).toContain('Aucune action d’insertion décrite.');
  });

  it('a decision whose mail cannot be queued is not recorded: the structure stays pending', async () => {
    const pending = await upsertStructureBySource(t.db, aStructure({ source_id: 'mail-fails', name: 'Structure sans courriel', status: 'pending' }), t.now);
    await createUser(t, { email: 'admin@sans-courriel.fr', memberships: [{ structureId: pending, role: 'admin' }] });
    await sql`CREATE TRIGGER outbox_down BEFORE INSERT ON mail_outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END`.execute(t.db);
    try {
      const r = await coordinator47.request(`/api/structures/${pending}/validate`, { method: 'POST' });
      expect(r.status).toBe(500);
    } finally {
      await sql`DROP TRIGGER outbox_down`.execute(t.db);
    }
    expect((await getStructure(t.db, pending))!.status).toBe('pending');
    const retry = await json(coordinator47.request(`/api/structures/${pending}/validate`, { method: 'POST' }));
    expect(retry.body).toMatchObject({ status: 'validated' });
    expect((await outbox()).some((m) => m.to === 'admin@sans-courriel.fr')).toBe(true);
  });

  it('a coordinator unpublishes or suspends an offer with a reason: the admins are told, search drops it', async () => {
    const a = await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'unpublish-me', name: 'Offre en doublon' }), t.now);
    const b = await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'suspend-me', name: 'Offre à suspendre' }), t.now);
    await t.drain();
    const found = async (q: string) => ((await json(requestAnonymous(t.app, `/api/search?dept=47&q=${encodeURIComponent(q)}`))).body.items as Json[]).map((i) => i.id);
    expect(await found('doublon')).toEqual([a]);

    const unpublished = await json(coordinator47.request(`/api/offers/${a}/unpublish`, { method: 'POST', json: { reason: 'Doublon de l’offre du CCAS.' } }));
    expect(unpublished.body).toMatchObject({ status: 'draft' });
    expect((await outbox())[0]).toMatchObject({ to: 'admin@atelier47.fr', subject: expect.stringContaining('Offre en doublon') });
    expect((await outbox())[0]!.text).toContain('Doublon de l’offre du CCAS.');

    const until = new Date(t.now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect((await coordinator47.request(`/api/offers/${b}/suspend`, { method: 'POST', json: { until, reason: 'Locaux fermés après un dégât des eaux.' } })).status).toBe(200);
    expect((await outbox())[0]!.text).toContain('Locaux fermés après un dégât des eaux.');
    // The structure's own suspension does not mail itself.
    const before = (await outbox()).length;
    const c = await upsertOfferBySource(t.db, anOffer(s47, { source_id: 'own-suspend' }), t.now);
    await admin47.request(`/api/offers/${c}/suspend`, { method: 'POST', json: { until } });
    expect((await outbox()).length).toBe(before);

    await t.drain();
    expect(await found('doublon')).toEqual([]);
    expect(await found('suspendre')).toEqual([]);
    const audit = (await json(admin47.request(`/api/offers/${a}/audit`))).body.items as Json[];
    expect(audit[0]).toMatchObject({ action: 'unpublish', action_label: 'Dépublication par la coordination', reason: 'Doublon de l’offre du CCAS.', changes: { status: ['published', 'draft'] } });
  });
});
