import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `fn` in the caller's transaction when there is one, else in a new one, so a repository write
 * and what must go with it (the search outbox row) commit or roll back together.
 */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
