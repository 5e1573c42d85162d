/**
 * Changes to the people of a structure, under one rule: a structure that has people always keeps at
 * least one admin (someone must answer join requests and keep the page up to date). Each change
 * checks, writes and records its audit entry (membership-audit.ts) in one transaction.
 */
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from './schema.ts';
import { countMembers, grantMembership, membershipOf, revokeMembership } from './roles.ts';
import { recordMemberChange, type MembershipContext } from './membership-audit.ts';
import { inTransaction } from './transaction.ts';
import { editFailure, type EditResult } from '../domain/edit-result.ts';

const NOT_A_MEMBER = editFailure('not_found', 'Introuvable', 'Cette personne ne fait pas partie de la structure.');
const LAST_ADMIN = editFailure(
  'conflict',
  'Dernier administrateur',
  'La structure doit garder au moins un administrateur : nommez-en un autre avant de retirer ce rôle.',
);

export function changeMemberRole(db: Kysely<Database>, structureId: string, userId: string, role: MembershipRole, ctx: MembershipContext): Promise<EditResult<MembershipRole>> {
  return inTransaction(db, async (trx) => {
    const current = await membershipOf(trx, userId, structureId);
    if (!current) return NOT_A_MEMBER;
    if (current === role) return { ok: true, value: role };
    if (current === 'admin' && (await countMembers(trx, structureId, 'admin')) <= 1) return LAST_ADMIN;
    await grantMembership(trx, userId, structureId, role, ctx.now);
    await recordMemberChange(trx, { structureId, userId, action: 'member_role_changed', role: [current, role] }, ctx);
    return { ok: true, value: role };
  });
}

/** Removes someone (or lets them leave); the last admin cannot go while others remain. */
export function removeMember(db: Kysely<Database>, structureId: string, userId: string, ctx: MembershipContext): Promise<EditResult<null>> {
  return inTransaction(db, async (trx) => {
    const current = await membershipOf(trx, userId, structureId);
    if (!current) return NOT_A_MEMBER;
    if (current === 'admin' && (await countMembers(trx, structureId, 'admin')) <= 1 && (await countMembers(trx, structureId)) > 1) return LAST_ADMIN;
    await revokeMembership(trx, userId, structureId);
    const left = ctx.actorUserId === userId;
    await recordMemberChange(trx, { structureId, userId, action: 'member_removed', role: [current, null], reason: left ? 'a quitté la structure' : null }, ctx);
    return { ok: true, value: null };
  });
}

/**
 * Adds someone with `role` (an invitation accepted, an administrator's or an operator's grant); an
 * admin who accepts an invitation as a member stays admin. `grant` may also change the role of
 * someone already in the structure.
 */
export function addMember(
  db: Kysely<Database>,
  change: { userId: string; structureId: string; role: MembershipRole; via: 'invitation' | 'grant' },
  ctx: MembershipContext,
): Promise<MembershipRole> {
  return inTransaction(db, async (trx) => {
    const current = await membershipOf(trx, change.userId, change.structureId);
    const role = change.via === 'invitation' && current === 'admin' ? current : change.role;
    if (current !== role) await grantMembership(trx, change.userId, change.structureId, role, ctx.now);
    const action = change.via === 'invitation' ? 'invitation_accepted' : current ? 'member_role_changed' : 'member_added';
    if (change.via === 'invitation' || current !== role) {
      await recordMemberChange(trx, { structureId: change.structureId, userId: change.userId, action, role: [current, role] }, ctx);
    }
    return role;
  });
}
