/**
 * A validated structure moved to another département by its own people (PATCH /api/structures/:id
 * with a commune elsewhere) goes back to pending: audited with a French reason, in the new
 * département's moderation queue, its offers out of search and matching until validated again, and
 * the answer says so. Coordinators of the new département (and service admins) keep it validated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, json, type TestUser } from '../helpers/auth.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';

type Json = Record<string, any>;

let t: TestApp;
let coordinator47: TestUser;
let coordinator40: TestUser;

/** A validated structure of Marmande (47) with one published offer, and its admin. */
async function validatedStructure(key: string): Promise<{ id: string; offerId: string; admin: TestUser; offerName: string }> {
  const id = await upsertStructureBySource(t.db, aStructure({ source_id: key, name: `Atelier ${key}` }), t.now);
  const offerName = `Garage solidaire ${key}`;
  const offerId = await upsertOfferBySource(t.db, anOffer(id, { source_id: `${key}-offer`, name: offerName }), t.now);
  const admin = await createUser(t, { name: `Admin ${key}`, memberships: [{ structureId: id, role: 'admin' }] });
  await t.drain();
  return { id, offerId, admin, offerName };
}

const searchIds = async (q: string) => ((await json(requestAnonymous(t.app, `/api/search?q=${encodeURIComponent(q)}`))).body.items as Json[]).map((i) => i.id);
const matchIds = async () => {
  const r = await json(requestAnonymous(t.app, '/api/match', { method: 'POST', json: { commune: '47157', barriers: ['mobilite'] } }));
  return (r.body.groups as Json[]).flatMap((g) => (g.items as Json[]).map((i) => i.offer.id));
};
const pendingIn = async (coordinator: TestUser, dept: string) =>
  ((await json(coordinator.request(`/api/moderation?dept=${dept}`))).body.pending_structures.items as Json[]).map((s) => s.id);

const MONT_DE_MARSAN = { commune_code: '40192', postal_code: '40000' };

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  coordinator47 = await createUser(t, { name: 'Coordination 47', coordinatorOf: ['47'] });
  coordinator40 = await createUser(t, { name: 'Coordination 40', email: 'coordination@landes.fr', coordinatorOf: ['40'] });
});

afterAll(async () => {
  await t?.close();
});

describe('moving a validated structure to another département', () => {
  it('sends it back to the new département’s coordinators, and its offers leave search until validated', async () => {
    const s = await validatedStructure('moving');
    expect(await searchIds(s.offerName)).toEqual([s.offerId]);
    expect(await matchIds()).toContain(s.offerId);

    // The dry run says it before anything is written.
    const dry = await json(s.admin.request(`/api/structures/${s.id}?dry_run=1`, { method: 'PATCH', json: MONT_DE_MARSAN }));
    expect(dry.body).toMatchObject({ dry_run: true, changed: true, structure: { status: 'pending' }, notice: expect.stringContaining('attend de nouveau la validation') });

    const moved = await json(s.admin.request(`/api/structures/${s.id}`, { method: 'PATCH', json: MONT_DE_MARSAN }));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'pending', validated_at: null, departement_code: '40', commune_name: 'Mont-de-Marsan' });
    expect(moved.body.notice).toBe(
      'La structure a changé de département : elle attend de nouveau la validation de la coordination de ce département. Ses offres ne sont plus visibles dans la recherche d’ici là.',
    );

    const audit = (await json(s.admin.request(`/api/structures/${s.id}/audit`))).body.items as Json[];
    expect(audit[0]).toMatchObject({
      action: 'back-to-pending',
      action_label: 'Retour en attente de validation',
      actor: { name: 'Admin moving' },
      reason: 'La structure a changé de département (47 → 40) : la coordination de son nouveau département doit la valider.',
      changes: { status: ['validated', 'pending'] },
    });
    expect(audit[1]).toMatchObject({ action: 'update', changes: { commune_code: ['47157', '40192'] } });

    expect(await pendingIn(coordinator40, '40')).toContain(s.id);
    expect(await pendingIn(coordinator47, '47')).not.toContain(s.id);
    const mails = ((await (await t.app.request('/api/dev/outbox')).json()) as Json).items as Json[];
    expect(mails[0]).toMatchObject({ to: 'coordination@landes.fr', subject: expect.stringContaining('Structure arrivée dans votre département à valider : Atelier moving') });
    expect(mails[0]!.text).toContain('Admin moving a déplacé la structure « Atelier moving » dans votre département, à Mont-de-Marsan (elle était dans le 47)');

    await t.drain();
    expect(await searchIds(s.offerName)).toEqual([]);
    expect(await matchIds()).not.toContain(s.offerId);
    expect((await requestAnonymous(t.app, `/api/offers/${s.offerId}`)).status).toBe(404);

    // The Landes' coordinators validate it: its offers are back.
    expect((await json(coordinator40.request(`/api/structures/${s.id}/validate`, { method: 'POST' }))).body.status).toBe('validated');
    await t.drain();
    expect(await searchIds(s.offerName)).toEqual([s.offerId]);
  });

  it('keeps it validated when the editor coordinates the new département, or is a service admin; other edits never touch it', async () => {
    const both = await createUser(t, { coordinatorOf: ['47', '40'] });
    const a = await validatedStructure('by-coordinator');
    const byCoordinator = await json(both.request(`/api/structures/${a.id}`, { method: 'PATCH', json: MONT_DE_MARSAN }));
    expect(byCoordinator.body).toMatchObject({ status: 'validated', departement_code: '40' });
    expect(byCoordinator.body).not.toHaveProperty('notice');

    const b = await validatedStructure('by-admin');
    const root = await createUser(t, { admin: true });
    expect((await json(root.request(`/api/structures/${b.id}`, { method: 'PATCH', json: MONT_DE_MARSAN }))).body.status).toBe('validated');

    // The coordinator of the old département only: it still needs the new one's validation.
    const c = await validatedStructure('by-old-coordinator');
    expect((await json(coordinator47.request(`/api/structures/${c.id}`, { method: 'PATCH', json: MONT_DE_MARSAN }))).body.status).toBe('pending');

    // Another commune of the same département, or another field: still validated, no notice.
    const d = await validatedStructure('same-departement');
    const tonneins = await json(d.admin.request(`/api/structures/${d.id}`, { method: 'PATCH', json: { commune_code: '47310', postal_code: '47400', website: 'https://atelier.example' } }));
    expect(tonneins.body).toMatchObject({ status: 'validated', departement_code: '47' });
    expect(tonneins.body).not.toHaveProperty('notice');
    await t.drain();
    expect(await searchIds(d.offerName)).toEqual([d.offerId]);
  });
});
