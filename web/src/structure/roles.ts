/** What the signed-in person is to a structure, from GET /api/me: it decides which buttons the pages show (the API decides what is allowed). */
import type { Me } from '../api/types.ts';
import type { Role } from '../api/space-types.ts';

/** A member's role in a sentence: « comme administrateur », « (membre) ». */
export const roleLabel = (role: Role) => (role === 'admin' ? 'administrateur' : 'membre');

export type StructureRole = 'admin' | 'member' | 'coordinator' | null;

export function roleIn(me: Me, structure: { id: string; departement_code: string | null }): StructureRole {
  const membership = me.roles.memberships.find((m) => m.structureId === structure.id);
  if (membership) return membership.role;
  if (me.roles.admin || (structure.departement_code && me.roles.coordinatorDepartements.includes(structure.departement_code))) return 'coordinator';
  return null;
}

/** Edit the structure's fiche, answer requests, invite, confirm for all: its admins and the coordinators. */
export const managesStructure = (role: StructureRole) => role === 'admin' || role === 'coordinator';

/** The départements a person coordinates (every one for a service admin: null). */
export function coordinatedDepartements(me: Me): string[] | null {
  return me.roles.admin ? null : me.roles.coordinatorDepartements;
}

export const isCoordinator = (me: Me) => me.roles.admin || me.roles.coordinatorDepartements.length > 0;
