/**
 * Writes to the engine's tables. Each chunk of documents travels as ONE JSON parameter expanded by
 * json_each, so a write is three statements per chunk whatever the number of values, and stays
 * under D1's bound-parameter limit.
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
function lastOfEachId(documents: readonly SearchDocument[]): SearchDocument[] {
  return [...new Map(documents.map((d) => [d.id, d])).values()];
}

/** Deletes these ids then inserts the documents; call inside a transaction. */
export async function writeDocuments(db: Kysely<Database>, documents: readonly SearchDocument[]): Promise<void> {
  for (const chunk of chunks(lastOfEachId(documents), CHUNK)) {
    await deleteDocuments(db, chunk.map((d) => d.id));
    await insertRows(db, JSON.stringify(chunk.map(indexRow)));
  }
}

async function insertRows(db: Kysely<Database>, rows: string): Promise<void> {
  await sql`
    INSERT INTO search_documents
      (id, document, type, fees, departement_code, lat, lon, age_min, age_max, publics_open, zone_open, remote, on_site, commune_code, suspended_until, facets)
    SELECT r.value ->> '$.id', r.value ->> '$.document', r.value ->> '$.type', r.value ->> '$.fees',
      r.value ->> '$.departement_code', r.value ->> '$.lat', r.value ->> '$.lon', r.value ->> '$.age_min',
      r.value ->> '$.age_max', r.value ->> '$.publics_open', r.value ->> '$.zone_open', r.value ->> '$.remote',
      r.value ->> '$.on_site', r.value ->> '$.commune_code', r.value ->> '$.suspended_until', r.value ->> '$.facets'
    FROM json_each(${rows}) r`.execute(db);
  await sql`
    INSERT INTO search_values (field, value, rid)
    SELECT v.value ->> 0, v.value ->> 1, d.rid
    FROM json_each(${rows}) r
    JOIN search_documents d ON d.id = r.value ->> '$.id'
    JOIN json_each(r.value, '$.values') v`.execute(db);
  await sql`
    INSERT INTO search_fts (rowid, name, labels, structure, description)
    SELECT d.rid, r.value ->> '$.text[0]', r.value ->> '$.text[1]', r.value ->> '$.text[2]', r.value ->> '$.text[3]'
    FROM json_each(${rows}) r
    JOIN search_documents d ON d.id = r.value ->> '$.id'`.execute(db);
}

export async function deleteDocuments(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids, CHUNK)) {
    const list = JSON.stringify(chunk);
    const rids = sql`SELECT rid FROM search_documents WHERE id IN (SELECT value FROM json_each(${list}))`;
    await sql`DELETE FROM search_fts WHERE rowid IN (${rids})`.execute(db);
    await sql`DELETE FROM search_values WHERE rid IN (${rids})`.execute(db);
    await sql`DELETE FROM search_documents WHERE id IN (SELECT value FROM json_each(${list}))`.execute(db);
  }
}

export async function deleteAllDocuments(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM search_fts`.execute(db);
  await sql`DELETE FROM search_values`.execute(db);
  await sql`DELETE FROM search_documents`.execute(db);
}

/** Merges the FTS index segments after a bulk load, so queries read one b-tree. */
export async function optimizeTextIndex(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
}
