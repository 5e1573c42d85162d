/** Secrets the server generates for itself on first use (e.g. the key that hashes IPs for rate limits). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The named secret, created with `generate()` the first time; concurrent first calls agree on one value. */
export async function serverSecret(db: Kysely<Database>, name: string, generate: () => string, now: Date): Promise<string> {
  const existing = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('server_secrets')
    .values({ name, value: generate(), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
