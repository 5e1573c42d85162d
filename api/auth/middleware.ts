/**
 * Resolves the session cookie into the request's actor (user, memberships, coordinator scopes) and
 * enforces CSRF on writes made with a session. Routes read `c.get('actor')` and `c.get('session')`.
 * A stale cookie is cleared and the request goes on as anonymous: it carries no authority, so it
 * needs no CSRF check (and a later login is not blocked by it).
 */
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { getUser } from '../db/users.ts';
import { coordinatorDepartements, membershipsOfUser } from '../db/roles.ts';
import { ANONYMOUS, type Actor, type UserActor } from './permissions.ts';
import { clearSessionCookies, csrfTokenFor, resolveSession, sessionTokenOf, type CurrentSession, type SessionDeps } from './sessions.ts';
import { assertCsrfToken, assertSameOrigin, isSafeMethod } from './csrf.ts';

declare module 'hono' {
  interface ContextVariableMap {
    actor: Actor;
    session: CurrentSession | undefined;
  }
}

export async function loadActor(db: Kysely<Database>, userId: string): Promise<UserActor | null> {
  const user = await getUser(db, userId);
  if (!user) return null;
  const [memberships, departements] = await Promise.all([membershipsOfUser(db, userId), coordinatorDepartements(db, userId)]);
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    verified: user.email_verified_at !== null,
    admin: user.is_admin === 1,
    memberships: memberships.map((m) => ({ structureId: m.structureId, role: m.role })),
    coordinatorOf: departements,
  };
}

export function authMiddleware(deps: SessionDeps): MiddlewareHandler {
  return async (c, next) => {
    c.set('actor', ANONYMOUS);
    c.set('session', undefined);
    const token = sessionTokenOf(c);
    if (token) {
      const session = await resolveSession(deps, token);
      const actor = session && (await loadActor(deps.db, session.userId));
      if (session && actor) {
        if (!isSafeMethod(c.req.method)) {
          assertSameOrigin(c, deps.config);
          assertCsrfToken(c, await csrfTokenFor(token));
        }
        c.set('actor', actor);
        c.set('session', session);
      } else {
        clearSessionCookies(c, deps.config);
      }
    }
    await next();
  };
}
