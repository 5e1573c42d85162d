/**
 * Who may act for a structure is part of its history: every change of its people (added, role
 * changed, removed, invitations, join requests answered) writes an audit entry on the structure, in
 * the transaction of the change. The person is named by their display name (the history's readers
 * never see account ids); an invitation by the address it was sent to.
 */
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from './schema.ts';
import { recordChange } from './audit.ts';
import { getUser } from './users.ts';
import type { AuditAction } from '../domain/audit.ts';
import type { FieldChanges } from '../domain/diff.ts';

export interface MembershipContext {
  /** Null for the command line (an operator, not an account). */
  actorUserId: string | null;
  now: Date;
}

type MembershipAction = Extract<AuditAction, `member_${string}` | `invitation_${string}` | `join_request_${string}`>;

async function recordStructureEvent(trx: Kysely<Database>, structureId: string, action: MembershipAction, changes: FieldChanges, ctx: MembershipContext, reason: string | null = null) {
  await recordChange(trx, { entity: 'structure', entityId: structureId, structureId, actorUserId: ctx.actorUserId, action, before: null, after: null, changes, reason, at: ctx.now });
}

/** A person's membership went from `role[0]` to `role[1]` (null: not a member). */
export async function recordMemberChange(
  trx: Kysely<Database>,
  change: { structureId: string; userId: string; action: MembershipAction; role: [MembershipRole | null, MembershipRole | null]; reason?: string | null },
  ctx: MembershipContext,
): Promise<void> {
  const name = (await getUser(trx, change.userId))?.name ?? 'Ancien utilisateur';
  const [before, after] = change.role;
  await recordStructureEvent(trx, change.structureId, change.action, { member: [before ? name : null, after ? name : null], role: [before, after] }, ctx, change.reason ?? null);
}

/** Someone asked to join and was refused (nothing changes in the structure's people). */
export async function recordJoinRefusal(trx: Kysely<Database>, change: { structureId: string; userId: string; reason: string }, ctx: MembershipContext): Promise<void> {
  const name = (await getUser(trx, change.userId))?.name ?? 'Ancien utilisateur';
  await recordStructureEvent(trx, change.structureId, 'join_request_refused', { requester: [null, name] }, ctx, change.reason);
}

/** An invitation sent (`role` the one offered) or revoked. */
export async function recordInvitation(
  trx: Kysely<Database>,
  change: { structureId: string; email: string; action: 'invitation_sent' | 'invitation_revoked'; role?: MembershipRole },
  ctx: MembershipContext,
): Promise<void> {
  const changes: FieldChanges =
    change.action === 'invitation_sent' ? { email: [null, change.email], role: [null, change.role ?? 'member'] } : { email: [change.email, null] };
  await recordStructureEvent(trx, change.structureId, change.action, changes, ctx);
}
