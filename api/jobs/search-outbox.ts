/**
 * The search outbox drain: pushes the offers named by due outbox rows to every search index, then
 * deletes those rows. On failure the rows stay, with their attempt count, the error and the next
 * attempt time (exponential backoff, capped): a row is only ever deleted once every index took it.
 * The loop runs in the Node server; the database write never waits for, nor fails with, the engine.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { deleteOutboxRows, dueOutboxRows, markOutboxFailed, type OutboxRow } from '../db/search-outbox.ts';
import type { SearchIndex } from '../../search/port.ts';
import { documentChanges } from '../../search/sync/documents.ts';
import { isSearchUnavailable } from '../../search/service.ts';
import type { Logger } from '../app.ts';
import { serialRunner } from './serial.ts';

export const DEFAULT_DRAIN_BATCH = 500;

export interface DrainOptions {
  /** The time documents are built for (« complet », overdue) and failures are stamped with. */
  now: Date;
  /** Rows due by this instant are taken (default: now). */
  dueBy?: Date;
  /** Rows per pass (default 500). */
  batch?: number;
  /** First retry delay (default 2 s), doubled at each attempt up to maxBackoffMs (default 5 min). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface DrainResult {
  /** Outbox rows done (deleted). */
  done: number;
  /** Outbox rows that failed this time (kept, retried later). */
  failed: number;
  upserted: number;
  removed: number;
  /** First error met, for the caller's log. */
  error?: string;
}

/** Delay before the attempt after `attempts` failures: base × 2^(attempts−1), capped. */
export function backoffMs(attempts: number, base = 2_000, max = 300_000): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

function describe(target: SearchIndex, error: unknown): string {
  return `${target.name} : ${error instanceof Error ? error.message : String(error)}`;
}

/** Pushes to every index, each whatever the others did (so the SQLite fallback stays fresh while Meilisearch is down); throws if one failed. */
async function push(targets: readonly SearchIndex[], offerIds: readonly string[], db: Kysely<Database>, now: Date) {
  const changes = await documentChanges(db, offerIds, now);
  const failures: { target: SearchIndex; error: unknown }[] = [];
  for (const target of targets) {
    try {
      if (changes.upserts.length) await target.upsert(changes.upserts);
      if (changes.removals.length) await target.remove(changes.removals);
    } catch (error) {
      failures.push({ target, error });
    }
  }
  if (failures.length) {
    const message = failures.map((f) => describe(f.target, f.error)).join(' ; ');
    throw Object.assign(new Error(message), { unavailable: failures.some((f) => isSearchUnavailable(f.error)) });
  }
  return changes;
}

export async function drainSearchOutbox(
  db: Kysely<Database>,
  index: SearchIndex | readonly SearchIndex[],
  options: DrainOptions,
): Promise<DrainResult> {
  const targets = Array.isArray(index) ? (index as readonly SearchIndex[]) : [index as SearchIndex];
  const rows = await dueOutboxRows(db, options.dueBy ?? options.now, options.batch ?? DEFAULT_DRAIN_BATCH);
  const result: DrainResult = { done: 0, failed: 0, upserted: 0, removed: 0 };
  if (!rows.length) return result;

  const byOffer = new Map<string, OutboxRow[]>();
  for (const r of rows) byOffer.set(r.offer_id, [...(byOffer.get(r.offer_id) ?? []), r]);

  const succeed = async (ids: readonly string[], changes: { upserts: unknown[]; removals: unknown[] }) => {
    const done = ids.flatMap((id) => byOffer.get(id) ?? []);
    await deleteOutboxRows(db, done.map((r) => r.id));
    result.done += done.length;
    result.upserted += changes.upserts.length;
    result.removed += changes.removals.length;
  };
  const fail = async (ids: readonly string[], error: unknown) => {
    const failed = ids.flatMap((id) => byOffer.get(id) ?? []);
    const message = error instanceof Error ? error.message : String(error);
    result.error ??= message;
    const byAttempts = new Map<number, OutboxRow[]>();
    for (const r of failed) byAttempts.set(r.attempts + 1, [...(byAttempts.get(r.attempts + 1) ?? []), r]);
    for (const [attempts, group] of byAttempts) {
      const delay = backoffMs(attempts, options.baseBackoffMs, options.maxBackoffMs);
      await markOutboxFailed(db, group, { attempts, error: message, nextAttemptAt: new Date(options.now.getTime() + delay) });
    }
    result.failed += failed.length;
  };

  const offerIds = [...byOffer.keys()];
  try {
    await succeed(offerIds, await push(targets, offerIds, db, options.now));
  } catch (error) {
    const unavailable = (error as { unavailable?: boolean }).unavailable === true;
    if (unavailable || offerIds.length === 1) {
      await fail(offerIds, error);
    } else {
      // The engine answered but refused the batch: push offer by offer so one bad document does not hold back the others.
      for (const id of offerIds) {
        try {
          await succeed([id], await push(targets, [id], db, options.now));
        } catch (single) {
          await fail([id], single);
        }
      }
    }
  }
  return result;
}

export interface OutboxLoop {
  /** Drains now (waits for a pass in progress first); resolves with what that pass did. */
  drainNow(): Promise<DrainResult>;
  /** Drains pass after pass until no full batch is due (failed rows wait for their backoff). */
  drainDue(): Promise<void>;
  /**
   * A write was committed that may have queued changes: drain now rather than at the next tick (a
   * pass in progress is followed at once by another, which sees the write). Cheap when called often:
   * calls while a pass is waiting to start or running make one more pass at most.
   */
  wake(): void;
  /** Stops scheduling and waits for the pass in progress. */
  stop(): Promise<void>;
}

/**
 * Drains every `intervalMs` (default 1 s), immediately again while full batches keep coming, and at
 * once when woken after a write (wake).
 * Logs only state changes (failing / caught up), with counts and the engine error, no personal data.
 */
export function startSearchOutboxLoop(options: {
  db: Kysely<Database>;
  targets: readonly SearchIndex[];
  clock: () => Date;
  logger: Logger;
  intervalMs?: number;
  batch?: number;
}): OutboxLoop {
  const interval = options.intervalMs ?? 1_000;
  const batch = options.batch ?? DEFAULT_DRAIN_BATCH;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failing = false;
  /** Woken while the timer's pass was running: it may have read the outbox before the write. */
  let wokenDuringPass = false;

  const pass = async (): Promise<DrainResult> => {
    try {
      const result = await drainSearchOutbox(options.db, options.targets, { now: options.clock(), batch });
      if (result.failed && !failing) options.logger.error('search outbox: push failed, will retry', { failed: result.failed, error: result.error });
      if (!result.failed && result.done && failing) options.logger.info('search outbox: caught up again', { done: result.done });
      if (result.failed) failing = true;
      else if (result.done) failing = false;
      return result;
    } catch (error) {
      // The database itself failed (locked, closed): try again at the next tick.
      options.logger.error('search outbox: drain failed', { error: String(error) });
      return { done: 0, failed: 0, upserted: 0, removed: 0, error: String(error) };
    }
  };

  const runner = serialRunner(pass);
  const run = () => runner.run();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      timer = undefined;
      wokenDuringPass = false;
      const result = await run();
      schedule(wokenDuringPass || result.done + result.failed >= batch ? 0 : interval);
    }, delay);
  };
  schedule(0);

  return {
    drainNow: run,
    async drainDue() {
      for (;;) {
        const r = await run();
        if (r.done + r.failed < batch) return;
      }
    },
    wake() {
      if (stopped) return;
      if (timer === undefined) {
        wokenDuringPass = true;
        return;
      }
      clearTimeout(timer);
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await runner.current();
    },
  };
}
