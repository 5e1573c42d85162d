/**
 * Offer edits as units of work for the routes: each checks what only the database knows (the
 * structure, the communes), writes the offer and its audit entry in one transaction (the repository
 * adds completeness and the search outbox row), and returns an EditResult. Nothing is written when
 * the result is a failure. Who may call them is the route's business (permissions), not theirs.
 */
import type { Kysely } from 'kysely';
import { unknownZoneCodes } from './zones.ts';
import type { Database } from './schema.ts';
import { recordChange } from './audit.ts';
import { getOffer, upsertOfferBySource } from './offers.ts';
import { getStructure } from './structures.ts';
import { inTransaction } from './transaction.ts';
import { getCommune } from './territories.ts';
import { chunks } from './chunks.ts';
import { newId } from '../domain/ids.ts';
import { AUDIT_DIFF_OPTIONS, auditSnapshot } from '../domain/audit.ts';
import { diffRecords, hasChanges } from '../domain/diff.ts';
import { editFailure, invalidFields, type EditResult } from '../domain/edit-result.ts';
import type { FieldProblem } from '../domain/field-problem.ts';
import { applyOfferPatch, newOfferInput, offerConsistencyProblems, offerInputOf, type OfferCreate, type OfferPatch } from '../domain/offer-input.ts';
import { transitionOffer, type OfferAction } from '../domain/offer-lifecycle.ts';
import { publicationProblems, type StructurePlace } from '../domain/publication.ts';
import type { Offer, OfferInput } from '../domain/offer.ts';

export interface EditContext {
  /** Null for the system or an import. */
  actorUserId: string | null;
  now: Date;
  /**
   * The edit is made by one of the structure's people: an offer its structure just edited is up to
   * date, so the edit also confirms it (confirmed_at), as « rien n'a changé » would. A coordinator's
   * correction says nothing of the rest of the offer and leaves it alone.
   */
  byStructure?: boolean;
}

const NOT_FOUND = editFailure('not_found', 'Introuvable', 'Aucune offre ne porte cet identifiant.');

/**
 * The COG name of `commune_code` and problems for unknown communes and zone codes (the field rules
 * only check the shape of the codes). Only the fields present in `fields` are checked.
 */
async function checkCommunes(
  db: Kysely<Database>,
  fields: { commune_code?: string | null; itinerant_communes?: string[] | null; zone?: string[] | null },
): Promise<{ communeName: string | null; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  let communeName: string | null = null;
  if (fields.commune_code) {
    const row = await getCommune(db, fields.commune_code);
    if (row) communeName = row.name;
    else problems.push({ path: 'commune_code', message: `commune inconnue : ${fields.commune_code}` });
  }
  const itinerant = fields.itinerant_communes ?? [];
  const known = new Set<string>();
  for (const part of chunks(itinerant)) {
    const rows = await db.selectFrom('communes').select('code').where('code', 'in', part).execute();
    for (const r of rows) known.add(r.code);
  }
  itinerant.forEach((code, i) => {
    if (!known.has(code)) problems.push({ path: `itinerant_communes.${i}`, message: `commune inconnue : ${code}` });
  });
  for (const unknown of await unknownZoneCodes(db, fields.zone ?? [])) problems.push({ path: `zone.${unknown.index}`, message: unknown.message });
  return { communeName, problems };
}

/** The place of a structure, which an offer without its own place uses. */
export async function structurePlace(db: Kysely<Database>, structureId: string): Promise<StructurePlace | null> {
  const s = await getStructure(db, structureId);
  return s ? { address: s.address, commune_code: s.commune_code, lon: s.lon, lat: s.lat } : null;
}

/**
 * What a new draft would be, after the checks only the database can make (the structure, the
 * communes). Reads only: the write below and the editing API's dry run share it.
 */
export async function prepareOfferCreate(db: Kysely<Database>, create: OfferCreate, ctx: EditContext): Promise<EditResult<OfferInput>> {
  const structure = await getStructure(db, create.structure_id);
  if (!structure) return invalidFields([{ path: 'structure_id', message: 'structure inconnue' }]);
  if (structure.status === 'archived' || structure.status === 'rejected') {
    return editFailure('conflict', 'Structure inactive', 'On ne peut pas ajouter d’offre à une structure archivée ou refusée.');
  }
  const { communeName, problems } = await checkCommunes(db, create);
  const input = newOfferInput(create, { sourceId: newId(), now: ctx.now, communeName });
  problems.push(...offerConsistencyProblems(input));
  if (problems.length) return invalidFields(problems);
  return { ok: true, value: input };
}

/** A new draft in the given structure. */
export function createOffer(db: Kysely<Database>, create: OfferCreate, ctx: EditContext): Promise<EditResult<Offer>> {
  return inTransaction(db, async (trx) => {
    const prepared = await prepareOfferCreate(trx, create, ctx);
    if (!prepared.ok) return prepared;
    const id = await upsertOfferBySource(trx, prepared.value, ctx.now);
    const offer = (await getOffer(trx, id))!;
    await recordChange(trx, { entity: 'offer', entityId: id, structureId: offer.structure_id, actorUserId: ctx.actorUserId, action: 'create', before: null, after: offer, at: ctx.now });
    return { ok: true, value: offer };
  });
}

/** True when `next` differs from the stored offer by more than the date of the change itself. */
function changesAnything(before: Offer, next: OfferInput): boolean {
  const same = { ...next, updated_on: before.updated_on };
  return hasChanges(diffRecords(auditSnapshot(offerInputOf(before)), auditSnapshot(same), AUDIT_DIFF_OPTIONS.offer));
}

export interface PreparedOfferEdit {
  before: Offer;
  next: OfferInput;
  /** False when the patch changes nothing (nothing is written then). */
  changed: boolean;
}

/**
 * The offer after a PATCH, checked (communes, cross-field rules; a published or suspended offer must
 * stay publishable) without writing: the write below and the editing API's dry run share it.
 */
export async function prepareOfferEdit(db: Kysely<Database>, offerId: string, patch: OfferPatch, ctx: EditContext): Promise<EditResult<PreparedOfferEdit>> {
  const before = await getOffer(db, offerId);
  if (!before) return NOT_FOUND;
  const { communeName, problems } = await checkCommunes(db, patch);
  if (problems.length) return invalidFields(problems);
  const next = applyOfferPatch(offerInputOf(before), patch, { now: ctx.now, communeName });
  const inconsistent = offerConsistencyProblems(next);
  if (inconsistent.length) return invalidFields(inconsistent);
  if (before.status === 'published' || before.status === 'suspended') {
    const missing = publicationProblems(next, { structure: await structurePlace(db, before.structure_id) });
    if (missing.length) {
      return editFailure('incomplete', 'Offre incomplète', 'Une offre publiée doit rester complète : complétez les champs signalés ou archivez-la.', missing);
    }
  }
  return { ok: true, value: { before, next, changed: changesAnything(before, next) } };
}

/** PATCH: merge, check, write. A patch that changes nothing writes nothing and returns the offer as it is. */
export function editOffer(db: Kysely<Database>, offerId: string, patch: OfferPatch, ctx: EditContext): Promise<EditResult<Offer>> {
  return inTransaction(db, async (trx) => {
    const prepared = await prepareOfferEdit(trx, offerId, patch, ctx);
    if (!prepared.ok) return prepared;
    const { before, next, changed } = prepared.value;
    if (!changed) return { ok: true, value: before };
    await upsertOfferBySource(trx, ctx.byStructure ? { ...next, confirmed_at: ctx.now.toISOString() } : next, ctx.now);
    const after = (await getOffer(trx, offerId))!;
    await recordChange(trx, { entity: 'offer', entityId: offerId, structureId: before.structure_id, actorUserId: ctx.actorUserId, action: 'update', before, after, at: ctx.now });
    return { ok: true, value: after };
  });
}

export interface StatusChange {
  action: OfferAction;
  /** suspend: last day of the suspension (YYYY-MM-DD). */
  until?: string | null;
  /** Why, in the structure's words (kept in the audit log). */
  reason?: string | null;
}

/** publish / suspend / archive / confirm. */
export function changeOfferStatus(db: Kysely<Database>, offerId: string, change: StatusChange, ctx: EditContext): Promise<EditResult<Offer>> {
  return inTransaction(db, async (trx) => {
    const before = await getOffer(trx, offerId);
    if (!before) return NOT_FOUND;
    const structure = change.action === 'publish' ? await structurePlace(trx, before.structure_id) : null;
    const result = transitionOffer(before, change.action, { now: ctx.now, until: change.until ?? null, structure });
    if (!result.ok) return result;
    await upsertOfferBySource(trx, { ...offerInputOf(before), ...result.changes }, ctx.now);
    const after = (await getOffer(trx, offerId))!;
    await recordChange(trx, {
      entity: 'offer',
      entityId: offerId,
      structureId: before.structure_id,
      actorUserId: ctx.actorUserId,
      action: change.action,
      before,
      after,
      reason: change.reason ?? null,
      at: ctx.now,
    });
    return { ok: true, value: after };
  });
}

/** A coordinator has looked at the offer in the moderation queue: it leaves "changed since last review". */
export function markOfferReviewed(db: Kysely<Database>, offerId: string, ctx: EditContext): Promise<EditResult<Offer>> {
  return inTransaction(db, async (trx) => {
    const before = await getOffer(trx, offerId);
    if (!before) return NOT_FOUND;
    const stamp = ctx.now.toISOString();
    await trx.updateTable('offers').set({ reviewed_at: stamp }).where('id', '=', offerId).execute();
    const after = { ...before, reviewed_at: stamp };
    await recordChange(trx, { entity: 'offer', entityId: offerId, structureId: before.structure_id, actorUserId: ctx.actorUserId, action: 'review', before, after, at: ctx.now });
    return { ok: true, value: after };
  });
}

/**
 * Offers whose suspension ended (its last day is before `today`) are public again: status published,
 * audited as a system action, re-indexed through the outbox. confirmed_at is left alone: nobody said
 * the content is still accurate. Returns the ids of the offers resumed.
 */
export async function resumeEndedSuspensions(db: Kysely<Database>, today: string, now: Date): Promise<string[]> {
  const due = await db.selectFrom('offers').select('id').where('status', '=', 'suspended').where('suspended_until', '<', today).execute();
  const resumed: string[] = [];
  for (const { id } of due) {
    const done = await inTransaction(db, async (trx) => {
      const before = await getOffer(trx, id);
      if (!before || before.status !== 'suspended' || !before.suspended_until || before.suspended_until >= today) return false;
      await upsertOfferBySource(trx, { ...offerInputOf(before), status: 'published', suspended_until: null }, now);
      const after = (await getOffer(trx, id))!;
      await recordChange(trx, { entity: 'offer', entityId: id, structureId: before.structure_id, actorUserId: null, action: 'resume', before, after, at: now });
      return true;
    });
    if (done) resumed.push(id);
  }
  return resumed;
}
