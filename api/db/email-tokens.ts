/** Emailed single-use tokens (verification, password reset, invitation), keyed by the token's SHA-256. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, EmailTokenPurpose, EmailTokenTable } from './schema.ts';

export type EmailTokenRow = Selectable<EmailTokenTable>;

export async function insertEmailToken(db: Kysely<Database>, row: EmailTokenRow): Promise<void> {
  await db.insertInto('email_tokens').values(row).execute();
}

/** The token when it exists, has this purpose, is unused and has not expired. */
export async function findUsableEmailToken(
  db: Kysely<Database>,
  id: string,
  purpose: EmailTokenPurpose,
  now: string,
): Promise<EmailTokenRow | undefined> {
  return db
    .selectFrom('email_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Marks the token used; false when it was already used (two clicks racing on the same link), so
 * only one of them acts.
 */
export async function consumeEmailToken(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('email_tokens').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Voids every pending token of a user for a purpose: only the latest link sent may work. */
export async function voidEmailTokensOfUser(db: Kysely<Database>, userId: string, purpose: EmailTokenPurpose, now: string): Promise<void> {
  await db
    .updateTable('email_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
