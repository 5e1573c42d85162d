/** Sliding-window event log for rate limits (keys are hashes, never clear IPs or emails). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export async function recordRateEvents(db: Kysely<Database>, keys: readonly string[], at: string): Promise<void> {
  if (!keys.length) return;
  await db.insertInto('rate_limit_events').values(keys.map((key) => ({ key, at }))).execute();
}

/** Number of events of the key since `since`, and the oldest of them (to compute Retry-After). */
export async function rateEventsSince(db: Kysely<Database>, key: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('rate_limit_events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
}

export async function clearRateEvents(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('key', '=', key).execute();
}

export async function purgeRateEvents(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('at', '<=', before).execute();
}
