/**
 * The embedded search engine (default): FTS5 and plain tables in the catalogue's own SQLite
 * database, reached through Kysely like everything else.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import type { SearchIndex } from '../port.ts';
import { ensureSchema } from './schema.ts';
import { runSearch } from './search.ts';
import { deleteAllDocuments, deleteDocuments, optimizeTextIndex, writeDocuments } from './write.ts';

export async function createSqliteSearchIndex(db: Kysely<Database>): Promise<SearchIndex> {
  await ensureSchema(db);
  return {
    name: 'sqlite',
    async upsert(documents) {
      if (documents.length === 0) return;
      await db.transaction().execute((trx) => writeDocuments(trx, documents));
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await db.transaction().execute((trx) => deleteDocuments(trx, ids));
    },
    search: (query) => runSearch(db, query),
    async health() {
      try {
        const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM search_documents`.execute(db);
        return { ok: true, engine: 'sqlite', documents: Number(rows[0]?.n ?? 0) };
      } catch (error) {
        return { ok: false, engine: 'sqlite', documents: null, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async reindex(documents) {
      await db.transaction().execute(async (trx) => {
        await deleteAllDocuments(trx);
        await writeDocuments(trx, documents);
        await optimizeTextIndex(trx);
      });
    },
  };
}
