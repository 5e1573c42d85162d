/**
 * CSRF protection for cookie-authenticated writes: the request must come from our own pages
 * (Origin equal to PUBLIC_BASE_URL's or the request's, or Sec-Fetch-Site: same-origin) AND echo the
 * session's CSRF token in X-CSRF-Token, equal to the `csrf` cookie (double submit).
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppConfig } from '../config.ts';
import { HttpProblem } from '../http/problem.ts';
import { CSRF_COOKIE, CSRF_HEADER } from './sessions.ts';
import { constantTimeEqualText } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function allowedOrigins(c: Context, config: AppConfig): Set<string> {
  const origins = new Set([new URL(c.req.url).origin]);
  try {
    origins.add(new URL(config.publicBaseUrl).origin);
  } catch {
    // A malformed PUBLIC_BASE_URL only leaves the request's own origin.
  }
  return origins;
}

const foreign = () =>
  new HttpProblem(403, 'Requête refusée', 'Cette requête ne provient pas des pages du service : elle a été bloquée par précaution (protection CSRF).');

/** Positive proof of a same-origin request, required for writes made with a session. */
export function assertSameOrigin(c: Context, config: AppConfig): void {
  if (c.req.header('sec-fetch-site') === 'same-origin') return;
  const origin = c.req.header('origin');
  if (origin && allowedOrigins(c, config).has(origin)) return;
  throw foreign();
}

/**
 * For anonymous writes (login, sign-up): refuse only what a browser marks as coming from another
 * site, so a foreign page cannot sign a visitor into an account of its choosing; scripts without
 * an Origin header still work.
 */
export function assertNotCrossSite(c: Context, config: AppConfig): void {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') throw foreign();
  const origin = c.req.header('origin');
  if (origin !== undefined && !allowedOrigins(c, config).has(origin)) throw foreign();
}

export function assertCsrfToken(c: Context, expected: string): void {
  const header = c.req.header(CSRF_HEADER);
  const cookie = getCookie(c, CSRF_COOKIE);
  if (!header || !cookie || !constantTimeEqualText(header, cookie) || !constantTimeEqualText(header, expected)) {
    throw new HttpProblem(
      403,
      'Jeton CSRF invalide',
      `Le jeton anti-falsification est absent ou ne correspond pas à votre session : rechargez la page puis réessayez (en-tête ${CSRF_HEADER}).`,
    );
  }
}
