/**
 * Single-use links sent by mail (verification, password reset, invitation): 32 random bytes in the
 * link, only their SHA-256 stored, an expiry, and consumption that only one click can win.
 */
import type { AppDeps } from '../app.ts';
import type { EmailTokenPurpose, MembershipRole } from '../db/schema.ts';
import { consumeEmailToken, findUsableEmailToken, insertEmailToken, voidEmailTokensOfUser, type EmailTokenRow } from '../db/email-tokens.ts';
import { normalizeEmail } from '../db/users.ts';
import { randomToken, sha256Hex } from './tokens.ts';

const HOUR = 60 * 60 * 1000;
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify: 48 * HOUR,
  reset: 1 * HOUR,
  invite: 14 * 24 * HOUR,
};

export type EmailTokenDeps = Pick<AppDeps, 'db' | 'clock'>;

export interface EmailTokenRequest {
  purpose: EmailTokenPurpose;
  email: string;
  userId?: string | null;
  structureId?: string | null;
  role?: MembershipRole | null;
  createdBy?: string | null;
  /** Void the user's earlier pending links of the same purpose (verification, reset). */
  replacePrevious?: boolean;
}

/** Stores a new token and returns it in clear, for the link in the mail. */
export async function issueEmailToken(deps: EmailTokenDeps, request: EmailTokenRequest): Promise<string> {
  const now = deps.clock();
  if (request.replacePrevious && request.userId) await voidEmailTokensOfUser(deps.db, request.userId, request.purpose, now.toISOString());
  const token = randomToken();
  await insertEmailToken(deps.db, {
    id: await sha256Hex(token),
    purpose: request.purpose,
    user_id: request.userId ?? null,
    email: normalizeEmail(request.email),
    structure_id: request.structureId ?? null,
    role: request.role ?? null,
    created_by: request.createdBy ?? null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + EMAIL_TOKEN_TTL_MS[request.purpose]).toISOString(),
    used_at: null,
  });
  return token;
}

/** The token's row if it is valid for this purpose, consumed on the way; null otherwise. */
export async function redeemEmailToken(deps: EmailTokenDeps, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | null> {
  const now = deps.clock().toISOString();
  const id = await sha256Hex(token);
  const row = await findUsableEmailToken(deps.db, id, purpose, now);
  if (!row) return null;
  return (await consumeEmailToken(deps.db, id, now)) ? row : null;
}

/** Checks a token without consuming it (e.g. to show an invitation before it is accepted). */
export async function peekEmailToken(deps: EmailTokenDeps, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | null> {
  return (await findUsableEmailToken(deps.db, await sha256Hex(token), purpose, deps.clock().toISOString())) ?? null;
}
