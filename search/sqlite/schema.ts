/**
 * The embedded engine's own tables, beside the catalogue in the same database. They hold only
 * derived data (rebuilt by a reindex), so they are created on start rather than by a migration:
 * - search_documents: one row per document: its lean JSON (what filters, ranking and summaries
 *   read; loaded into memory, see memory.ts) and its long texts (description...) apart;
 * - search_fts: the FTS5 index of the document text (contentless), rowid = search_documents.rid;
 * - search_fts_vocab: the FTS5 vocabulary, where typo tolerance finds its candidate words;
 * - search_meta: the format of what is stored, and a generation counter every write moves on, so
 *   an engine sees that another process (a `reindex`) changed the index and reloads its memory.
 *   A database indexed in another format has its search tables dropped and recreated empty, and
 *   the next start (or `reindex`) refills them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';

/** FTS5 columns, in table order, with their bm25 weights: a word in the name counts most. */
export const FTS_COLUMNS = [
  { name: 'name', weight: 10 },
  { name: 'labels', weight: 5 },
  { name: 'structure', weight: 3 },
  { name: 'description', weight: 1 },
] as const;

/**
 * The FTS5 index and its vocabulary (prefix indexes for the word being typed: 2 to 4 letters).
 * Contentless: nothing reads the indexed text back (the documents are in search_documents), so it
 * is not stored twice; rows are still deleted by rowid (`contentless_delete`).
 */
export const TEXT_INDEX_STATEMENTS = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    ${FTS_COLUMNS.map((c) => c.name).join(', ')},
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4',
    content = '',
    contentless_delete = 1
  )`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_vocab USING fts5vocab(search_fts, 'row')`,
];

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS search_documents (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    lean TEXT NOT NULL,
    texts TEXT NOT NULL
  )`,
  ...TEXT_INDEX_STATEMENTS,
  `INSERT OR IGNORE INTO search_meta (key, value) VALUES ('generation', '0')`,
];

/** Raise when the indexed text or the tables change, so older indexes are rebuilt. */
export const FORMAT_VERSION = '5';

const DROP = ['search_fts_vocab', 'search_fts', 'search_values', 'search_documents'].map((t) => `DROP TABLE IF EXISTS ${t}`);

export async function ensureSchema(db: Kysely<Database>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);
  const { rows } = await sql<{ value: string }>`SELECT value FROM search_meta WHERE key = 'format'`.execute(db);
  const current = rows[0]?.value === FORMAT_VERSION;
  await db.transaction().execute(async (trx) => {
    if (!current) for (const statement of DROP) await sql.raw(statement).execute(trx);
    for (const statement of STATEMENTS) await sql.raw(statement).execute(trx);
    if (!current) await sql`INSERT OR REPLACE INTO search_meta (key, value) VALUES ('format', ${FORMAT_VERSION})`.execute(trx);
  });
}

/** The generation of the stored index (moves on at every write). */
export async function storedGeneration(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ value: string }>`SELECT value FROM search_meta WHERE key = 'generation'`.execute(db);
  return Number(rows[0]?.value ?? 0);
}

/** Moves the generation on; call inside the write's transaction. Returns the new generation. */
export async function nextGeneration(db: Kysely<Database>): Promise<number> {
  await sql`UPDATE search_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'`.execute(db);
  return storedGeneration(db);
}
