/**
 * Login throttling and mail quotas, stored in the database (so they hold across Workers isolates and
 * Node restarts) as a sliding log of events. Keys are keyed hashes of the IP or email: the
 * database never holds who tried what.
 */
import type { AppDeps } from '../app.ts';
import { clearRateEvents, purgeRateEvents, rateEventsSince, recordRateEvents } from '../db/rate-limits.ts';
import { serverSecret } from '../db/server-secrets.ts';
import { normalizeEmail } from '../db/users.ts';
import { base64url, hmacSha256, randomToken } from './tokens.ts';

export type RateLimitDeps = Pick<AppDeps, 'db' | 'config' | 'clock'>;

const MINUTE = 60_000;
export const LOGIN_WINDOW_MS = 15 * MINUTE;
/** Failed logins allowed per email within the window. */
export const LOGIN_FAILURES_PER_EMAIL = 10;
/** Higher than per email: a whole office or mairie may share one address. */
export const LOGIN_FAILURES_PER_IP = 30;
export const MAIL_WINDOW_MS = 60 * MINUTE;
/** Account mails (verification, reset, "already have an account") sent to one address within the window. */
export const MAILS_PER_ADDRESS = 5;
/** Events older than the longest window are useless. */
const RETENTION_MS = Math.max(LOGIN_WINDOW_MS, MAIL_WINDOW_MS);

async function keyedHash(deps: RateLimitDeps, value: string): Promise<string> {
  const secret = deps.config.sessionSecret ?? (await serverSecret(deps.db, 'rate-limit-key', randomToken, deps.clock()));
  return base64url(await hmacSha256(secret, value)).slice(0, 32);
}

export interface LoginKeys {
  email: string;
  ip: string | null;
}

export async function loginKeys(deps: RateLimitDeps, email: string, ip: string | null): Promise<LoginKeys> {
  return {
    email: `login:email:${await keyedHash(deps, normalizeEmail(email))}`,
    // Without a known address there is no fair bucket: every client would share one.
    ip: ip ? `login:ip:${await keyedHash(deps, ip)}` : null,
  };
}

/** Seconds until another attempt is allowed, or 0 when login may proceed. */
export async function loginRetryAfter(deps: RateLimitDeps, keys: LoginKeys): Promise<number> {
  const now = deps.clock().getTime();
  const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
  const limits: Array<[string, number]> = [[keys.email, LOGIN_FAILURES_PER_EMAIL]];
  if (keys.ip) limits.push([keys.ip, LOGIN_FAILURES_PER_IP]);
  let wait = 0;
  for (const [key, limit] of limits) {
    const { count, oldest } = await rateEventsSince(deps.db, key, since);
    if (count >= limit && oldest) wait = Math.max(wait, Math.ceil((Date.parse(oldest) + LOGIN_WINDOW_MS - now) / 1000));
  }
  return wait > 0 ? wait : 0;
}

/** Records events and drops the ones no window looks at any more, so the table stays small. */
async function record(deps: RateLimitDeps, keys: string[]): Promise<void> {
  const now = deps.clock();
  await purgeRateEvents(deps.db, new Date(now.getTime() - RETENTION_MS).toISOString());
  await recordRateEvents(deps.db, keys, now.toISOString());
}

export async function recordLoginFailure(deps: RateLimitDeps, keys: LoginKeys): Promise<void> {
  await record(deps, keys.ip ? [keys.email, keys.ip] : [keys.email]);
}

/** The right password ends the email's count (not the IP's: an attacker could interleave their own account). */
export async function clearLoginFailures(deps: RateLimitDeps, email: string): Promise<void> {
  await clearRateEvents(deps.db, (await loginKeys(deps, email, null)).email);
}

/** True (and counted) when another account mail may go to this address; false means drop it silently. */
export async function takeMailQuota(deps: RateLimitDeps, email: string): Promise<boolean> {
  const now = deps.clock();
  const key = `mail:${await keyedHash(deps, normalizeEmail(email))}`;
  const { count } = await rateEventsSince(deps.db, key, new Date(now.getTime() - MAIL_WINDOW_MS).toISOString());
  if (count >= MAILS_PER_ADDRESS) return false;
  await record(deps, [key]);
  return true;
}

/** Anonymous writes (error reports) counted per hour: keep the windows within RETENTION_MS. */
export const ANONYMOUS_WRITE_WINDOW_MS = 60 * MINUTE;

/**
 * True (and counted) when `bucket` may take one more event for `value` (an IP, an offer id) within
 * the last hour; false when `limit` events were already taken. The value is stored as a keyed hash.
 */
export async function takeHourlyQuota(deps: RateLimitDeps, bucket: string, value: string, limit: number): Promise<boolean> {
  const now = deps.clock();
  const key = `${bucket}:${await keyedHash(deps, value)}`;
  const { count } = await rateEventsSince(deps.db, key, new Date(now.getTime() - ANONYMOUS_WRITE_WINDOW_MS).toISOString());
  if (count >= limit) return false;
  await record(deps, [key]);
  return true;
}
