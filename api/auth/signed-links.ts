/**
 * Signed, expiring, single-purpose links for people without an account (a structure answering an
 * orientation, confirming an offer from the monthly mail). The token is "<expiry>.<signature>", where
 * the signature is an HMAC-SHA256 over (purpose, subject id, expiry) with a server key: the link only
 * works for that purpose, on that orientation or offer, until that time. Nothing is stored, so a
 * database leak gives no usable link; changing SESSION_SECRET (or the generated key) voids them all.
 */
import type { AppDeps } from '../app.ts';
import { serverSecret } from '../db/server-secrets.ts';
import { base64url, constantTimeEqualText, hmacSha256, randomToken } from './tokens.ts';

export type LinkPurpose = 'orientation-answer' | 'offer-confirm';

const DAY_MS = 86_400_000;

export const LINK_TTL_DAYS: Readonly<Record<LinkPurpose, number>> = {
  'orientation-answer': 8,
  // The monthly digest's links last until the next digest, and a little more.
  'offer-confirm': 40,
};

export type LinkDeps = Pick<AppDeps, 'db' | 'config' | 'clock'>;

export type LinkCheck = 'valid' | 'expired' | 'invalid';

async function linkKey(deps: LinkDeps): Promise<string> {
  // One secret, several uses: the links get a key of their own derived from it.
  const secret = deps.config.sessionSecret ?? (await serverSecret(deps.db, 'signed-links-key', randomToken, deps.clock()));
  return base64url(await hmacSha256(secret, 'signed-links-v1'));
}

async function signature(key: string, purpose: LinkPurpose, subjectId: string, expiry: number): Promise<string> {
  return base64url(await hmacSha256(key, `${purpose}\n${subjectId}\n${expiry}`));
}

/** A new token for `purpose` on `subjectId`, valid LINK_TTL_DAYS from now. */
export async function signLink(deps: LinkDeps, purpose: LinkPurpose, subjectId: string): Promise<{ token: string; expiresAt: string }> {
  const expiry = Math.floor((deps.clock().getTime() + LINK_TTL_DAYS[purpose] * DAY_MS) / 1000);
  return { token: `${expiry}.${await signature(await linkKey(deps), purpose, subjectId, expiry)}`, expiresAt: new Date(expiry * 1000).toISOString() };
}

/**
 * 'valid', 'expired' (a genuine link past its date: its holder may ask for a fresh one), or
 * 'invalid' (forged, altered, or signed for another purpose or another orientation/offer).
 */
export async function checkLink(deps: LinkDeps, purpose: LinkPurpose, subjectId: string, token: string): Promise<LinkCheck> {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return 'invalid';
  const expiry = Number(match[1]);
  const expected = await signature(await linkKey(deps), purpose, subjectId, expiry);
  if (!constantTimeEqualText(expected, match[2]!)) return 'invalid';
  return expiry * 1000 > deps.clock().getTime() ? 'valid' : 'expired';
}
