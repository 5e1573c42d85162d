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

export interface StructureMember {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  since: string;
}

/** The people of a structure, admins first. */
export async function membersOfStructure(db: Kysely<Database>, structureId: string): Promise<StructureMember[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.structure_id', '=', structureId)
    .orderBy('memberships.role')
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, since: r.created_at }));
}

export async function membershipOf(db: Kysely<Database>, userId: string, structureId: string): Promise<MembershipRole | null> {
  const row = await db.selectFrom('memberships').select('role').where('user_id', '=', userId).where('structure_id', '=', structureId).executeTakeFirst();
  return row?.role ?? null;
}

export async function countMembers(db: Kysely<Database>, structureId: string, role?: MembershipRole): Promise<number> {
  let q = db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('structure_id', '=', structureId);
  if (role) q = q.where('role', '=', role);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Who to tell about a structure: its admins' names and addresses. */
export async function adminContacts(db: Kysely<Database>, structureId: string): Promise<Array<{ name: string; email: string }>> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.name', 'users.email'])
    .where('memberships.structure_id', '=', structureId)
    .where('memberships.role', '=', 'admin')
    .orderBy('users.name')
    .execute();
}

/** The coordinators of a département (claims of structures without members go to them). */
export async function coordinatorContacts(db: Kysely<Database>, departement: string): Promise<Array<{ name: string; email: string }>> {
  return db
    .selectFrom('coordinator_scopes')
    .innerJoin('users', 'users.id', 'coordinator_scopes.user_id')
    .select(['users.name', 'users.email'])
    .where('coordinator_scopes.departement_code', '=', departement)
    .orderBy('users.name')
    .execute();
}
