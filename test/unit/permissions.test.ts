/** The role matrix: every action × every role, in and out of scope. */
import { describe, expect, it } from 'vitest';
import { ACTIONS, ANONYMOUS, authorize, can, decide, requireUser, type Action, type Actor, type UserActor } from '../../api/auth/permissions.ts';
import { HttpProblem } from '../../api/http/problem.ts';

const STRUCTURE = 's-47';
const OTHER_STRUCTURE = 's-40';
const scope = { structureId: STRUCTURE, departement: '47' };

function user(overrides: Partial<UserActor> = {}): UserActor {
  return { kind: 'user', userId: 'u', email: 'u@exemple.fr', name: 'U', verified: true, admin: false, memberships: [], coordinatorOf: [], ...overrides };
}

const roles: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  unverified: user({ verified: false, memberships: [{ structureId: STRUCTURE, role: 'admin' }], coordinatorOf: ['47'] }),
  professional: user(),
  member: user({ memberships: [{ structureId: STRUCTURE, role: 'member' }] }),
  structureAdmin: user({ memberships: [{ structureId: STRUCTURE, role: 'admin' }] }),
  otherStructureAdmin: user({ memberships: [{ structureId: OTHER_STRUCTURE, role: 'admin' }] }),
  coordinator: user({ coordinatorOf: ['47', '15'] }),
  otherCoordinator: user({ coordinatorOf: ['40'] }),
  admin: user({ admin: true }),
};

/** Who may do each action on the structure of Lot-et-Garonne (47); every other role is refused. */
const EXPECTED: Record<Action, string[]> = {
  'professional:read': ['professional', 'member', 'structureAdmin', 'otherStructureAdmin', 'coordinator', 'otherCoordinator', 'admin'],
  'structure:create': ['professional', 'member', 'structureAdmin', 'otherStructureAdmin', 'coordinator', 'otherCoordinator', 'admin'],
  'structure:join': ['professional', 'member', 'structureAdmin', 'otherStructureAdmin', 'coordinator', 'otherCoordinator', 'admin'],
  'structure:private:read': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'structure:edit': ['structureAdmin', 'coordinator', 'admin'],
  'structure:confirm': ['structureAdmin', 'coordinator', 'admin'],
  'structure:archive': ['structureAdmin', 'coordinator', 'admin'],
  'structure:members:view': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'structure:members:manage': ['structureAdmin', 'coordinator', 'admin'],
  'structure:moderate': ['coordinator', 'admin'],
  'offer:create': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'offer:edit': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'offer:publish': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'offer:suspend': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'offer:archive': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'offer:confirm': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'offer:moderate': ['coordinator', 'admin'],
  'moderation:read': ['coordinator', 'admin'],
  'report:read': ['coordinator', 'admin'],
  'report:answer': ['coordinator', 'admin'],
  'audit:read': ['member', 'structureAdmin', 'coordinator', 'admin'],
  'orientation:send': ['professional', 'member', 'structureAdmin', 'otherStructureAdmin', 'coordinator', 'otherCoordinator', 'admin'],
  'orientation:receive': ['member', 'structureAdmin', 'admin'],
  'admin:grant': ['admin'],
};

describe('permissions', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    it(`${action}: allowed exactly for ${EXPECTED[action].join(', ')}`, () => {
      const allowed = Object.entries(roles)
        .filter(([, actor]) => can(actor, action, scope))
        .map(([name]) => name);
      expect(allowed.sort()).toEqual([...EXPECTED[action]].sort());
    });
  }

  it('answers 401 to the anonymous and 403 to signed-in users out of scope, in French', () => {
    expect(decide(ANONYMOUS, 'offer:edit', scope)).toMatchObject({ allowed: false, status: 401, title: 'Connexion requise' });
    expect(decide(undefined, 'offer:edit', scope)).toMatchObject({ allowed: false, status: 401 });
    expect(decide(roles.otherStructureAdmin, 'offer:edit', scope)).toEqual({
      allowed: false,
      status: 403,
      title: 'Accès refusé',
      detail: 'Cette action est réservée aux membres de cette structure et aux coordinateurs de son département.',
    });
    expect(decide(roles.otherCoordinator, 'structure:moderate', scope)).toMatchObject({
      status: 403,
      detail: 'Cette action est réservée aux coordinateurs du département concerné.',
    });
    expect(decide(roles.member, 'structure:edit', scope)).toMatchObject({
      status: 403,
      detail: 'Cette action est réservée aux administrateurs de cette structure et aux coordinateurs de son département.',
    });
    expect(decide(roles.coordinator, 'admin:grant')).toMatchObject({ status: 403, detail: 'Cette action est réservée aux administrateurs du service.' });
    expect(decide(roles.unverified, 'offer:edit', scope)).toMatchObject({ status: 403, title: 'Adresse non confirmée' });
  });

  it('never grants on a missing scope: no structure id, no département', () => {
    expect(can(roles.member, 'offer:edit', {})).toBe(false);
    expect(can(roles.coordinator, 'offer:edit', { structureId: STRUCTURE })).toBe(false);
    expect(can(roles.coordinator, 'offer:edit', { structureId: STRUCTURE, departement: null })).toBe(false);
    expect(can(roles.coordinator, 'offer:edit', { departement: '15' })).toBe(true);
    expect(can(roles.admin, 'offer:edit', {})).toBe(true);
  });

  it('authorize throws the problem and returns the user; requireUser only asks for a session', () => {
    expect(() => authorize(ANONYMOUS, 'offer:edit', scope)).toThrow(HttpProblem);
    try {
      authorize(roles.otherCoordinator, 'offer:edit', scope);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(403);
    }
    expect(authorize(roles.coordinator, 'offer:edit', scope).userId).toBe('u');
    expect(() => requireUser(ANONYMOUS)).toThrow(expect.objectContaining({ status: 401, title: 'Connexion requise' }));
    expect(requireUser(roles.professional).kind).toBe('user');
  });
});
