/**
 * The search outbox: offer ids whose search document must be rebuilt. Rows are written in the same
 * transaction as the offer or structure write (see offers.ts, structures.ts) and removed by the drain
 * (api/jobs/search-outbox.ts) only once every index has taken the change.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './schema.ts';
import { chunks } from './chunks.ts';
import { overdueCutoffs, UPDATE_FREQUENCIES } from '../domain/offer.ts';

export interface OutboxRow {
  id: number;
  offer_id: string;
  attempts: number;
}

export async function enqueueOffer(db: Kysely<Database>, offerId: string, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await db.insertInto('search_outbox').values({ offer_id: offerId, enqueued_at: stamp, next_attempt_at: stamp }).execute();
}

/** Every offer of the structure (its name and status are in their documents). */
export async function enqueueOffersOfStructure(db: Kysely<Database>, structureId: string, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await db
    .insertInto('search_outbox')
    .columns(['offer_id', 'enqueued_at', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom('offers')
        .select((s) => ['offers.id', s.val(stamp).as('enqueued_at'), s.val(stamp).as('next_attempt_at')])
        .where('offers.structure_id', '=', structureId),
    )
    .execute();
}

type OfferCondition = (eb: ExpressionBuilder<Database, 'offers'>) => Expression<SqlBool>;

/**
 * Enqueues the searchable (published or suspended) offers meeting `condition`, leaving those already
 * waiting in the outbox as they are. Returns how many were enqueued.
 */
async function enqueueSearchableOffersWhere(db: Kysely<Database>, condition: OfferCondition, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const result = await db
    .insertInto('search_outbox')
    .columns(['offer_id', 'enqueued_at', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom('offers')
        .select((s) => ['offers.id', s.val(stamp).as('enqueued_at'), s.val(stamp).as('next_attempt_at')])
        .where('offers.status', 'in', ['published', 'suspended'])
        .where(condition)
        .where((w) => w.not(w.exists(w.selectFrom('search_outbox').select('search_outbox.id').whereRef('search_outbox.offer_id', '=', 'offers.id')))),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * The searchable offers with a session whose last day was `day`: whether they are « complet » (a
 * document's `full`, api/domain/capacity.ts) may have changed with it, as it reads the sessions to
 * come. Returns how many were enqueued.
 */
export function enqueueOffersWithSessionEndedOn(db: Kysely<Database>, day: string, now: Date): Promise<number> {
  return enqueueSearchableOffersWhere(
    db,
    (w) =>
      w.exists(
        w
          .selectFrom('offer_sessions')
          .select('offer_sessions.id')
          .whereRef('offer_sessions.offer_id', '=', 'offers.id')
          .where((x) => x(x.fn.coalesce('offer_sessions.ends_on', 'offer_sessions.starts_on'), '=', day)),
      ),
    now,
  );
}

/**
 * The searchable offers that fell due for confirmation after `since` and by `now` (the same cutoffs
 * as isOverdue): their documents were built « up to date » and must now say overdue (search ranks
 * those lower). Returns how many were enqueued.
 */
export function enqueueOffersFallenDue(db: Kysely<Database>, since: Date, now: Date): Promise<number> {
  const [from, to] = [overdueCutoffs(since), overdueCutoffs(now)];
  return enqueueSearchableOffersWhere(
    db,
    (w) => {
      const last = w.fn.coalesce('offers.confirmed_at', 'offers.updated_on');
      return w.or(UPDATE_FREQUENCIES.map((months) => w.and([w('offers.update_frequency_months', '=', months), w(last, '>=', from[months]), w(last, '<', to[months])])));
    },
    now,
  );
}

/** Rows due at `now`, oldest first. */
export async function dueOutboxRows(db: Kysely<Database>, now: Date, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('search_outbox')
    .select(['id', 'offer_id', 'attempts'])
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function deleteOutboxRows(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  for (const part of chunks(ids)) await db.deleteFrom('search_outbox').where('id', 'in', part).execute();
}

/** Deletes the rows up to `maxId` (a full reindex covered them). */
export async function deleteOutboxUpTo(db: Kysely<Database>, maxId: number): Promise<void> {
  await db.deleteFrom('search_outbox').where('id', '<=', maxId).execute();
}

export async function maxOutboxId(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('search_outbox').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(r?.max ?? 0);
}

export async function markOutboxFailed(
  db: Kysely<Database>,
  rows: readonly Pick<OutboxRow, 'id'>[],
  update: { attempts: number; error: string; nextAttemptAt: Date },
): Promise<void> {
  const ids = rows.map((r) => r.id);
  for (const part of chunks(ids)) {
    await db
      .updateTable('search_outbox')
      .set({ attempts: update.attempts, last_error: update.error.slice(0, 500), next_attempt_at: update.nextAttemptAt.toISOString() })
      .where('id', 'in', part)
      .execute();
  }
}

export interface OutboxStats {
  pending: number;
  /** Seconds since the oldest pending row was enqueued (0 when empty). */
  oldest_age_s: number;
  /** Rows that failed at least once. */
  failing: number;
  /** Last error of the most recently failed row, for operators. */
  last_error?: string;
}

export async function outboxStats(db: Kysely<Database>, now: Date): Promise<OutboxStats> {
  const r = await db
    .selectFrom('search_outbox')
    .select((eb) => [
      eb.fn.countAll<number>().as('pending'),
      eb.fn.min('enqueued_at').as('oldest'),
      sql<number>`sum(case when attempts > 0 then 1 else 0 end)`.as('failing'),
    ])
    .executeTakeFirstOrThrow();
  const stats: OutboxStats = {
    pending: Number(r.pending),
    oldest_age_s: r.oldest ? Math.max(0, Math.round((now.getTime() - new Date(r.oldest).getTime()) / 1000)) : 0,
    failing: Number(r.failing ?? 0),
  };
  if (stats.failing) {
    const last = await db
      .selectFrom('search_outbox')
      .select('last_error')
      .where('attempts', '>', 0)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.last_error) stats.last_error = last.last_error;
  }
  return stats;
}
