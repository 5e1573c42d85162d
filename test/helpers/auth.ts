/**
 * Users with roles for API tests, and request functions that behave like our web pages: the session
 * cookie, the csrf cookie, the X-CSRF-Token header and a same-origin Origin header.
 *
 *   const coord = await createUser(t, { coordinatorOf: ['47'] });
 *   const r = await coord.request('/api/offers/x/publish', { method: 'POST', json: {} });
 *
 * Users are written straight to the database and their session is opened the same way, so a
 * route × role matrix does not pay for a login (and its PBKDF2) per role.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from '../../api/db/schema.ts';
import { insertUser } from '../../api/db/users.ts';
import { grantCoordinator, grantMembership } from '../../api/db/roles.ts';
import { insertSession } from '../../api/db/sessions.ts';
import { hashPassword } from '../../api/auth/password.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_ABSOLUTE_MS, SESSION_COOKIE, csrfTokenFor } from '../../api/auth/sessions.ts';
import { randomToken, sha256Hex } from '../../api/auth/tokens.ts';

/** Tests hash with few iterations for speed only; test/unit/password.test.ts proves the real default. */
export const TEST_PASSWORD_ITERATIONS = 1_000;
export const TEST_PASSWORD = 'un mot de passe de test';
/** The origin of app.request('/api/...') URLs: what our own pages would send. */
export const TEST_ORIGIN = 'http://localhost';

export interface AuthTestContext {
  app: Hono;
  db: Kysely<Database>;
  now: Date;
}

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body with content-type application/json. */
  json?: unknown;
  body?: BodyInit | null;
}

export interface Session {
  token: string;
  csrf: string;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  session: Session;
  /** A request as this user's browser would send it (cookies, CSRF header, Origin). */
  request(path: string, options?: RequestOptions): Promise<Response>;
}

export interface UserOptions {
  email?: string;
  name?: string;
  password?: string;
  /** Email confirmed (the professional role). Default true. */
  verified?: boolean;
  admin?: boolean;
  memberships?: Array<{ structureId: string; role: MembershipRole }>;
  coordinatorOf?: string[];
}

let sequence = 0;

export async function createUser(t: AuthTestContext, options: UserOptions = {}): Promise<TestUser> {
  sequence += 1;
  const email = options.email ?? `utilisateur${sequence}-${crypto.randomUUID().slice(0, 8)}@exemple.fr`;
  const name = options.name ?? `Utilisateur ${sequence}`;
  const password = options.password ?? TEST_PASSWORD;
  const id = await insertUser(
    t.db,
    { email, name, password: await hashPassword(password, TEST_PASSWORD_ITERATIONS), verified: options.verified ?? true, admin: options.admin ?? false },
    t.now,
  );
  if (!id) throw new Error(`createUser: ${email} already exists`);
  for (const m of options.memberships ?? []) await grantMembership(t.db, id, m.structureId, m.role, t.now);
  if (options.coordinatorOf?.length) await grantCoordinator(t.db, id, options.coordinatorOf, t.now);
  const session = await openSession(t, id);
  return { id, email: email.toLowerCase(), name, password, session, request: (path, init) => requestAs(t.app, session, path, init) };
}

/** A session row for the user, as a login would create it (at t.now). */
export async function openSession(t: AuthTestContext, userId: string): Promise<Session> {
  const token = randomToken();
  const stamp = t.now.toISOString();
  await insertSession(t.db, {
    id: await sha256Hex(token),
    user_id: userId,
    created_at: stamp,
    last_seen_at: stamp,
    expires_at: new Date(t.now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  return { token, csrf: await csrfTokenFor(token) };
}

function withBody(options: RequestOptions, headers: Headers): RequestInit {
  const { json, ...init } = options;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    return { ...init, headers, body: JSON.stringify(json) };
  }
  return { ...init, headers };
}

/** A request carrying the session's cookies and CSRF header from our own origin. */
export function requestAs(app: Hono, session: Session, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set('cookie', `${SESSION_COOKIE}=${session.token}; ${CSRF_COOKIE}=${session.csrf}`);
  if (!headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, session.csrf);
  if (!headers.has('origin')) headers.set('origin', TEST_ORIGIN);
  return Promise.resolve(app.request(path, withBody(options, headers)));
}

/** A request without any session (the anonymous role). */
export function requestAnonymous(app: Hono, path: string, options: RequestOptions = {}): Promise<Response> {
  return Promise.resolve(app.request(path, withBody(options, new Headers(options.headers))));
}

/** A response's status and JSON body ({} for 204 No Content), e.g. `await json(user.request(...))`. */
export async function json(r: Response | Promise<Response>): Promise<{ status: number; body: Record<string, any> }> {
  const response = await r;
  return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Record<string, any>) };
}

/** The cookies a response sets, by name, with their attributes as written. */
export function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const name = line.slice(0, line.indexOf('='));
    cookies.set(name, line);
  }
  return cookies;
}

/** The value part of a Set-Cookie line. */
export function cookieValue(line: string | undefined): string | undefined {
  if (!line) return undefined;
  const pair = line.split(';')[0]!;
  return decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
}
