/**
 * The audit log on a real SQLite file: every change of an offer or a structure, who made it, the
 * field-level before/after, written in the same transaction as the change, readable per offer and
 * per structure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, auditOfStructure, recordChange } from '../../api/db/audit.ts';
import { getOffer, upsertOfferBySource } from '../../api/db/offers.ts';
import { getStructure, upsertStructureBySource } from '../../api/db/structures.ts';
import { applyOfferPatch, newOfferInput, offerInputOf, parseOfferCreate, parseOfferPatch } from '../../api/domain/offer-input.ts';
import { transitionOffer } from '../../api/domain/offer-lifecycle.ts';
import { newStructureInput, parseStructureCreate } from '../../api/domain/structure-input.ts';
import type { InputResult } from '../../api/domain/field-problem.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

function ok<T>(r: InputResult<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const T0 = new Date('2026-06-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ALICE = 'user-alice';
const COORDINATOR = 'user-coordinator';

let t: TestDb;
let structureId: string;
let otherStructureId: string;
let offerId: string;

/** An edit as the future PATCH route will do it: read, merge, write and log in one transaction. */
async function patchOffer(body: unknown, actor: string, now: Date) {
  return t.db.transaction().execute(async (trx) => {
    const before = (await getOffer(trx, offerId))!;
    const next = applyOfferPatch(offerInputOf(before), ok(parseOfferPatch(body)), { now, communeName: before.commune_name });
    await upsertOfferBySource(trx, next, now);
    const after = (await getOffer(trx, offerId))!;
    return recordChange(trx, { entity: 'offer', entityId: offerId, structureId, actorUserId: actor, action: 'update', before, after, at: now });
  });
}

beforeAll(async () => {
  t = await createTestDb();
  const create = (name: string, id: string) =>
    newStructureInput(ok(parseStructureCreate({ name, siret: null, commune_code: '47157', address: '14 rue Léopold Faye' })), { sourceId: id, now: T0, communeName: 'Marmande' });
  await t.db.transaction().execute(async (trx) => {
    structureId = await upsertStructureBySource(trx, create('Tremplin Val de Garonne', 'tremplin'), T0);
    const after = await getStructure(trx, structureId);
    await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ALICE, action: 'create', before: null, after: after!, at: T0 });
  });
  otherStructureId = await upsertStructureBySource(t.db, create('Auto-école sociale de Marmande', 'auto-ecole'), T0);
  await recordChange(t.db, { entity: 'structure', entityId: otherStructureId, structureId: otherStructureId, actorUserId: null, action: 'import', before: null, after: { name: 'Auto-école sociale de Marmande' }, at: T0 });

  await t.db.transaction().execute(async (trx) => {
    const body = {
      structure_id: structureId,
      name: 'Atelier réparation de vélos',
      description: 'Un atelier hebdomadaire pour apprendre à entretenir son vélo.',
      thematiques: ['mobilite--entretenir-reparer-son-vehicule'],
      phone: '0553123456',
      sessions: [{ starts_on: '2026-09-02', capacity: 8 }],
    };
    offerId = await upsertOfferBySource(trx, newOfferInput(ok(parseOfferCreate(body)), { sourceId: 'atelier-velos', now: at(1), communeName: null }), at(1));
    const after = await getOffer(trx, offerId);
    await recordChange(trx, { entity: 'offer', entityId: offerId, structureId, actorUserId: ALICE, action: 'create', before: null, after: after!, at: at(1) });
  });
});

afterAll(async () => {
  await t?.close();
});

describe('audit log', () => {
  it('records a creation with every filled field coming from nothing, and who did it', async () => {
    const [created] = await auditOf(t.db, 'offer', offerId);
    expect(created).toMatchObject({ entity: 'offer', entity_id: offerId, structure_id: structureId, actor_user_id: ALICE, action: 'create', reason: null, at: at(1).toISOString() });
    expect(created!.changes).toMatchObject({
      name: [null, 'Atelier réparation de vélos'],
      phone: [null, '05 53 12 34 56'],
      status: [null, 'draft'],
      sessions: [null, [{ label: null, starts_on: '2026-09-02', ends_on: null, capacity: 8, places_available: null }]],
    });
    // Maintained columns are not someone's change.
    expect(Object.keys(created!.changes)).not.toContain('created_at');
    expect(Object.keys(created!.changes)).not.toContain('completeness');
  });

  it('records an edit as the fields that changed, before and after', async () => {
    const entry = await patchOffer({ phone: '05 53 98 76 54', age_min: 18 }, ALICE, at(2));
    expect(entry?.changes).toEqual({ phone: ['05 53 12 34 56', '05 53 98 76 54'], age_min: [null, 18] });
    const [latest] = await auditOf(t.db, 'offer', offerId);
    expect(latest).toMatchObject({ action: 'update', changes: { phone: ['05 53 12 34 56', '05 53 98 76 54'], age_min: [null, 18] } });
  });

  it('writes nothing for an edit that changes nothing (sessions rewritten with new ids included)', async () => {
    const count = (await auditOf(t.db, 'offer', offerId)).length;
    // Same day as the last edit, so updated_on does not move either.
    expect(await patchOffer({ phone: '05.53.98.76.54', sessions: [{ starts_on: '2026-09-02', capacity: 8 }] }, ALICE, at(3))).toBeNull();
    expect(await auditOf(t.db, 'offer', offerId)).toHaveLength(count);
  });

  it('records status changes with their changes and reason', async () => {
    const publish = async (now: Date) =>
      t.db.transaction().execute(async (trx) => {
        const before = (await getOffer(trx, offerId))!;
        const result = transitionOffer(before, 'publish', { now, structure: { address: '14 rue Léopold Faye', commune_code: '47157', lon: null, lat: null } });
        if (!result.ok) throw new Error(result.detail);
        await upsertOfferBySource(trx, { ...offerInputOf(before), ...result.changes }, now);
        const after = (await getOffer(trx, offerId))!;
        return recordChange(trx, { entity: 'offer', entityId: offerId, structureId, actorUserId: ALICE, action: 'publish', before, after, at: now });
      });
    const entry = await publish(at(4));
    expect(entry?.changes).toMatchObject({ status: ['draft', 'published'], confirmed_at: [null, at(4).toISOString()] });

    await recordChange(t.db, {
      entity: 'structure',
      entityId: structureId,
      structureId,
      actorUserId: COORDINATOR,
      action: 'reject',
      before: { status: 'pending', rejection_reason: null },
      after: { status: 'rejected', rejection_reason: 'Doublon de la structure déjà inscrite' },
      reason: 'Doublon de la structure déjà inscrite',
      at: at(5),
    });
    const [rejected] = await auditOf(t.db, 'structure', structureId);
    expect(rejected).toMatchObject({ action: 'reject', actor_user_id: COORDINATOR, reason: 'Doublon de la structure déjà inscrite', changes: { status: ['pending', 'rejected'] } });
  });

  it('records an action even when no field changes (a coordinator’s review)', async () => {
    const same = (await getOffer(t.db, offerId))!;
    const entry = await recordChange(t.db, { entity: 'offer', entityId: offerId, structureId, actorUserId: COORDINATOR, action: 'review', before: same, after: same, at: at(6) });
    expect(entry).toMatchObject({ action: 'review', changes: {} });
  });

  it('reads a structure’s history with its offers’, newest first, and nothing of other structures', async () => {
    const history = await auditOfStructure(t.db, structureId);
    expect(history.map((e) => [e.entity, e.action])).toEqual([
      ['offer', 'review'],
      ['structure', 'reject'],
      ['offer', 'publish'],
      ['offer', 'update'],
      ['offer', 'create'],
      ['structure', 'create'],
    ]);
    expect(history.every((e) => e.structure_id === structureId)).toBe(true);
    expect(await auditOfStructure(t.db, structureId, { limit: 2, offset: 1 })).toHaveLength(2);
    expect((await auditOfStructure(t.db, otherStructureId)).map((e) => [e.action, e.actor_user_id])).toEqual([['import', null]]);
  });

  it('keeps nothing of a change whose transaction failed', async () => {
    const before = (await auditOf(t.db, 'offer', offerId)).length;
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordChange(trx, { entity: 'offer', entityId: offerId, structureId, actorUserId: ALICE, action: 'archive', before: { status: 'published' }, after: { status: 'archived' }, at: at(7) });
        throw new Error('the write after the log failed');
      }),
    ).rejects.toThrow('the write after the log failed');
    expect(await auditOf(t.db, 'offer', offerId)).toHaveLength(before);
  });
});
