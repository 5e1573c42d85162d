/**
 * Changes to the people of a structure, under one rule: a structure that has people always keeps at
 * least one admin (someone must answer join requests and keep the page up to date). Each change
 * checks and writes in one transaction.
 */
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from './schema.ts';
import { countMembers, grantMembership, membershipOf, revokeMembership } from './roles.ts';
import { inTransaction } from './transaction.ts';
import { editFailure, type EditResult } from '../domain/edit-result.ts';

const NOT_A_MEMBER = editFailure('not_found', 'Introuvable', 'Cette personne ne fait pas partie de la structure.');
const LAST_ADMIN = editFailure(
  'conflict',
  'Dernier administrateur',
  'La structure doit garder au moins un administrateur : nommez-en un autre avant de retirer ce rôle.',
);

export function changeMemberRole(db: Kysely<Database>, structureId: string, userId: string, role: MembershipRole, now: Date): Promise<EditResult<MembershipRole>> {
  return inTransaction(db, async (trx) => {
    const current = await membershipOf(trx, userId, structureId);
    if (!current) return NOT_A_MEMBER;
    if (current === role) return { ok: true, value: role };
    if (current === 'admin' && (await countMembers(trx, structureId, 'admin')) <= 1) return LAST_ADMIN;
    await grantMembership(trx, userId, structureId, role, now);
    return { ok: true, value: role };
  });
}

/** Removes someone (or lets them leave); the last admin cannot go while others remain. */
export function removeMember(db: Kysely<Database>, structureId: string, userId: string): Promise<EditResult<null>> {
  return inTransaction(db, async (trx) => {
    const current = await membershipOf(trx, userId, structureId);
    if (!current) return NOT_A_MEMBER;
    if (current === 'admin' && (await countMembers(trx, structureId, 'admin')) <= 1 && (await countMembers(trx, structureId)) > 1) return LAST_ADMIN;
    await revokeMembership(trx, userId, structureId);
    return { ok: true, value: null };
  });
}

/** Adds someone with `role`; an admin who accepts an invitation as a member stays admin. */
export async function addMember(db: Kysely<Database>, userId: string, structureId: string, role: MembershipRole, now: Date): Promise<MembershipRole> {
  const current = await membershipOf(db, userId, structureId);
  if (current === 'admin') return current;
  await grantMembership(db, userId, structureId, role, now);
  return role;
}
