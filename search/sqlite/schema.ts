/**
 * The embedded engine's own tables, beside the catalogue in the same database. They hold only
 * derived data (rebuilt by a reindex), so they are created on start rather than by a migration:
 * - search_documents: one row per document, its JSON and the scalar columns filters read;
 * - search_values: one row per (list field, value) of a document, for any-of filters;
 * - search_fts: the FTS5 index of the document text, rowid = search_documents.rid;
 * - search_fts_vocab: the FTS5 vocabulary, where typo tolerance finds its candidate words;
 * - search_meta: the format of what is stored. A database indexed in another format has its
 *   search tables dropped and recreated empty, and the next start (or `reindex`) refills them.
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

/** List fields stored in search_values (filters), by the name used there. */
export const VALUE_FIELDS = ['barriers', 'thematiques', 'categories', 'publics', 'modes', 'zone', 'itinerant'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS search_documents (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    type TEXT,
    fees TEXT,
    departement_code TEXT,
    lat REAL,
    lon REAL,
    age_min INTEGER,
    age_max INTEGER,
    publics_open INTEGER NOT NULL,
    zone_open INTEGER NOT NULL,
    remote INTEGER NOT NULL,
    on_site INTEGER NOT NULL,
    commune_code TEXT,
    suspended_until TEXT,
    facets TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS search_documents_lat_lon ON search_documents(lat, lon)`,
  `CREATE INDEX IF NOT EXISTS search_documents_departement ON search_documents(departement_code)`,
  `CREATE TABLE IF NOT EXISTS search_values (
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    rid INTEGER NOT NULL,
    PRIMARY KEY (field, value, rid)
  ) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS search_values_rid ON search_values(rid)`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    ${FTS_COLUMNS.map((c) => c.name).join(', ')},
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
  )`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_vocab USING fts5vocab(search_fts, 'row')`,
];

/** Raise when the indexed text or the tables change, so older indexes are rebuilt. */
export const FORMAT_VERSION = '2';

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
