/**
 * Writes to the engine's tables. Each chunk of documents travels as ONE JSON parameter expanded by
 * json_each, so a write is a few statements per chunk whatever its size.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import type { SearchDocument } from '../document.ts';
import { indexRow, type IndexRow } from './rows.ts';
import { TEXT_INDEX_STATEMENTS } from './schema.ts';

const CHUNK = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The last version of each id wins, as if the documents had been upserted one by one. */
export function lastOfEachId(documents: readonly SearchDocument[]): SearchDocument[] {
  return [...new Map(documents.map((d) => [d.id, d])).values()];
}

/**
 * Deletes these ids (unless `fresh`: the tables were just emptied) then inserts the documents; call
 * inside a transaction. `written` is told the row id each document was stored under (the FTS rowid,
 * and the memory index's key) with the row, so the caller need not work the texts out again.
 */
export async function writeDocuments(
  db: Kysely<Database>,
  documents: readonly SearchDocument[],
  options: { fresh?: boolean; written?: (rid: number, doc: SearchDocument, row: IndexRow) => void } = {},
): Promise<void> {
  for (const chunk of chunks(documents, CHUNK)) {
    const rids = new Map<string, number>();
    if (!options.fresh) await deleteDocuments(db, chunk.map((d) => d.id));
    const rows = chunk.map(indexRow);
    const { rows: inserted } = await sql<{ rid: number; id: string }>`
      INSERT INTO search_documents (id, lean, texts)
      SELECT r.value ->> 0, r.value ->> 1, r.value ->> 2 FROM json_each(${JSON.stringify(rows.map((r) => [r.id, r.lean, r.texts]))}) r
      RETURNING rid, id`.execute(db);
    for (const r of inserted) rids.set(r.id, r.rid);
    const texts = rows.map((r) => [rids.get(r.id)!, ...r.text]);
    await sql`
      INSERT INTO search_fts (rowid, name, labels, structure, description)
      SELECT t.value ->> 0, t.value ->> 1, t.value ->> 2, t.value ->> 3, t.value ->> 4 FROM json_each(${JSON.stringify(texts)}) t`.execute(db);
    if (options.written) chunk.forEach((doc, k) => options.written!(rids.get(doc.id)!, doc, rows[k]!));
  }
}

export async function deleteDocuments(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids, CHUNK)) {
    const list = JSON.stringify(chunk);
    await sql`DELETE FROM search_fts WHERE rowid IN (SELECT rid FROM search_documents WHERE id IN (SELECT value FROM json_each(${list})))`.execute(db);
    await sql`DELETE FROM search_documents WHERE id IN (SELECT value FROM json_each(${list}))`.execute(db);
  }
}

/** Empties the tables; the FTS index is dropped and created again, far faster than deleting its rows. */
export async function deleteAllDocuments(db: Kysely<Database>): Promise<void> {
  await sql`DROP TABLE IF EXISTS search_fts_vocab`.execute(db);
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  for (const statement of TEXT_INDEX_STATEMENTS) await sql.raw(statement).execute(db);
  await sql`DELETE FROM search_documents`.execute(db);
}

/** FTS5's default: merge segments as they pile up, a little at every write. */
const AUTOMERGE = 4;

/**
 * A bulk load into the (new, empty) FTS index: segments are not merged while it fills, but once,
 * at the end (`optimize`: queries then read one b-tree); and SQLite keeps more pages in memory
 * meanwhile, so the new b-trees are not written out and read back before the commit. Call inside
 * the transaction.
 */
export async function bulkTextLoad(db: Kysely<Database>, load: () => Promise<void>): Promise<void> {
  const { rows } = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  await sql`PRAGMA cache_size = -131072`.execute(db);
  try {
    await sql`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)`.execute(db);
    await load();
    await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
    await sql`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ${sql.lit(AUTOMERGE)})`.execute(db);
  } finally {
    await sql.raw(`PRAGMA cache_size = ${Number(rows[0]?.cache_size ?? -2000)}`).execute(db);
  }
}
