/**
 * Accounts end to end on a real SQLite file: sign-up, emailed verification, login cookies, /api/me,
 * logout, session rotation and expiry (injected clock), password reset, CSRF, login rate limits,
 * no user enumeration, bad bodies, admin grants.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { loadConfig, type AppConfig } from '../../api/config.ts';
import type { Database } from '../../api/db/schema.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { PASSWORD_ITERATIONS } from '../../api/auth/password.ts';
import { sha256Hex } from '../../api/auth/tokens.ts';
import { LOGIN_FAILURES_PER_EMAIL, LOGIN_FAILURES_PER_IP, MAILS_PER_ADDRESS } from '../../api/auth/rate-limit.ts';
import { TEST_NOW, createTestApp } from '../helpers/app.ts';
import { clientAddressFor, rateLimitNetwork, type ClientAddress } from '../../api/auth/client-address.ts';
import {
  TEST_ORIGIN,
  cookieValue,
  createUser,
  requestAnonymous,
  requestAs,
  setCookies,
  type RequestOptions,
  type Session,
} from '../helpers/auth.ts';
import { aStructure } from '../fixtures/catalogue.ts';

type Json = Record<string, any>;
const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'cheval agrafe batterie';

interface AuthApp {
  app: Hono;
  db: Kysely<Database>;
  now: Date;
  advance(ms: number): void;
  close(): Promise<void>;
}

const opened: AuthApp[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

/** The app on a fresh database with a clock the test moves; the client IP as TRUST_PROXY in `config` says (none by default: no address). */
async function authApp(config: Partial<AppConfig> = {}, clientAddress?: ClientAddress): Promise<AuthApp> {
  let current = new Date(TEST_NOW);
  const t = await createTestApp({ config, clock: () => new Date(current), ...(clientAddress ? { clientAddress } : {}) });
  const handle: AuthApp = {
    app: t.app,
    db: t.db,
    get now() {
      return new Date(current);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    close: () => t.close(),
  };
  opened.push(handle);
  return handle;
}

const post = (t: AuthApp, path: string, json: unknown, headers: Record<string, string> = {}) =>
  requestAnonymous(t.app, path, { method: 'POST', json, headers });

async function body(r: Response): Promise<Json> {
  return (await r.json()) as Json;
}

/** The app behind a real HTTP server on a free port of the loopback interface. */
async function listen(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    );
  });
}

async function outbox(t: AuthApp): Promise<Json[]> {
  return (await body(await t.app.request('/api/dev/outbox'))).items as Json[];
}

function tokenIn(mail: Json | undefined): string {
  const match = /token=([\w-]+)/.exec(String(mail?.text));
  if (!match) throw new Error(`no token in mail: ${mail?.subject}`);
  return match[1]!;
}

async function count(t: AuthApp, table: keyof Database): Promise<number> {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Logs in and returns the session as the browser would hold it. */
async function login(t: AuthApp, email: string, password: string, headers: Record<string, string> = {}): Promise<Session> {
  const r = await post(t, '/api/auth/login', { email, password }, headers);
  expect(r.status, JSON.stringify(await r.clone().json())).toBe(200);
  const cookies = setCookies(r);
  return { token: cookieValue(cookies.get('session'))!, csrf: cookieValue(cookies.get('csrf'))! };
}

const me = (t: AuthApp, session: Session) => requestAs(t.app, session, '/api/me');
const as = (t: AuthApp, session: Session, path: string, options: RequestOptions) => requestAs(t.app, session, path, options);

async function signupAndVerify(t: AuthApp, email: string, name = 'Camille Martin'): Promise<void> {
  expect((await post(t, '/api/auth/signup', { email, password: PASSWORD, name })).status).toBe(202);
  const mail = (await outbox(t)).find((m) => m.to === email.toLowerCase());
  expect((await post(t, '/api/auth/verify', { token: tokenIn(mail) })).status).toBe(200);
}

describe('sign-up, verification, login, /api/me, logout', () => {
  it('walks the whole path a new professional takes', async () => {
    const t = await authApp();
    const signup = await post(t, '/api/auth/signup', { email: ' Camille.Martin@Mairie-Marmande.fr ', password: PASSWORD, name: 'Camille Martin' });
    expect(signup.status).toBe(202);
    expect((await body(signup)).message).toMatch(/courriel/);

    const [mail] = await outbox(t);
    expect(mail).toMatchObject({ to: 'camille.martin@mairie-marmande.fr', subject: expect.stringContaining('Confirmez votre adresse') });
    expect(mail!.text).toContain('http://localhost:8787/verifier-email?token=');
    expect(mail!.html).toContain('href="http://localhost:8787/verifier-email?token=');
    const user = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeNull();
    expect(user.password_hash).not.toContain(PASSWORD);
    // Only the token's hash is stored.
    const stored = await t.db.selectFrom('email_tokens').select('id').executeTakeFirstOrThrow();
    expect(stored.id).not.toBe(tokenIn(mail));

    // Not verified yet: the right password gets a 403 and a fresh link, not a session.
    const early = await post(t, '/api/auth/login', { email: 'camille.martin@mairie-marmande.fr', password: PASSWORD });
    expect(early.status).toBe(403);
    expect(early.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await body(early)).detail).toMatch(/nouveau lien de confirmation/);
    expect(early.headers.getSetCookie()).toEqual([]);
    const links = await outbox(t);
    expect(links).toHaveLength(2);
    // The newest link replaces the first one.
    expect((await post(t, '/api/auth/verify', { token: tokenIn(links[1]) })).status).toBe(400);
    const verified = await post(t, '/api/auth/verify', { token: tokenIn(links[0]) });
    expect(verified.status).toBe(200);
    expect((await post(t, '/api/auth/verify', { token: tokenIn(links[0]) })).status).toBe(400);

    const r = await post(t, '/api/auth/login', { email: 'CAMILLE.martin@mairie-marmande.fr', password: PASSWORD });
    expect(r.status).toBe(200);
    const cookies = setCookies(r);
    const sessionCookie = cookies.get('session')!;
    const csrfCookie = cookies.get('csrf')!;
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Lax/);
    expect(sessionCookie).toMatch(/; Path=\//);
    expect(sessionCookie).toMatch(/; Max-Age=2592000/);
    expect(sessionCookie).not.toMatch(/Secure/);
    expect(csrfCookie).not.toMatch(/HttpOnly/);
    const session = { token: cookieValue(sessionCookie)!, csrf: cookieValue(csrfCookie)! };
    expect(session.token).toMatch(/^[\w-]{43}$/);
    const loginBody = await body(r);
    expect(loginBody.csrfToken).toBe(session.csrf);
    const row = await t.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(row.id).not.toBe(session.token);
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);

    const mine = await me(t, session);
    expect(mine.status).toBe(200);
    expect(await body(mine)).toEqual({
      user: { id: user.id, email: 'camille.martin@mairie-marmande.fr', name: 'Camille Martin', emailVerifiedAt: TEST_NOW.toISOString() },
      roles: { professional: true, admin: false, memberships: [], coordinatorDepartements: [] },
      csrfToken: session.csrf,
    });

    const logout = await as(t, session, '/api/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(204);
    expect(setCookies(logout).get('session')).toMatch(/Max-Age=0/);
    expect(await count(t, 'sessions')).toBe(0);
    const after = await me(t, session);
    expect(after.status).toBe(401);
    expect(await body(after)).toMatchObject({ status: 401, title: 'Connexion requise' });
  });

  it('answers 401 to /api/me without a session', async () => {
    const t = await authApp();
    const r = await t.app.request('/api/me');
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('marks cookies Secure in production, and has no dev outbox there', async () => {
    const t = await authApp({ production: true, passwordIterations: PASSWORD_ITERATIONS });
    const user = await createUser(t, { password: PASSWORD });
    const r = await post(t, '/api/auth/login', { email: user.email, password: PASSWORD });
    expect(r.status).toBe(200);
    for (const line of setCookies(r).values()) expect(line).toMatch(/; Secure/);
    // Logged in with a hash of fewer iterations: it was re-hashed with the production count.
    const row = await t.db.selectFrom('users').select('password_iterations').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_iterations).toBe(PASSWORD_ITERATIONS);
    expect((await t.app.request('/api/dev/outbox')).status).toBe(404);
    expect((await t.app.request('/dev/outbox')).status).toBe(404);
  });

  it('refuses to start in production with fewer than 600,000 iterations', async () => {
    await expect(authApp({ production: true, passwordIterations: 1_000 })).rejects.toThrow(/600000/);
  });

  it('hashes new passwords with at least 600,000 iterations under the default configuration', async () => {
    const t = await authApp({ passwordIterations: loadConfig({}).passwordIterations });
    expect((await post(t, '/api/auth/signup', { email: 'defaut@exemple.fr', password: PASSWORD, name: 'Défaut' })).status).toBe(202);
    const row = await t.db.selectFrom('users').select('password_iterations').executeTakeFirstOrThrow();
    expect(row.password_iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('lists mails on the French dev outbox page', async () => {
    const t = await authApp();
    await post(t, '/api/auth/signup', { email: 'page@exemple.fr', password: PASSWORD, name: '<Dominique>' });
    const r = await t.app.request('/dev/outbox');
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('Courriels envoyés');
    expect(html).toContain('À : page@exemple.fr');
    expect(html).toContain('Bonjour &lt;Dominique&gt;,');
    expect(html).toMatch(/<a href="http:\/\/localhost:8787\/verifier-email\?token=[\w-]+">/);
  });
});

describe('sessions', () => {
  it('rotates the session at login: the previous token stops working', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    const first = await login(t, user.email, PASSWORD);
    const cookie = `session=${first.token}; csrf=${first.csrf}`;
    const second = await login(t, user.email, PASSWORD, { cookie, 'x-csrf-token': first.csrf, origin: TEST_ORIGIN });
    expect(second.token).not.toBe(first.token);
    expect(second.csrf).not.toBe(first.csrf);
    expect((await me(t, first)).status).toBe(401);
    expect((await me(t, second)).status).toBe(200);
    // The helper's session plus the new one; the first is gone.
    expect(await count(t, 'sessions')).toBe(2);
  });

  it('ignores a stale session cookie at login (no CSRF demanded, cookie replaced)', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    const r = await post(t, '/api/auth/login', { email: user.email, password: PASSWORD }, { cookie: 'session=planted-by-someone; csrf=x' });
    expect(r.status).toBe(200);
    expect(cookieValue(setCookies(r).get('session'))).not.toBe('planted-by-someone');
  });

  it('expires after 14 idle days, and after 30 days in all even when active', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    const idle = await login(t, user.email, PASSWORD);
    const active = await login(t, user.email, PASSWORD);
    t.advance(13 * DAY);
    expect((await me(t, active)).status).toBe(200);
    t.advance(1 * DAY + 1000);
    const expired = await me(t, idle);
    expect(expired.status).toBe(401);
    expect(setCookies(expired).get('session')).toMatch(/Max-Age=0/);
    expect((await me(t, active)).status).toBe(200);
    t.advance(13 * DAY);
    expect((await me(t, active)).status).toBe(200);
    t.advance(3 * DAY);
    expect((await me(t, active)).status).toBe(401);
    // Expired sessions are deleted, not just refused.
    const ids = [await sha256Hex(idle.token), await sha256Hex(active.token)];
    expect(await t.db.selectFrom('sessions').select('id').where('id', 'in', ids).execute()).toEqual([]);
  });
});

describe('password reset', () => {
  it('sets a new password from the emailed link and closes every session', async () => {
    const t = await authApp();
    await signupAndVerify(t, 'reset@exemple.fr');
    const a = await login(t, 'reset@exemple.fr', PASSWORD);
    const b = await login(t, 'reset@exemple.fr', PASSWORD);

    const forgot = await post(t, '/api/auth/password/forgot', { email: 'RESET@exemple.fr' });
    expect(forgot.status).toBe(202);
    const [mail] = await outbox(t);
    expect(mail).toMatchObject({ to: 'reset@exemple.fr', subject: expect.stringContaining('nouveau mot de passe') });
    expect(mail!.text).toContain('http://localhost:8787/reinitialiser-mot-de-passe?token=');
    const token = tokenIn(mail);

    // A weak password is refused and the link stays usable.
    const weak = await post(t, '/api/auth/password/reset', { token, password: 'court' });
    expect(weak.status).toBe(400);
    expect((await body(weak)).errors).toEqual([{ path: 'password', message: 'Le mot de passe doit contenir au moins 12 caractères.' }]);
    expect((await me(t, a)).status).toBe(200);

    const reset = await post(t, '/api/auth/password/reset', { token, password: 'un tout nouveau secret' });
    expect(reset.status).toBe(200);
    expect((await me(t, a)).status).toBe(401);
    expect((await me(t, b)).status).toBe(401);
    expect((await post(t, '/api/auth/login', { email: 'reset@exemple.fr', password: PASSWORD })).status).toBe(401);
    await login(t, 'reset@exemple.fr', 'un tout nouveau secret');
    const again = await post(t, '/api/auth/password/reset', { token, password: 'encore un autre secret' });
    expect(again.status).toBe(400);
    expect((await body(again)).errors[0].path).toBe('token');
  });

  it('expires reset links after an hour', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    await post(t, '/api/auth/password/forgot', { email: user.email });
    const token = tokenIn((await outbox(t))[0]);
    t.advance(60 * 60 * 1000 + 1);
    expect((await post(t, '/api/auth/password/reset', { token, password: 'un tout nouveau secret' })).status).toBe(400);
  });
});

describe('CSRF on writes made with a session', () => {
  async function signedIn() {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    return { t, user, session: await login(t, user.email, PASSWORD) };
  }

  const logout = (t: AuthApp, headers: Record<string, string>) => t.app.request('/api/auth/logout', { method: 'POST', headers });

  it('refuses a write without the X-CSRF-Token header, in French, and changes nothing', async () => {
    const { t, session } = await signedIn();
    const r = await logout(t, { cookie: `session=${session.token}; csrf=${session.csrf}`, origin: TEST_ORIGIN });
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await body(r)).toMatchObject({ status: 403, title: 'Jeton CSRF invalide', detail: expect.stringMatching(/anti-falsification/) });
    expect((await me(t, session)).status).toBe(200);
  });

  it('refuses a wrong token, and a header that only matches a forged csrf cookie', async () => {
    const { t, session } = await signedIn();
    const wrong = await logout(t, { cookie: `session=${session.token}; csrf=${session.csrf}`, origin: TEST_ORIGIN, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const forged = await logout(t, { cookie: `session=${session.token}; csrf=forged`, origin: TEST_ORIGIN, 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect((await me(t, session)).status).toBe(200);
  });

  it('refuses a foreign Origin, and a write with neither Origin nor Sec-Fetch-Site, even with the right token', async () => {
    const { t, session } = await signedIn();
    const cookie = `session=${session.token}; csrf=${session.csrf}`;
    const foreign = await logout(t, { cookie, origin: 'https://pirate.example', 'x-csrf-token': session.csrf });
    expect(foreign.status).toBe(403);
    expect((await body(foreign)).title).toBe('Requête refusée');
    expect((await logout(t, { cookie, 'x-csrf-token': session.csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await logout(t, { cookie, 'x-csrf-token': session.csrf })).status).toBe(403);
    expect((await me(t, session)).status).toBe(200);
  });

  it('accepts PUBLIC_BASE_URL as origin, or Sec-Fetch-Site: same-origin, with the right token', async () => {
    const { t, session, user } = await signedIn();
    const cookie = `session=${session.token}; csrf=${session.csrf}`;
    expect((await logout(t, { cookie, 'x-csrf-token': session.csrf, origin: 'http://localhost:8787' })).status).toBe(204);
    const next = await login(t, user.email, PASSWORD);
    expect((await logout(t, { cookie: `session=${next.token}; csrf=${next.csrf}`, 'x-csrf-token': next.csrf, 'sec-fetch-site': 'same-origin' })).status).toBe(204);
  });

  it('does not check anonymous writes, but refuses a login posted from another site', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    expect((await post(t, '/api/auth/password/forgot', { email: user.email })).status).toBe(202);
    const cross = await post(t, '/api/auth/login', { email: user.email, password: PASSWORD }, { origin: 'https://pirate.example' });
    expect(cross.status).toBe(403);
    expect(cross.headers.getSetCookie()).toEqual([]);
  });
});

describe('login rate limits', () => {
  it(`locks an email after ${LOGIN_FAILURES_PER_EMAIL} failures in 15 minutes, whatever the IP, with Retry-After`, async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL; i++) {
      const r = await post(t, '/api/auth/login', { email: user.email, password: 'mauvais mot de passe' }, { 'x-forwarded-for': `203.0.113.${i}` });
      expect(r.status).toBe(401);
      t.advance(10_000);
    }
    // Even the right password is refused while locked.
    const locked = await post(t, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'x-forwarded-for': '198.51.100.7' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60 - 100);
    expect((await body(locked)).title).toBe('Trop de tentatives');
    // Another account from the same addresses is not affected.
    const other = await createUser(t, { password: PASSWORD });
    expect((await post(t, '/api/auth/login', { email: other.email, password: PASSWORD }, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);

    t.advance(15 * 60 * 1000 - 100 * 1000 + 1000);
    expect((await post(t, '/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(200);
  });

  it(`locks an IP after ${LOGIN_FAILURES_PER_IP} failures across emails (behind one trusted proxy: the last X-Forwarded-For entry)`, async () => {
    const t = await authApp({ trustProxy: { forwardedHops: 1 } });
    const user = await createUser(t, { password: PASSWORD });
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) {
      const r = await post(t, '/api/auth/login', { email: `inconnu${i}@exemple.fr`, password: 'mauvais mot de passe' }, { 'x-forwarded-for': '10.0.0.1, 192.0.2.44' });
      expect(r.status).toBe(401);
    }
    const locked = await post(t, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'x-forwarded-for': '192.0.2.44' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    expect((await post(t, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'x-forwarded-for': '192.0.2.45' })).status).toBe(200);
    // Neither IPs nor emails are stored in clear.
    const keys = (await t.db.selectFrom('rate_limit_events').select('key').execute()).map((r) => r.key).join(' ');
    expect(keys).not.toMatch(/192\.0\.2|inconnu|exemple/);
  });

  it('by default counts the socket address: forged X-Forwarded-For and cf-connecting-ip headers do not escape the per-IP limit', async () => {
    // A real HTTP server, with the client address built as api/server.ts builds it (TRUST_PROXY unset).
    const t = await authApp({}, clientAddressFor(loadConfig({}).trustProxy, (c) => getConnInfo(c).remote.address ?? null));
    const user = await createUser(t, { password: PASSWORD });
    const server = await listen(t.app);
    try {
      const attempt = (email: string, password: string, i: number) =>
        fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}`, 'cf-connecting-ip': `203.0.113.${i}` },
          body: JSON.stringify({ email, password }),
        });
      for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) expect((await attempt(`inconnu${i}@exemple.fr`, 'mauvais mot de passe', i)).status).toBe(401);
      const locked = await attempt(user.email, PASSWORD, 200);
      expect(locked.status).toBe(429);
      expect((await locked.json()).title).toBe('Trop de tentatives');
    } finally {
      await server.close();
    }
  });

  it('trusts cf-connecting-ip with TRUST_PROXY=cloudflare, and the right X-Forwarded-For entry behind two proxies', async () => {
    const cloudflare = await authApp({ trustProxy: loadConfig({ TRUST_PROXY: 'cloudflare' }).trustProxy });
    const user = await createUser(cloudflare, { password: PASSWORD });
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) {
      // X-Forwarded-For is not what Cloudflare vouches for: changing it does not help.
      await post(cloudflare, '/api/auth/login', { email: `inconnu${i}@exemple.fr`, password: 'faux' }, { 'cf-connecting-ip': '192.0.2.9', 'x-forwarded-for': `10.1.1.${i}` });
    }
    expect((await post(cloudflare, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'cf-connecting-ip': '192.0.2.9' })).status).toBe(429);
    expect((await post(cloudflare, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'cf-connecting-ip': '192.0.2.10' })).status).toBe(200);

    const twoProxies = await authApp({ trustProxy: loadConfig({ TRUST_PROXY: '2' }).trustProxy });
    const other = await createUser(twoProxies, { password: PASSWORD });
    // The client may write anything in front; the outer proxy appends what it saw (192.0.2.50), the inner one the outer proxy.
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) {
      await post(twoProxies, '/api/auth/login', { email: `inconnu${i}@exemple.fr`, password: 'faux' }, { 'x-forwarded-for': `10.2.2.${i}, 192.0.2.50, 172.16.0.2` });
    }
    expect((await post(twoProxies, '/api/auth/login', { email: other.email, password: PASSWORD }, { 'x-forwarded-for': '192.0.2.50, 172.16.0.2' })).status).toBe(429);
    expect((await post(twoProxies, '/api/auth/login', { email: other.email, password: PASSWORD }, { 'x-forwarded-for': '192.0.2.51, 172.16.0.2' })).status).toBe(200);
  });

  it('counts an IPv6 client by its /64 network: changing the interface part does not escape the limit', async () => {
    const cloudflare = await authApp({ trustProxy: loadConfig({ TRUST_PROXY: 'cloudflare' }).trustProxy });
    const user = await createUser(cloudflare, { password: PASSWORD });
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) {
      await post(cloudflare, '/api/auth/login', { email: `inconnu${i}@exemple.fr`, password: 'faux' }, { 'cf-connecting-ip': `2001:db8:1:2::${(i + 1).toString(16)}` });
    }
    expect((await post(cloudflare, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'cf-connecting-ip': '2001:0db8:0001:0002:abcd:ef01:2345:6789' })).status).toBe(429);
    // Another /64 is another subscriber.
    expect((await post(cloudflare, '/api/auth/login', { email: user.email, password: PASSWORD }, { 'cf-connecting-ip': '2001:db8:1:3::1' })).status).toBe(200);
    expect([rateLimitNetwork('::ffff:192.0.2.7'), rateLimitNetwork('192.0.2.7'), rateLimitNetwork('fe80::1%eth0'), rateLimitNetwork('2001:db8::')]).toEqual(['192.0.2.7', '192.0.2.7', 'fe80:0:0:0::/64', '2001:db8:0:0::/64']);
  });

  it('clears the email count after a successful login', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL - 1; i++) await post(t, '/api/auth/login', { email: user.email, password: 'mauvais mot de passe' });
    await login(t, user.email, PASSWORD);
    expect((await post(t, '/api/auth/login', { email: user.email, password: 'mauvais mot de passe' })).status).toBe(401);
    expect((await post(t, '/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(200);
  });

  it(`sends at most ${MAILS_PER_ADDRESS} account mails an hour to one address, without telling`, async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    for (let i = 0; i < MAILS_PER_ADDRESS + 2; i++) expect((await post(t, '/api/auth/password/forgot', { email: user.email })).status).toBe(202);
    expect(await outbox(t)).toHaveLength(MAILS_PER_ADDRESS);
    t.advance(60 * 60 * 1000);
    await post(t, '/api/auth/password/forgot', { email: user.email });
    expect(await outbox(t)).toHaveLength(MAILS_PER_ADDRESS + 1);
  });
});

describe('no user enumeration', () => {
  it('answers sign-up the same way for a new and an existing address, and keeps the existing password', async () => {
    const t = await authApp();
    const existing = await createUser(t, { email: 'deja@exemple.fr', name: 'Déjà Inscrite', password: PASSWORD });
    const fresh = await post(t, '/api/auth/signup', { email: 'nouvelle@exemple.fr', password: 'autre mot de passe', name: 'Nouvelle' });
    const taken = await post(t, '/api/auth/signup', { email: 'Deja@exemple.fr', password: 'autre mot de passe', name: 'Intruse' });
    expect(taken.status).toBe(fresh.status);
    expect(await body(taken)).toEqual(await body(fresh));
    const mails = await outbox(t);
    expect(mails.map((m) => m.to).sort()).toEqual(['deja@exemple.fr', 'nouvelle@exemple.fr']);
    const notice = mails.find((m) => m.to === 'deja@exemple.fr')!;
    expect(notice.subject).toContain('Vous avez déjà un compte');
    expect(notice.text).toContain('Bonjour Déjà Inscrite,');
    expect(notice.text).not.toMatch(/token=/);
    expect((await post(t, '/api/auth/login', { email: existing.email, password: PASSWORD })).status).toBe(200);
    expect((await post(t, '/api/auth/login', { email: existing.email, password: 'autre mot de passe' })).status).toBe(401);
  });

  it('answers "forgot password" and failed logins the same way for known and unknown addresses', async () => {
    const t = await authApp();
    const user = await createUser(t, { password: PASSWORD });
    const known = await post(t, '/api/auth/password/forgot', { email: user.email });
    const unknown = await post(t, '/api/auth/password/forgot', { email: 'personne@exemple.fr' });
    expect(unknown.status).toBe(known.status);
    const [knownBody, unknownBody] = [await body(known), await body(unknown)];
    expect(unknownBody).toEqual(knownBody);
    const wrongPassword = await post(t, '/api/auth/login', { email: user.email, password: 'mauvais mot de passe' });
    const noAccount = await post(t, '/api/auth/login', { email: 'personne@exemple.fr', password: 'mauvais mot de passe' });
    expect(wrongPassword.status).toBe(401);
    expect(noAccount.status).toBe(401);
    const noAccountBody = await body(noAccount);
    expect(noAccountBody).toEqual(await body(wrongPassword));
    expect(noAccountBody).toMatchObject({ title: 'Identifiants incorrects', detail: 'Adresse électronique ou mot de passe incorrect.' });
  });

  it('gives an unverified account’s hint only to whoever knows its password', async () => {
    const t = await authApp();
    await post(t, '/api/auth/signup', { email: 'attente@exemple.fr', password: PASSWORD, name: 'En attente' });
    const r = await post(t, '/api/auth/login', { email: 'attente@exemple.fr', password: 'mauvais mot de passe' });
    expect(r.status).toBe(401);
  });

  it('lets the newest sign-up of an unverified address win: only its link works, with its password', async () => {
    const t = await authApp();
    await post(t, '/api/auth/signup', { email: 'double@exemple.fr', password: 'premier mot de passe', name: 'Premier' });
    await post(t, '/api/auth/signup', { email: 'double@exemple.fr', password: 'second mot de passe', name: 'Second' });
    const [newest, oldest] = await outbox(t);
    expect((await post(t, '/api/auth/verify', { token: tokenIn(oldest) })).status).toBe(400);
    expect((await post(t, '/api/auth/verify', { token: tokenIn(newest) })).status).toBe(200);
    expect((await post(t, '/api/auth/login', { email: 'double@exemple.fr', password: 'premier mot de passe' })).status).toBe(401);
    const r = await post(t, '/api/auth/login', { email: 'double@exemple.fr', password: 'second mot de passe' });
    expect((await body(r)).user.name).toBe('Second');
  });
});

describe('bad bodies', () => {
  async function nothingWritten(t: AuthApp) {
    for (const table of ['users', 'sessions', 'email_tokens', 'mail_outbox', 'rate_limit_events'] as const) expect(await count(t, table), table).toBe(0);
  }

  it('refuses an invalid sign-up with every field path, in French, and writes nothing', async () => {
    const t = await authApp();
    const r = await post(t, '/api/auth/signup', { email: 'pas-une-adresse', password: 'court', name: '  ' });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await body(r);
    expect(problem).toMatchObject({ type: 'about:blank', status: 400, title: 'Données invalides' });
    expect(problem.errors).toEqual([
      { path: 'email', message: 'Adresse e-mail invalide' },
      { path: 'password', message: 'Le mot de passe doit contenir au moins 12 caractères.' },
      { path: 'name', message: 'Indiquez votre nom.' },
    ]);
    await nothingWritten(t);
  });

  it('refuses bodies that are not JSON or miss fields, on every auth route, and writes nothing', async () => {
    const t = await authApp();
    const notJson = await requestAnonymous(t.app, '/api/auth/login', { method: 'POST', body: 'email=a@b.fr', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(400);
    expect((await body(notJson)).errors).toEqual([{ path: '(racine)', message: 'JSON invalide ou absent' }]);
    for (const [path, json, paths] of [
      ['/api/auth/login', {}, ['email', 'password']],
      ['/api/auth/login', { email: 'a@exemple.fr', password: '' }, ['password']],
      ['/api/auth/signup', [], ['(racine)']],
      ['/api/auth/verify', { token: 'court' }, ['token']],
      ['/api/auth/password/forgot', { email: 42 }, ['email']],
      ['/api/auth/password/reset', { token: 'a'.repeat(43) }, ['password']],
    ] as const) {
      const r = await post(t, path, json);
      expect(r.status, path).toBe(400);
      expect((await body(r)).errors.map((e: Json) => e.path), path).toEqual(paths);
    }
    await nothingWritten(t);
  });
});

describe('admin grants', () => {
  it('lets an admin make a coordinator and a structure member, visible in /api/me', async () => {
    const t = await authApp();
    const admin = await createUser(t, { admin: true });
    const camille = await createUser(t);
    const structureId = await upsertStructureBySource(t.db, aStructure({ name: 'Garage solidaire' }), t.now);

    const coord = await admin.request('/api/admin/coordinators', { method: 'POST', json: { email: camille.email, departements: ['47', '2a'] } });
    expect(coord.status).toBe(200);
    expect((await body(coord)).coordinatorDepartements).toEqual(['2A', '47']);
    const member = await admin.request('/api/admin/memberships', { method: 'POST', json: { email: camille.email, structureId, role: 'admin' } });
    expect(member.status).toBe(200);

    const mine = await body(await camille.request('/api/me'));
    expect(mine.roles).toEqual({
      professional: true,
      admin: false,
      memberships: [{ structureId, structureName: 'Garage solidaire', role: 'admin' }],
      coordinatorDepartements: ['2A', '47'],
    });
  });

  it('refuses grants to the anonymous (401) and to non-admins (403), and bad codes (400), writing nothing', async () => {
    const t = await authApp();
    const coordinator = await createUser(t, { coordinatorOf: ['47'] });
    const target = await createUser(t);
    const json = { email: target.email, departements: ['47'] };
    expect((await requestAnonymous(t.app, '/api/admin/coordinators', { method: 'POST', json })).status).toBe(401);
    const forbidden = await coordinator.request('/api/admin/coordinators', { method: 'POST', json });
    expect(forbidden.status).toBe(403);
    expect((await body(forbidden)).detail).toBe('Cette action est réservée aux administrateurs du service.');
    const admin = await createUser(t, { admin: true });
    const bad = await admin.request('/api/admin/coordinators', { method: 'POST', json: { email: target.email, departements: ['47', '20', '99'] } });
    expect(bad.status).toBe(400);
    expect((await body(bad)).errors.map((e: Json) => e.path)).toEqual(['departements.1', 'departements.2']);
    const unknown = await admin.request('/api/admin/memberships', { method: 'POST', json: { email: 'personne@exemple.fr', structureId: 'x', role: 'member' } });
    expect((await body(unknown)).errors).toEqual([{ path: 'email', message: 'Aucun compte n’utilise cette adresse.' }]);
    const rows = await t.db.selectFrom('coordinator_scopes').select('user_id').where('user_id', '=', target.id).execute();
    expect(rows).toEqual([]);
    expect(await count(t, 'memberships')).toBe(0);
  });
});
