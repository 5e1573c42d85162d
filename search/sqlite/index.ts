/**
 * The embedded search engine (default): FTS5 and a table of documents in the catalogue's own SQLite
 * database, reached through Kysely like everything else, with the documents also kept in memory
 * for filtering (memory.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import type { SearchIndex } from '../port.ts';
import { leanDocument, type SearchDocument } from '../document.ts';
import { createMemoryStore, termsOf } from './memory.ts';
import { ensureSchema, nextGeneration } from './schema.ts';
import { runSearch } from './search.ts';
import { bulkTextLoad, deleteAllDocuments, deleteDocuments, lastOfEachId, writeDocuments } from './write.ts';

export async function createSqliteSearchIndex(db: Kysely<Database>): Promise<SearchIndex> {
  await ensureSchema(db);
  const memory = createMemoryStore();
  return {
    name: 'sqlite',
    async upsert(documents) {
      if (documents.length === 0) return;
      const latest = lastOfEachId(documents);
      await db.transaction().execute(async (trx) => {
        const upserts: [number, SearchDocument, string[]][] = [];
        await writeDocuments(trx, latest, { written: (rid, doc, row) => upserts.push([rid, leanDocument(doc), termsOf(row.text)]) });
        memory.apply(await nextGeneration(trx), { upserts });
      });
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await deleteDocuments(trx, ids);
        memory.apply(await nextGeneration(trx), { removals: ids });
      });
    },
    search: (query) => runSearch(db, memory, query),
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
        await bulkTextLoad(trx, async () => {
          await writeDocuments(trx, lastOfEachId(documents), { fresh: true });
        });
        await nextGeneration(trx);
        memory.invalidate();
      });
    },
  };
}
