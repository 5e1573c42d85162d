/**
 * Roles and permissions: the one place that says who may do what.
 * Roles: anonymous, professional (verified account), structure member / structure admin (per
 * structure), coordinator (per list of départements), admin (everything). Routes ask
 * `authorize(actor, action, scope)`; it throws 401 without a session and 403 otherwise.
 */
import { HttpProblem } from '../http/problem.ts';
import type { MembershipRole } from '../db/schema.ts';

export type { MembershipRole };

export interface Membership {
  structureId: string;
  role: MembershipRole;
}

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  /** Email confirmed: the "professional" role. Login requires it, so a session user normally has it. */
  verified: boolean;
  admin: boolean;
  memberships: Membership[];
  /** Départements this user coordinates (moderation, validation). */
  coordinatorOf: string[];
}

export type Actor = { kind: 'anonymous' } | UserActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/** A role that grants an action; `admin` grants everything and is implied. */
type Grant = 'professional' | 'structure-member' | 'structure-admin' | 'coordinator';

const RULES = {
  /** Contacts and details reserved to professionals. */
  'professional:read': ['professional'],
  /** Create a structure (pending until a coordinator validates it), claim one, ask to join one. */
  'structure:create': ['professional'],
  'structure:join': ['professional'],
  /** What the public does not see: a structure not validated yet, its drafts, suspended and archived offers. */
  'structure:private:read': ['structure-member', 'coordinator'],
  'structure:edit': ['structure-admin', 'coordinator'],
  'structure:confirm': ['structure-admin', 'coordinator'],
  'structure:archive': ['structure-admin', 'coordinator'],
  'structure:members:view': ['structure-member', 'coordinator'],
  /** Invite, answer join requests, change roles, remove members. */
  'structure:members:manage': ['structure-admin', 'coordinator'],
  /** Validate or reject a structure; answer the claim of a structure that has no member yet. */
  'structure:moderate': ['coordinator'],
  'offer:create': ['structure-member', 'coordinator'],
  'offer:edit': ['structure-member', 'coordinator'],
  'offer:publish': ['structure-member', 'coordinator'],
  'offer:suspend': ['structure-member', 'coordinator'],
  'offer:archive': ['structure-member', 'coordinator'],
  'offer:confirm': ['structure-member', 'coordinator'],
  /** Mark reviewed, unpublish with a reason. */
  'offer:moderate': ['coordinator'],
  /** The moderation queue and the overdue offers of a département. */
  'moderation:read': ['coordinator'],
  /** Error reports sent on the offers of a département ("signaler une erreur"). */
  'report:read': ['coordinator'],
  /** Close an error report: handled (the offer was fixed) or dismissed. */
  'report:answer': ['coordinator'],
  /** The audit log of a structure and of its offers. */
  'audit:read': ['structure-member', 'coordinator'],
  /** Send a person to offers mobilisable by professionals (orientation request). */
  'orientation:send': ['professional'],
  /** Read and answer the orientations a structure received (its members; the professional who sent one reads it as its author). */
  'orientation:receive': ['structure-member'],
  /** Grant coordinator scopes, memberships, admin rights. */
  'admin:grant': [],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/**
 * What the action applies to. `structureId`: the structure owning the resource (membership checks);
 * `departement`: that structure's département (coordinator checks). A missing field never grants.
 */
export interface Scope {
  structureId?: string | null;
  departement?: string | null;
}

export type Decision = { allowed: true } | { allowed: false; status: 401 | 403; title: string; detail: string };

export function isProfessional(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.verified;
}

export function membershipRole(actor: Actor, structureId: string | null | undefined): MembershipRole | null {
  if (actor.kind !== 'user' || !structureId) return null;
  return actor.memberships.find((m) => m.structureId === structureId)?.role ?? null;
}

export function coordinates(actor: Actor, departement: string | null | undefined): boolean {
  return actor.kind === 'user' && !!departement && actor.coordinatorOf.includes(departement);
}

function grants(actor: UserActor, grant: Grant, scope: Scope): boolean {
  switch (grant) {
    case 'professional':
      return true;
    case 'structure-member':
      return membershipRole(actor, scope.structureId) !== null;
    case 'structure-admin':
      return membershipRole(actor, scope.structureId) === 'admin';
    case 'coordinator':
      return coordinates(actor, scope.departement);
  }
}

function refusal(action: Action): string {
  const rule: readonly Grant[] = RULES[action];
  const structure = rule.includes('structure-admin') ? 'aux administrateurs de cette structure' : rule.includes('structure-member') ? 'aux membres de cette structure' : null;
  const coordinator = rule.includes('coordinator');
  if (structure && coordinator) return `Cette action est réservée ${structure} et aux coordinateurs de son département.`;
  if (structure) return `Cette action est réservée ${structure}.`;
  if (coordinator) return 'Cette action est réservée aux coordinateurs du département concerné.';
  return 'Cette action est réservée aux administrateurs du service.';
}

export function decide(actor: Actor | undefined, action: Action, scope: Scope = {}): Decision {
  const who = actor ?? ANONYMOUS;
  if (who.kind === 'anonymous') {
    return { allowed: false, status: 401, title: 'Connexion requise', detail: 'Connectez-vous avec votre compte professionnel pour continuer.' };
  }
  if (!who.verified) {
    return { allowed: false, status: 403, title: 'Adresse non confirmée', detail: 'Confirmez d’abord votre adresse électronique avec le lien reçu par courriel.' };
  }
  if (who.admin) return { allowed: true };
  const rule: readonly Grant[] = RULES[action];
  if (rule.some((grant) => grants(who, grant, scope))) return { allowed: true };
  return { allowed: false, status: 403, title: 'Accès refusé', detail: refusal(action) };
}

export function can(actor: Actor | undefined, action: Action, scope: Scope = {}): boolean {
  return decide(actor, action, scope).allowed;
}

/** Throws the 401/403 problem unless the actor may do the action; returns the (signed-in) actor. */
export function authorize(actor: Actor | undefined, action: Action, scope: Scope = {}): UserActor {
  const decision = decide(actor, action, scope);
  if (!decision.allowed) throw new HttpProblem(decision.status, decision.title, decision.detail);
  return actor as UserActor;
}

/** Throws 401 unless someone is signed in (whatever their roles). */
export function requireUser(actor: Actor | undefined): UserActor {
  if (!actor || actor.kind !== 'user') {
    throw new HttpProblem(401, 'Connexion requise', 'Connectez-vous avec votre compte professionnel pour continuer.');
  }
  return actor;
}
