/**
 * The editing units of work on a real SQLite file with the COG: a structure registered, validated or
 * rejected; an offer created, edited, published, suspended, confirmed and reviewed — each step in the
 * audit log and the search outbox — and every refusal leaving the database exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, auditOfStructure } from '../../api/db/audit.ts';
import { changeOfferStatus, createOffer, editOffer, markOfferReviewed } from '../../api/db/offer-editing.ts';
import { createStructure, editStructure, findStructureBySiret, moderateStructure } from '../../api/db/structure-editing.ts';
import type { EditResult } from '../../api/domain/edit-result.ts';
import type { InputResult } from '../../api/domain/field-problem.ts';
import { parseOfferCreate, parseOfferPatch } from '../../api/domain/offer-input.ts';
import { parseStructureCreate, parseStructurePatch } from '../../api/domain/structure-input.ts';
import { HttpProblem } from '../../api/http/problem.ts';
import { editedOrProblem, externalServiceProblem, inputOr400 } from '../../api/http/edit-result.ts';
import { ExternalServiceError } from '../../api/clients/http.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

function ok<T>(r: InputResult<T> | EditResult<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const T0 = new Date('2026-06-01T08:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const ALICE = { actorUserId: 'user-alice' };
const COORDINATOR = { actorUserId: 'user-coordinator' };

let t: TestDb;
let structureId: string;

/** Row counts of everything an edit may write. */
async function snapshot() {
  const count = async (table: 'structures' | 'offers' | 'offer_sessions' | 'audit_log' | 'search_outbox') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const offers = await t.db.selectFrom('offers').selectAll().orderBy('id').execute();
  const structures = await t.db.selectFrom('structures').selectAll().orderBy('id').execute();
  return {
    counts: { structures: await count('structures'), offers: await count('offers'), sessions: await count('offer_sessions'), audit: await count('audit_log'), outbox: await count('search_outbox') },
    offers,
    structures,
  };
}

beforeAll(async () => {
  t = await createTestDb({ territories: true });
});

afterAll(async () => {
  await t?.close();
});

describe('registering and moderating a structure', () => {
  it('registers a structure as pending, with the commune name from the COG', async () => {
    const create = ok(parseStructureCreate({ name: 'Tremplin Val de Garonne', siret: '41762893000022', commune_code: '47157', address: '14 rue Léopold Faye', postal_code: '47200', phone: '0553123456' }));
    const structure = ok(await createStructure(t.db, create, { ...ALICE, now: T0 }));
    structureId = structure.id;
    expect(structure).toMatchObject({ status: 'pending', commune_name: 'Marmande', departement_code: '47', phone: '05 53 12 34 56', source: 'offre-insertion' });
    expect((await findStructureBySiret(t.db, '41762893000022'))?.id).toBe(structureId);
    expect((await auditOf(t.db, 'structure', structureId)).map((e) => [e.action, e.actor_user_id])).toEqual([['create', 'user-alice']]);
  });

  it('refuses a second structure with the same SIRET, or an unknown commune, writing nothing', async () => {
    const before = await snapshot();
    const twice = await createStructure(t.db, ok(parseStructureCreate({ name: 'Tremplin bis', siret: '41762893000022' })), { ...ALICE, now: T0 });
    expect(twice).toMatchObject({ ok: false, kind: 'conflict', errors: [{ path: 'siret', message: 'une structure est déjà inscrite avec ce SIRET (« Tremplin Val de Garonne ») : demandez à la rejoindre' }] });
    const nowhere = await createStructure(t.db, ok(parseStructureCreate({ name: 'Nulle part', commune_code: '47999' })), { ...ALICE, now: T0 });
    expect(nowhere).toMatchObject({ ok: false, kind: 'invalid', errors: [{ path: 'commune_code', message: 'commune inconnue : 47999' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('lets a coordinator reject with a reason, then validate', async () => {
    expect(await moderateStructure(t.db, structureId, { decision: 'reject', reason: 'ok' }, { ...COORDINATOR, now: at(1) })).toMatchObject({
      ok: false,
      kind: 'invalid',
      errors: [{ path: 'reason' }],
    });
    const rejected = ok(await moderateStructure(t.db, structureId, { decision: 'reject', reason: 'Merci de préciser votre activité d’insertion.' }, { ...COORDINATOR, now: at(1) }));
    expect(rejected).toMatchObject({ status: 'rejected', rejection_reason: 'Merci de préciser votre activité d’insertion.', validated_at: null });
    const validated = ok(await moderateStructure(t.db, structureId, { decision: 'validate' }, { ...COORDINATOR, now: at(2) }));
    expect(validated).toMatchObject({ status: 'validated', rejection_reason: null, validated_at: at(2).toISOString() });
    expect(await moderateStructure(t.db, structureId, { decision: 'validate' }, { ...COORDINATOR, now: at(2) })).toMatchObject({ ok: false, kind: 'conflict' });
    const [last, previous] = await auditOf(t.db, 'structure', structureId);
    expect(last).toMatchObject({ action: 'validate', actor_user_id: 'user-coordinator', changes: { status: ['rejected', 'validated'] } });
    expect(previous).toMatchObject({ action: 'reject', reason: 'Merci de préciser votre activité d’insertion.' });
  });

  it('edits a structure and logs only what changed', async () => {
    const edited = ok(await editStructure(t.db, structureId, ok(parseStructurePatch({ website: 'https://tremplin-vdg.example', commune_code: '47310' })), { ...ALICE, now: at(3), mayValidateIn: () => false }));
    expect(edited).toMatchObject({ website: 'https://tremplin-vdg.example', commune_name: 'Tonneins', status: 'validated' });
    const [entry] = await auditOf(t.db, 'structure', structureId);
    expect(entry!.changes).toEqual({
      website: [null, 'https://tremplin-vdg.example'],
      commune_code: ['47157', '47310'],
      commune_name: ['Marmande', 'Tonneins'],
      updated_on: ['2026-06-01', '2026-06-04'],
    });
    const before = await snapshot();
    expect(ok(await editStructure(t.db, structureId, ok(parseStructurePatch({ website: 'https://tremplin-vdg.example' })), { ...ALICE, now: at(4), mayValidateIn: () => false })).updated_on).toBe('2026-06-04');
    expect(await snapshot()).toEqual(before);
  });
});

describe('an offer from draft to confirmation', () => {
  let offerId: string;

  it('creates a draft, enqueues it for search and logs it', async () => {
    const outboxBefore = (await snapshot()).counts.outbox;
    const body = { structure_id: structureId, name: 'Atelier réparation de vélos', commune_code: '47157', itinerant_communes: ['47310'], sessions: [{ starts_on: '2026-09-02', capacity: 8 }] };
    const offer = ok(await createOffer(t.db, ok(parseOfferCreate(body)), { ...ALICE, now: at(5) }));
    offerId = offer.id;
    expect(offer).toMatchObject({ status: 'draft', commune_name: 'Marmande', departement_code: '47', updated_on: '2026-06-06', sessions: [{ starts_on: '2026-09-02', capacity: 8 }] });
    expect((await snapshot()).counts.outbox).toBeGreaterThan(outboxBefore);
    expect((await auditOf(t.db, 'offer', offerId))[0]).toMatchObject({ action: 'create', structure_id: structureId });
  });

  it('refuses unknown structure or communes and inconsistent ages, writing nothing', async () => {
    const before = await snapshot();
    expect(await createOffer(t.db, ok(parseOfferCreate({ structure_id: 'nope', name: 'Atelier' })), { ...ALICE, now: at(5) })).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'structure_id', message: 'structure inconnue' }],
    });
    const r = await createOffer(t.db, ok(parseOfferCreate({ structure_id: structureId, name: 'Atelier', commune_code: '47999', itinerant_communes: ['47310', '47998'], age_min: 30, age_max: 25 })), { ...ALICE, now: at(5) });
    expect(r).toMatchObject({ ok: false, kind: 'invalid' });
    if (!r.ok) {
      expect(r.errors).toEqual([
        { path: 'commune_code', message: 'commune inconnue : 47999' },
        { path: 'itinerant_communes.1', message: 'commune inconnue : 47998' },
        { path: 'age_max', message: 'L’âge maximum (25 ans) est inférieur à l’âge minimum (30 ans)' },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to publish an incomplete draft, then publishes it once completed', async () => {
    const before = await snapshot();
    const refused = await changeOfferStatus(t.db, offerId, { action: 'publish' }, { ...ALICE, now: at(6) });
    expect(refused).toMatchObject({ ok: false, kind: 'incomplete', title: 'Offre incomplète' });
    expect(await snapshot()).toEqual(before);

    const patch = ok(parseOfferPatch({ description: 'Un atelier hebdomadaire pour apprendre à entretenir son vélo.', thematiques: ['mobilite--entretenir-reparer-son-vehicule'] }));
    ok(await editOffer(t.db, offerId, patch, { ...ALICE, now: at(6) }));
    const published = ok(await changeOfferStatus(t.db, offerId, { action: 'publish' }, { ...ALICE, now: at(6) }));
    expect(published).toMatchObject({ status: 'published', confirmed_at: at(6).toISOString() });
  });

  it('keeps a published offer complete', async () => {
    const before = await snapshot();
    const r = await editOffer(t.db, offerId, ok(parseOfferPatch({ thematiques: [] })), { ...ALICE, now: at(7) });
    expect(r).toMatchObject({ ok: false, kind: 'incomplete', errors: [{ path: 'thematiques' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('suspends with an end date, publishes again, confirms, and a coordinator reviews', async () => {
    expect(await changeOfferStatus(t.db, offerId, { action: 'suspend', until: '2026-06-01' }, { ...ALICE, now: at(8) })).toMatchObject({ kind: 'incomplete', errors: [{ path: 'until' }] });
    const suspended = ok(await changeOfferStatus(t.db, offerId, { action: 'suspend', until: '2026-08-31', reason: 'Fermeture estivale' }, { ...ALICE, now: at(8) }));
    expect(suspended).toMatchObject({ status: 'suspended', suspended_until: '2026-08-31' });
    ok(await changeOfferStatus(t.db, offerId, { action: 'publish' }, { ...ALICE, now: at(9) }));
    const confirmed = ok(await changeOfferStatus(t.db, offerId, { action: 'confirm' }, { ...ALICE, now: at(40) }));
    expect(confirmed).toMatchObject({ status: 'published', confirmed_at: at(40).toISOString(), updated_on: '2026-07-11' });
    expect(ok(await markOfferReviewed(t.db, offerId, { ...COORDINATOR, now: at(41) })).reviewed_at).toBe(at(41).toISOString());

    const history = await auditOf(t.db, 'offer', offerId);
    expect(history.map((e) => e.action)).toEqual(['review', 'confirm', 'publish', 'suspend', 'publish', 'update', 'create']);
    expect(history.find((e) => e.action === 'suspend')).toMatchObject({ reason: 'Fermeture estivale', changes: { status: ['published', 'suspended'], suspended_until: [null, '2026-08-31'] } });
    expect(history.find((e) => e.action === 'confirm')!.changes).toEqual({
      confirmed_at: [at(9).toISOString(), at(40).toISOString()],
      updated_on: ['2026-06-10', '2026-07-11'],
    });
    // The structure's history holds its own entries and its offer's.
    const all = await auditOfStructure(t.db, structureId);
    expect(all.filter((e) => e.entity === 'structure').map((e) => e.action)).toEqual(['update', 'validate', 'reject', 'create']);
    expect(all.filter((e) => e.entity === 'offer')).toHaveLength(history.length);
  });

  it('answers not found for an unknown offer', async () => {
    expect(await editOffer(t.db, 'nope', {}, { ...ALICE, now: at(42) })).toMatchObject({ ok: false, kind: 'not_found' });
    expect(await changeOfferStatus(t.db, 'nope', { action: 'archive' }, { ...ALICE, now: at(42) })).toMatchObject({ ok: false, kind: 'not_found' });
  });
});

describe('HTTP mapping of the results', () => {
  function problemOf(fn: () => unknown): HttpProblem {
    try {
      fn();
    } catch (e) {
      if (e instanceof HttpProblem) return e;
      throw e;
    }
    throw new Error('no problem thrown');
  }

  it('maps invalid bodies to 400 with the field errors', () => {
    const p = problemOf(() => inputOr400(parseOfferCreate({ name: 'A' })));
    expect(p).toMatchObject({ status: 400, title: 'Données invalides' });
    expect(p.errors).toEqual([
      { path: 'structure_id', message: 'champ obligatoire' },
      { path: 'name', message: 'au moins 3 caractères' },
    ]);
  });

  it('maps each kind of refusal to its status', () => {
    const failure = (kind: 'not_found' | 'invalid' | 'conflict' | 'incomplete') => problemOf(() => editedOrProblem({ ok: false, kind, title: 'T', detail: 'D', errors: [] })).status;
    expect([failure('not_found'), failure('invalid'), failure('conflict'), failure('incomplete')]).toEqual([404, 400, 409, 422]);
    expect(editedOrProblem({ ok: true, value: 42 })).toBe(42);
  });

  it('maps a failed public API to 502/503/504 with its French message', () => {
    const p = externalServiceProblem(new ExternalServiceError('Impossible d’obtenir …', 'recherche-entreprises.api.gouv.fr', 'timeout'));
    expect(p).toMatchObject({ status: 504, title: 'Service externe indisponible', detail: 'Impossible d’obtenir …' });
    expect(externalServiceProblem(new ExternalServiceError('x', 's', 'unreachable')).status).toBe(503);
    expect(externalServiceProblem(new ExternalServiceError('x', 's', 'http', 500)).status).toBe(502);
  });
});
