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

export interface UnmetNeedTotal {
  commune_code: string;
  barrier: string;
  count: number;
}

/** Unmet needs recorded in a département's communes between two days (YYYY-MM-DD, both included), per commune and barrier. */
export async function unmetNeedsOfDepartement(db: Kysely<Database>, departement: string, from: string, to: string): Promise<UnmetNeedTotal[]> {
  const rows = await db
    .selectFrom('unmet_needs')
    .select((eb) => ['commune_code', 'barrier', eb.fn.sum<number>('count').as('count')])
    .where('commune_code', 'in', (eb) => eb.selectFrom('communes').select('code').where('departement_code', '=', departement))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['commune_code', 'barrier'])
    .execute();
  return rows.map((r) => ({ commune_code: r.commune_code, barrier: r.barrier, count: Number(r.count) }));
}
