/**
 * Unmet needs: how many matches found nothing for a barrier in a commune on a day. Anonymous by
 * construction: the table has no other column, so nothing about the person can be stored.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export async function recordUnmetNeeds(db: Kysely<Database>, communeCode: string, barriers: readonly string[], day: string): Promise<void> {
  if (!barriers.length) return;
  await db
    .insertInto('unmet_needs')
    .values(barriers.map((barrier) => ({ commune_code: communeCode, barrier, day })))
    .onConflict((oc) => oc.columns(['commune_code', 'barrier', 'day']).doUpdateSet({ count: sql`unmet_needs.count + 1` }))
    .execute();
}
