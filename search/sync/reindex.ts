/**
 * Full rebuild of the search indexes from the database (CLI `reindex`, a new engine, a lost index).
 * Outbox rows enqueued before the read started are covered by it and removed; later ones stay for the drain.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { deleteOutboxUpTo, maxOutboxId } from '../../api/db/search-outbox.ts';
import { SEARCHABLE_OFFER_STATUSES, type SearchDocument } from '../document.ts';
import type { SearchIndex } from '../port.ts';
import { allSearchDocuments } from './documents.ts';

export interface ReindexProgress {
  step: 'read' | 'index';
  /** Documents read so far (read), or the engine being filled (index). */
  documents: number;
  engine?: string;
}

export interface ReindexResult {
  documents: number;
  ms: number;
  /** Milliseconds per engine. */
  engines: Record<string, number>;
}

export async function reindex(
  db: Kysely<Database>,
  index: SearchIndex | readonly SearchIndex[],
  options: {
    onProgress?: (p: ReindexProgress) => void;
    /** Remove the outbox rows the rebuild covers (default true); false when other indexes still need them. */
    clearOutbox?: boolean;
    /** The time the documents are built for (« complet » is judged on its day, overdue at the instant); default: now. */
    now?: Date;
  } = {},
): Promise<ReindexResult> {
  const targets = Array.isArray(index) ? (index as readonly SearchIndex[]) : [index as SearchIndex];
  const started = Date.now();
  const coveredUpTo = await maxOutboxId(db);
  const documents: SearchDocument[] = [];
  for await (const page of allSearchDocuments(db, options.now ?? new Date())) {
    documents.push(...page);
    options.onProgress?.({ step: 'read', documents: documents.length });
  }
  const engines: Record<string, number> = {};
  for (const target of targets) {
    options.onProgress?.({ step: 'index', documents: documents.length, engine: target.name });
    const t0 = Date.now();
    await target.reindex(documents);
    engines[target.name] = Date.now() - t0;
  }
  if (options.clearOutbox !== false) await deleteOutboxUpTo(db, coveredUpTo);
  return { documents: documents.length, ms: Date.now() - started, engines };
}

/**
 * At start: an index that is reachable but empty while the catalogue has searchable offers (first
 * start with this engine, a lost Meilisearch volume) is rebuilt; the outbox only carries changes.
 * Returns the names of the engines rebuilt.
 */
export async function reindexEmptyTargets(
  db: Kysely<Database>,
  targets: readonly SearchIndex[],
  options: { onProgress?: (p: ReindexProgress) => void } = {},
): Promise<string[]> {
  const searchable = await db
    .selectFrom('offers')
    .innerJoin('structures', 'structures.id', 'offers.structure_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('offers.status', 'in', SEARCHABLE_OFFER_STATUSES)
    .where('structures.status', '=', 'validated')
    .executeTakeFirstOrThrow();
  if (Number(searchable.n) === 0) return [];
  const empty: SearchIndex[] = [];
  for (const target of targets) {
    const health = await target.health().catch(() => null);
    if (health?.ok && health.documents === 0) empty.push(target);
  }
  // The outbox rows also feed the indexes that were not rebuilt (e.g. Meilisearch down at start): keep them then.
  if (empty.length) await reindex(db, empty, { ...options, clearOutbox: empty.length === targets.length });
  return empty.map((t) => t.name);
}
