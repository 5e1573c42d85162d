/**
 * Join requests: a signed-in professional asks to belong to a structure. When the structure already
 * has people, its admins answer ('join'); when it has nobody yet (an imported structure), the request
 * is a 'claim' a coordinator of its département answers, and an accepted claim makes the person its
 * first admin. Each unit of work checks and writes in one transaction and returns an EditResult.
 */
import type { Kysely } from 'kysely';
import type { Database, JoinRequestKind, JoinRequestStatus, MembershipRole } from './schema.ts';
import { getStructure } from './structures.ts';
import { countMembers, grantMembership, membershipOf } from './roles.ts';
import { inTransaction } from './transaction.ts';
import { recordJoinRefusal, recordMemberChange } from './membership-audit.ts';
import { newId } from '../domain/ids.ts';
import { editFailure, type EditResult } from '../domain/edit-result.ts';

export interface JoinRequest {
  id: string;
  kind: JoinRequestKind;
  status: JoinRequestStatus;
  structure: { id: string; name: string; departement_code: string | null };
  requester: { id: string; name: string; email: string };
  message: string | null;
  created_at: string;
  answered_at: string | null;
  answer_reason: string | null;
}

const NOT_FOUND = editFailure('not_found', 'Introuvable', 'Aucune demande ne porte cet identifiant.');

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('join_requests')
    .innerJoin('structures', 'structures.id', 'join_requests.structure_id')
    .innerJoin('users', 'users.id', 'join_requests.user_id')
    .select([
      'join_requests.id',
      'join_requests.kind',
      'join_requests.status',
      'join_requests.message',
      'join_requests.created_at',
      'join_requests.answered_at',
      'join_requests.answer_reason',
      'structures.id as structure_id',
      'structures.name as structure_name',
      'structures.departement_code',
      'users.id as user_id',
      'users.name as user_name',
      'users.email as user_email',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function fromRow(r: Row): JoinRequest {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    structure: { id: r.structure_id, name: r.structure_name, departement_code: r.departement_code },
    requester: { id: r.user_id, name: r.user_name, email: r.user_email },
    message: r.message,
    created_at: r.created_at,
    answered_at: r.answered_at,
    answer_reason: r.answer_reason,
  };
}

export async function getJoinRequest(db: Kysely<Database>, id: string): Promise<JoinRequest | undefined> {
  const row = await baseQuery(db).where('join_requests.id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

export interface JoinRequestFilter {
  structureId?: string;
  userId?: string;
  /** Claims of structures of these départements (null: every département). */
  claimsOf?: readonly string[] | null;
  status?: JoinRequestStatus;
  limit?: number;
}

/** Oldest first: the one waiting longest is answered first. */
export async function listJoinRequests(db: Kysely<Database>, f: JoinRequestFilter): Promise<{ total: number; items: JoinRequest[] }> {
  let q = baseQuery(db);
  if (f.structureId) q = q.where('join_requests.structure_id', '=', f.structureId);
  if (f.userId) q = q.where('join_requests.user_id', '=', f.userId);
  if (f.status) q = q.where('join_requests.status', '=', f.status);
  if (f.claimsOf !== undefined) {
    q = q.where('join_requests.kind', '=', 'claim');
    if (f.claimsOf !== null) q = q.where('structures.departement_code', 'in', f.claimsOf.length ? [...f.claimsOf] : ['']);
  }
  const rows = await q.orderBy('join_requests.created_at').orderBy('join_requests.id').execute();
  return { total: rows.length, items: rows.slice(0, f.limit ?? rows.length).map(fromRow) };
}

/** Asks to join the structure; a structure without members makes it a claim. */
export function createJoinRequest(
  db: Kysely<Database>,
  request: { userId: string; structureId: string; message: string | null },
  now: Date,
): Promise<EditResult<JoinRequest>> {
  return inTransaction(db, async (trx) => {
    const structure = await getStructure(trx, request.structureId);
    if (!structure) return editFailure('not_found', 'Introuvable', 'Aucune structure ne porte cet identifiant.');
    if (structure.status === 'archived' || structure.status === 'rejected') {
      return editFailure('conflict', 'Structure inactive', 'Cette structure est archivée ou refusée : on ne peut plus la rejoindre.');
    }
    if (await membershipOf(trx, request.userId, request.structureId)) {
      return editFailure('conflict', 'Déjà membre', 'Vous faites déjà partie de cette structure.');
    }
    const open = await trx
      .selectFrom('join_requests')
      .select('id')
      .where('user_id', '=', request.userId)
      .where('structure_id', '=', request.structureId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (open) return editFailure('conflict', 'Demande déjà envoyée', 'Votre demande pour cette structure attend déjà une réponse.');
    const kind: JoinRequestKind = (await countMembers(trx, request.structureId)) === 0 ? 'claim' : 'join';
    const id = newId();
    await trx
      .insertInto('join_requests')
      .values({ id, user_id: request.userId, structure_id: request.structureId, kind, status: 'pending', message: request.message, created_at: now.toISOString() })
      .execute();
    return { ok: true, value: (await getJoinRequest(trx, id))! };
  });
}

export type JoinAnswer = { decision: 'accept'; role: MembershipRole } | { decision: 'refuse'; reason: string };

/**
 * Accepts (the requester joins with `role`; a claim always makes them admin) or refuses with a
 * reason the requester will read. Only a pending request can be answered.
 */
export function answerJoinRequest(db: Kysely<Database>, id: string, answer: JoinAnswer, ctx: { actorUserId: string; now: Date }): Promise<EditResult<JoinRequest>> {
  return inTransaction(db, async (trx) => {
    const request = await getJoinRequest(trx, id);
    if (!request) return NOT_FOUND;
    if (request.status !== 'pending') return editFailure('conflict', 'Demande déjà traitée', 'Cette demande a déjà reçu une réponse ou a été annulée.');
    const stamp = ctx.now.toISOString();
    if (answer.decision === 'accept') {
      const role = request.kind === 'claim' ? 'admin' : answer.role;
      const current = await membershipOf(trx, request.requester.id, request.structure.id);
      const granted = current === 'admin' ? current : role;
      if (current !== granted) await grantMembership(trx, request.requester.id, request.structure.id, granted, ctx.now);
      await recordMemberChange(trx, { structureId: request.structure.id, userId: request.requester.id, action: 'join_request_accepted', role: [current, granted] }, ctx);
    } else {
      await recordJoinRefusal(trx, { structureId: request.structure.id, userId: request.requester.id, reason: answer.reason }, ctx);
    }
    await trx
      .updateTable('join_requests')
      .set({
        status: answer.decision === 'accept' ? 'accepted' : 'rejected',
        answered_at: stamp,
        answered_by: ctx.actorUserId,
        answer_reason: answer.decision === 'refuse' ? answer.reason : null,
      })
      .where('id', '=', id)
      .execute();
    return { ok: true, value: (await getJoinRequest(trx, id))! };
  });
}

/** The requester withdraws a pending request. */
export function cancelJoinRequest(db: Kysely<Database>, id: string, now: Date): Promise<EditResult<JoinRequest>> {
  return inTransaction(db, async (trx) => {
    const request = await getJoinRequest(trx, id);
    if (!request) return NOT_FOUND;
    if (request.status !== 'pending') return editFailure('conflict', 'Demande déjà traitée', 'Cette demande a déjà reçu une réponse ou a été annulée.');
    await trx.updateTable('join_requests').set({ status: 'cancelled', answered_at: now.toISOString() }).where('id', '=', id).execute();
    return { ok: true, value: (await getJoinRequest(trx, id))! };
  });
}

/** Pending requests per structure, for the structures' own pages. */
export async function pendingJoinCounts(db: Kysely<Database>, structureIds: readonly string[]): Promise<Map<string, number>> {
  if (!structureIds.length) return new Map();
  const rows = await db
    .selectFrom('join_requests')
    .select(['structure_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('structure_id', 'in', [...structureIds])
    .where('status', '=', 'pending')
    .groupBy('structure_id')
    .execute();
  return new Map(rows.map((r) => [r.structure_id, Number(r.n)]));
}
