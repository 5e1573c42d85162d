/**
 * Structure edits as units of work (see offer-editing.ts for the conventions): registration (pending
 * until a coordinator validates it), edits, and the coordinators' decision. Each writes the structure
 * and its audit entry in one transaction; the repository enqueues the structure's offers for search.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { recordChange } from './audit.ts';
import { enqueueOffersOfStructure } from './search-outbox.ts';
import { getStructure, structureFromRow, upsertStructureBySource } from './structures.ts';
import { grantMembership } from './roles.ts';
import { recordMemberChange } from './membership-audit.ts';
import { offersOfStructures } from './offers.ts';
import { changeOfferStatus } from './offer-editing.ts';
import { inTransaction } from './transaction.ts';
import { getCommune } from './territories.ts';
import type { EditContext } from './offer-editing.ts';
import { chunks } from './chunks.ts';
import { frenchToday } from '../domain/di/schema.ts';
import { departementOfCommune } from '../domain/territory.ts';
import type { Offer } from '../domain/offer.ts';
import { newId } from '../domain/ids.ts';
import { AUDIT_DIFF_OPTIONS, auditSnapshot } from '../domain/audit.ts';
import { diffRecords, hasChanges } from '../domain/diff.ts';
import { editFailure, invalidFields, type EditResult } from '../domain/edit-result.ts';
import type { FieldProblem } from '../domain/field-problem.ts';
import {
  applyStructurePatch,
  newStructureInput,
  structureConsistencyProblems,
  structureInputOf,
  type StructureCreate,
  type StructurePatch,
} from '../domain/structure-input.ts';
import type { Structure, StructureInput } from '../domain/structure.ts';

const NOT_FOUND = editFailure('not_found', 'Introuvable', 'Aucune structure ne porte cet identifiant.');

/** The structure registered with this SIRET, if any (onboarding: claim or join it instead of creating). */
export async function findStructureBySiret(db: Kysely<Database>, siret: string): Promise<Structure | undefined> {
  const row = await db.selectFrom('structures').selectAll().where('siret', '=', siret).where('status', '!=', 'archived').orderBy('created_at').executeTakeFirst();
  return row && structureFromRow(row);
}

export interface RegisteredStructure {
  id: string;
  name: string;
  status: Structure['status'];
  has_members: boolean;
}

/**
 * findStructureBySiret for a page of search results at once: by SIRET, the structure registered with
 * it (the first one when several were) and whether anyone belongs to it yet.
 */
export async function registeredBySiret(db: Kysely<Database>, sirets: readonly string[]): Promise<Map<string, RegisteredStructure>> {
  const unique = [...new Set(sirets)];
  const found = new Map<string, RegisteredStructure>();
  for (const part of chunks(unique)) {
    const rows = await db
      .selectFrom('structures')
      .select((eb) => [
        'id',
        'name',
        'status',
        'siret',
        eb.exists(eb.selectFrom('memberships').select('memberships.user_id').whereRef('memberships.structure_id', '=', 'structures.id')).as('has_members'),
      ])
      .where('siret', 'in', part)
      .where('status', '!=', 'archived')
      .orderBy('created_at')
      .execute();
    for (const r of rows) {
      if (r.siret && !found.has(r.siret)) found.set(r.siret, { id: r.id, name: r.name, status: r.status as Structure['status'], has_members: Boolean(r.has_members) });
    }
  }
  return found;
}

async function communeName(db: Kysely<Database>, code: string | null | undefined): Promise<{ name: string | null; problems: FieldProblem[] }> {
  if (!code) return { name: null, problems: [] };
  const row = await getCommune(db, code);
  return row ? { name: row.name, problems: [] } : { name: null, problems: [{ path: 'commune_code', message: `commune inconnue : ${code}` }] };
}

async function siretTaken(db: Kysely<Database>, siret: string | null | undefined, except?: string): Promise<FieldProblem[]> {
  if (!siret) return [];
  const existing = await findStructureBySiret(db, siret);
  if (!existing || existing.id === except) return [];
  return [{ path: 'siret', message: `une structure est déjà inscrite avec ce SIRET (« ${existing.name} ») : demandez à la rejoindre` }];
}

/**
 * What a new structure would be, after the checks only the database can make (its commune, a SIRET
 * already registered). Reads only: the write below and the editing API's dry run share it.
 */
export async function prepareStructureCreate(db: Kysely<Database>, create: StructureCreate, ctx: EditContext): Promise<EditResult<StructureInput>> {
  const commune = await communeName(db, create.commune_code);
  const taken = await siretTaken(db, create.siret);
  const input = newStructureInput(create, { sourceId: newId(), now: ctx.now, communeName: commune.name });
  const problems = [...commune.problems, ...structureConsistencyProblems(input)];
  if (problems.length) return invalidFields(problems);
  if (taken.length) return editFailure('conflict', 'Structure déjà inscrite', 'Cette structure existe déjà : demandez à la rejoindre plutôt que de la recréer.', taken);
  return { ok: true, value: input };
}

/** Registers a structure; it waits for a coordinator of its département ("pending"). */
export function createStructure(db: Kysely<Database>, create: StructureCreate, ctx: EditContext): Promise<EditResult<Structure>> {
  return inTransaction(db, async (trx) => {
    const prepared = await prepareStructureCreate(trx, create, ctx);
    if (!prepared.ok) return prepared;
    const id = await upsertStructureBySource(trx, prepared.value, ctx.now);
    const structure = (await getStructure(trx, id))!;
    await recordChange(trx, { entity: 'structure', entityId: id, structureId: id, actorUserId: ctx.actorUserId, action: 'create', before: null, after: structure, at: ctx.now });
    return { ok: true, value: structure };
  });
}

/** Onboarding: registers the structure (pending) and makes the person who did it its admin, together. */
export function registerStructure(db: Kysely<Database>, create: StructureCreate, ctx: EditContext & { actorUserId: string }): Promise<EditResult<Structure>> {
  return inTransaction(db, async (trx) => {
    const created = await createStructure(trx, create, ctx);
    if (created.ok) {
      await grantMembership(trx, ctx.actorUserId, created.value.id, 'admin', ctx.now);
      await recordMemberChange(trx, { structureId: created.value.id, userId: ctx.actorUserId, action: 'member_added', role: [null, 'admin'] }, ctx);
    }
    return created;
  });
}

export interface PreparedStructureEdit {
  before: Structure;
  next: StructureInput;
  /** False when the patch changes nothing (nothing is written then). */
  changed: boolean;
}

/** The structure after a PATCH, checked without writing (shared by the write and the dry run). */
export async function prepareStructureEdit(db: Kysely<Database>, structureId: string, patch: StructurePatch, ctx: EditContext): Promise<EditResult<PreparedStructureEdit>> {
  const before = await getStructure(db, structureId);
  if (!before) return NOT_FOUND;
  const commune = patch.commune_code !== undefined ? await communeName(db, patch.commune_code) : { name: before.commune_name, problems: [] };
  const next = applyStructurePatch(structureInputOf(before), patch, { now: ctx.now, communeName: commune.name });
  const problems = [...commune.problems, ...structureConsistencyProblems(next)];
  if (problems.length) return invalidFields(problems);
  if (patch.siret) {
    const taken = await siretTaken(db, patch.siret, structureId);
    if (taken.length) return editFailure('conflict', 'SIRET déjà utilisé', 'Ce SIRET est celui d’une autre structure inscrite.', taken);
  }
  const same = { ...next, updated_on: before.updated_on };
  const changed = hasChanges(diffRecords(auditSnapshot(structureInputOf(before)), auditSnapshot(same), AUDIT_DIFF_OPTIONS.structure));
  return { ok: true, value: { before, next, changed } };
}

/** Whoever edits may validate structures of this département (its coordinators, admins). */
export type MayValidateIn = (departement: string | null) => boolean;

/**
 * True when an edit takes a validated structure out of its département towards one whose
 * coordinators have not validated it: it must wait for them again.
 */
export function needsRevalidation(before: Pick<Structure, 'status' | 'departement_code'>, next: Pick<StructureInput, 'commune_code'>, mayValidateIn: MayValidateIn): boolean {
  const departement = next.commune_code ? departementOfCommune(next.commune_code) : null;
  return before.status === 'validated' && departement !== before.departement_code && !mayValidateIn(departement);
}

/**
 * PATCH a structure; a patch that changes nothing writes nothing. A validated structure moved to a
 * département its editor does not coordinate goes back to pending (its offers leave search until the
 * new département's coordinators validate it), with its own audit entry.
 */
export function editStructure(db: Kysely<Database>, structureId: string, patch: StructurePatch, ctx: EditContext & { mayValidateIn: MayValidateIn }): Promise<EditResult<Structure>> {
  return inTransaction(db, async (trx) => {
    const prepared = await prepareStructureEdit(trx, structureId, patch, ctx);
    if (!prepared.ok) return prepared;
    const { before, next, changed } = prepared.value;
    if (!changed) return { ok: true, value: before };
    // Writing the structure enqueues its offers for search: their documents are built from the final state.
    await upsertStructureBySource(trx, next, ctx.now);
    const after = (await getStructure(trx, structureId))!;
    await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ctx.actorUserId, action: 'update', before, after, at: ctx.now });
    if (!needsRevalidation(before, next, ctx.mayValidateIn)) return { ok: true, value: after };
    await trx.updateTable('structures').set({ status: 'pending', validated_at: null, updated_at: ctx.now.toISOString() }).where('id', '=', structureId).execute();
    const pending = (await getStructure(trx, structureId))!;
    const reason = `La structure a changé de département (${before.departement_code ?? 'aucun'} → ${pending.departement_code ?? 'aucun'}) : la coordination de son nouveau département doit la valider.`;
    await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ctx.actorUserId, action: 'back-to-pending', before: after, after: pending, reason, at: ctx.now });
    return { ok: true, value: pending };
  });
}

export type ModerationDecision = { decision: 'validate' } | { decision: 'reject'; reason: string };

/**
 * A coordinator's decision on a structure. Validate: a pending or rejected structure becomes public.
 * Reject: a pending or validated one is hidden, with a reason its members will read.
 */
export function moderateStructure(db: Kysely<Database>, structureId: string, decision: ModerationDecision, ctx: EditContext): Promise<EditResult<Structure>> {
  return inTransaction(db, async (trx) => {
    const before = await getStructure(trx, structureId);
    if (!before) return NOT_FOUND;
    const stamp = ctx.now.toISOString();
    let set: { status: Structure['status']; validated_at: string | null; rejection_reason: string | null };
    let reason: string | null = null;
    if (decision.decision === 'validate') {
      if (before.status !== 'pending' && before.status !== 'rejected') {
        return editFailure('conflict', 'Action impossible', `Cette structure est ${STATUS_LABELS[before.status]} : seule une structure en attente ou refusée peut être validée.`);
      }
      set = { status: 'validated', validated_at: stamp, rejection_reason: null };
    } else {
      reason = decision.reason.trim();
      if (reason.length < 5) return invalidFields([{ path: 'reason', message: 'expliquez le refus en quelques mots (au moins 5 caractères) : la structure le lira' }]);
      if (before.status !== 'pending' && before.status !== 'validated') {
        return editFailure('conflict', 'Action impossible', `Cette structure est ${STATUS_LABELS[before.status]} : seule une structure en attente ou validée peut être refusée.`);
      }
      set = { status: 'rejected', validated_at: null, rejection_reason: reason };
    }
    await trx.updateTable('structures').set({ ...set, updated_at: stamp }).where('id', '=', structureId).execute();
    // Its offers' search documents carry the structure's status.
    await enqueueOffersOfStructure(trx, structureId, ctx.now);
    const after = (await getStructure(trx, structureId))!;
    await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ctx.actorUserId, action: decision.decision, before, after, reason, at: ctx.now });
    return { ok: true, value: after };
  });
}

/**
 * "Rien n'a changé": the structure's page is accurate today. With `includeOffers`, every published
 * or suspended offer of the structure is confirmed in the same transaction (one click for all).
 */
export function confirmStructure(
  db: Kysely<Database>,
  structureId: string,
  options: { includeOffers: boolean },
  ctx: EditContext,
): Promise<EditResult<{ structure: Structure; offers: Offer[] }>> {
  return inTransaction(db, async (trx) => {
    const before = await getStructure(trx, structureId);
    if (!before) return NOT_FOUND;
    if (before.status === 'archived' || before.status === 'rejected') {
      return editFailure('conflict', 'Action impossible', `Cette structure est ${STATUS_LABELS[before.status]} : il n’y a rien à confirmer.`);
    }
    const stamp = ctx.now.toISOString();
    await trx.updateTable('structures').set({ confirmed_at: stamp, updated_on: frenchToday(ctx.now), updated_at: stamp }).where('id', '=', structureId).execute();
    const after = (await getStructure(trx, structureId))!;
    await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ctx.actorUserId, action: 'confirm', before, after, at: ctx.now });
    const offers: Offer[] = [];
    if (options.includeOffers) {
      for (const offer of await offersOfStructures(trx, [structureId], false)) {
        if (offer.status !== 'published' && offer.status !== 'suspended') continue;
        const confirmed = await changeOfferStatus(trx, offer.id, { action: 'confirm' }, ctx);
        if (confirmed.ok) offers.push(confirmed.value);
      }
    }
    return { ok: true, value: { structure: after, offers } };
  });
}

/**
 * Archives a structure (closed, duplicate, no longer in the insertion offer) and every offer of it
 * that is not archived yet, each with its audit entry; the search outbox drops them.
 */
export function archiveStructure(db: Kysely<Database>, structureId: string, reason: string | null, ctx: EditContext): Promise<EditResult<Structure>> {
  return inTransaction(db, async (trx) => {
    const before = await getStructure(trx, structureId);
    if (!before) return NOT_FOUND;
    if (before.status === 'archived') return editFailure('conflict', 'Action impossible', 'Cette structure est déjà archivée.');
    for (const offer of await offersOfStructures(trx, [structureId], false)) {
      if (offer.status === 'archived') continue;
      const archived = await changeOfferStatus(trx, offer.id, { action: 'archive', reason: reason ?? 'structure archivée' }, ctx);
      if (!archived.ok) throw new Error(`archiving offer ${offer.id}: ${archived.detail}`);
    }
    const stamp = ctx.now.toISOString();
    await trx.updateTable('structures').set({ status: 'archived', updated_at: stamp }).where('id', '=', structureId).execute();
    await enqueueOffersOfStructure(trx, structureId, ctx.now);
    const after = (await getStructure(trx, structureId))!;
    await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ctx.actorUserId, action: 'archive', before, after, reason, at: ctx.now });
    return { ok: true, value: after };
  });
}

const STATUS_LABELS: Readonly<Record<Structure['status'], string>> = {
  draft: 'un brouillon',
  pending: 'en attente de validation',
  validated: 'déjà validée',
  rejected: 'déjà refusée',
  archived: 'archivée',
};
