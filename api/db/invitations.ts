/**
 * Invitations to a structure are `email_tokens` rows with purpose 'invite' (structure_id, role,
 * created_by): see auth/email-tokens.ts for issuing and redeeming them. Here: what a structure's
 * admins see of the invitations still open.
 */
import type { Kysely } from 'kysely';
import type { Database, MembershipRole } from './schema.ts';

export interface PendingInvitation {
  email: string;
  role: MembershipRole;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
}

export async function pendingInvitations(db: Kysely<Database>, structureId: string, now: Date): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('email_tokens')
    .leftJoin('users', 'users.id', 'email_tokens.created_by')
    .select(['email_tokens.email', 'email_tokens.role', 'users.name as invited_by', 'email_tokens.created_at', 'email_tokens.expires_at'])
    .where('email_tokens.structure_id', '=', structureId)
    .where('email_tokens.purpose', '=', 'invite')
    .where('email_tokens.used_at', 'is', null)
    .where('email_tokens.expires_at', '>', now.toISOString())
    .orderBy('email_tokens.created_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role ?? 'member' }));
}

/** Voids the open invitations of an address to a structure (only the latest link sent works; revoking voids them all); returns how many. */
export async function voidInvitations(db: Kysely<Database>, structureId: string, email: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('email_tokens')
    .set({ used_at: now.toISOString() })
    .where('structure_id', '=', structureId)
    .where('purpose', '=', 'invite')
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
