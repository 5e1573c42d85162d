/**
 * Writes to the engine's tables. Each chunk of documents travels as ONE JSON parameter expanded by
 * json_each, so a write is a few statements per chunk whatever its size.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import type { SearchDocument } from '../document.ts';
import { indexRow } from './rows.ts';

const CHUNK = 500;

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
 * Deletes these ids then inserts the documents; call inside a transaction. Returns the row id each
 * document was stored under (the FTS rowid, and the memory index's key).
 */
export async function writeDocuments(db: Kysely<Database>, documents: readonly SearchDocument[]): Promise<Map<string, number>> {
  const rids = new Map<string, number>();
  for (const chunk of chunks(documents, CHUNK)) {
    await deleteDocuments(db, chunk.map((d) => d.id));
    const rows = JSON.stringify(chunk.map(indexRow));
    const { rows: inserted } = await sql<{ rid: number; id: string }>`
      INSERT INTO search_documents (id, lean, texts)
      SELECT r.value ->> '$.id', r.value ->> '$.lean', r.value ->> '$.texts' FROM json_each(${rows}) r
      RETURNING rid, id`.execute(db);
    for (const r of inserted) rids.set(r.id, r.rid);
    await sql`
      INSERT INTO search_fts (rowid, name, labels, structure, description)
      SELECT d.rid, r.value ->> '$.text[0]', r.value ->> '$.text[1]', r.value ->> '$.text[2]', r.value ->> '$.text[3]'
      FROM json_each(${rows}) r
      JOIN search_documents d ON d.id = r.value ->> '$.id'`.execute(db);
  }
  return rids;
}

export async function deleteDocuments(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids, CHUNK)) {
    const list = JSON.stringify(chunk);
    await sql`DELETE FROM search_fts WHERE rowid IN (SELECT rid FROM search_documents WHERE id IN (SELECT value FROM json_each(${list})))`.execute(db);
    await sql`DELETE FROM search_documents WHERE id IN (SELECT value FROM json_each(${list}))`.execute(db);
  }
}

export async function deleteAllDocuments(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM search_fts`.execute(db);
  await sql`DELETE FROM search_documents`.execute(db);
}

/** Merges the FTS index segments after a bulk load, so queries read one b-tree. */
export async function optimizeTextIndex(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
}
