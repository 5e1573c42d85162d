/**
 * Sessions: a random 32-byte token in an HttpOnly cookie, only its SHA-256 in the database.
 * A session ends after 14 idle days or 30 days in all, at logout, at a password reset, and is
 * replaced at each login (a token planted before login never becomes a signed-in session).
 * The CSRF token is derived from the session token, so it changes with it and cannot be guessed
 * without it.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from '../app.ts';
import type { AppConfig } from '../config.ts';
import { deleteSession, findSession, insertSession, purgeExpiredSessions, touchSession, type SessionRow } from '../db/sessions.ts';
import { base64url, hmacSha256, randomToken, sha256Hex } from './tokens.ts';

export const SESSION_COOKIE = 'session';
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 14 * DAY;
export const SESSION_ABSOLUTE_MS = 30 * DAY;
/** last_seen_at is written at most this often: one write per hour of activity is precise enough for a 14-day idle limit. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type SessionDeps = Pick<AppDeps, 'db' | 'config' | 'clock'>;

export interface CurrentSession {
  id: string;
  token: string;
  userId: string;
}

export async function csrfTokenFor(sessionToken: string): Promise<string> {
  return base64url(await hmacSha256(sessionToken, 'csrf'));
}

function cookieOptions(config: AppConfig, httpOnly: boolean, maxAgeSeconds: number) {
  return { httpOnly, secure: config.production, sameSite: 'Lax' as const, path: '/', maxAge: maxAgeSeconds };
}

export function sessionTokenOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export function clearSessionCookies(c: Context, config: AppConfig): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: config.production, httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure: config.production, sameSite: 'Lax' });
}

/** The live session behind a cookie token, or null; an expired one is deleted on the way. */
export async function resolveSession(deps: SessionDeps, token: string): Promise<CurrentSession | null> {
  const id = await sha256Hex(token);
  const row = await findSession(deps.db, id);
  if (!row) return null;
  const now = deps.clock();
  if (isExpired(row, now)) {
    await deleteSession(deps.db, id);
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) await touchSession(deps.db, id, now.toISOString());
  return { id, token, userId: row.user_id };
}

function isExpired(row: SessionRow, now: Date): boolean {
  return Date.parse(row.expires_at) <= now.getTime() || Date.parse(row.last_seen_at) + SESSION_IDLE_MS <= now.getTime();
}

/**
 * Opens a new session for the user and sets its cookies; the session the request came with (if any)
 * is deleted first. Returns the CSRF token the client must echo in X-CSRF-Token.
 */
export async function startSession(deps: SessionDeps, c: Context, userId: string, previous: string | undefined): Promise<string> {
  const now = deps.clock();
  if (previous) await deleteSession(deps.db, await sha256Hex(previous));
  await purgeExpiredSessions(deps.db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  const token = randomToken();
  const stamp = now.toISOString();
  await insertSession(deps.db, {
    id: await sha256Hex(token),
    user_id: userId,
    created_at: stamp,
    last_seen_at: stamp,
    expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  const csrf = await csrfTokenFor(token);
  const maxAge = Math.floor(SESSION_ABSOLUTE_MS / 1000);
  setCookie(c, SESSION_COOKIE, token, cookieOptions(deps.config, true, maxAge));
  // Readable by the page's script (double submit); worthless without the HttpOnly session cookie.
  setCookie(c, CSRF_COOKIE, csrf, cookieOptions(deps.config, false, maxAge));
  return csrf;
}

export async function endSession(deps: SessionDeps, c: Context, token: string | undefined): Promise<void> {
  if (token) await deleteSession(deps.db, await sha256Hex(token));
  clearSessionCookies(c, deps.config);
}
