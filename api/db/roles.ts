/** Roles repository: structure memberships and coordinator scopes (départements). */
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from './schema.ts';

export interface MembershipView {
  structureId: string;
  structureName: string;
  departementCode: string | null;
  role: MembershipRole;
}

export async function membershipsOfUser(db: Kysely<Database>, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('structures', 'structures.id', 'memberships.structure_id')
    .select(['memberships.structure_id', 'memberships.role', 'structures.name', 'structures.departement_code'])
    .where('memberships.user_id', '=', userId)
    .orderBy('structures.name')
    .execute();
  return rows.map((r) => ({ structureId: r.structure_id, structureName: r.name, departementCode: r.departement_code, role: r.role }));
}

export async function coordinatorDepartements(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('coordinator_scopes')
    .select('departement_code')
    .where('user_id', '=', userId)
    .orderBy('departement_code')
    .execute();
  return rows.map((r) => r.departement_code);
}

/** Adds the membership, or changes its role when the user already belongs to the structure. */
export async function grantMembership(db: Kysely<Database>, userId: string, structureId: string, role: MembershipRole, now: Date): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, structure_id: structureId, role, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'structure_id']).doUpdateSet({ role }))
    .execute();
}

export async function revokeMembership(db: Kysely<Database>, userId: string, structureId: string): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).where('structure_id', '=', structureId).execute();
}

export async function grantCoordinator(db: Kysely<Database>, userId: string, departements: readonly string[], now: Date): Promise<void> {
  if (!departements.length) return;
  await db
    .insertInto('coordinator_scopes')
    .values(departements.map((code) => ({ user_id: userId, departement_code: code, created_at: now.toISOString() })))
    .onConflict((oc) => oc.columns(['user_id', 'departement_code']).doNothing())
    .execute();
}

export async function revokeCoordinator(db: Kysely<Database>, userId: string, departements: readonly string[]): Promise<void> {
  if (!departements.length) return;
  await db.deleteFrom('coordinator_scopes').where('user_id', '=', userId).where('departement_code', 'in', departements).execute();
}
