import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { createNodeSearchService } from '../../search/node.ts';
import { reindex } from '../../search/sync/reindex.ts';

export const summary = 'reconstruit l’index de recherche à partir de la base (SEARCH_ENGINE : sqlite, ou meilisearch + sqlite)';

const ENGINE_LABEL: Record<string, string> = { sqlite: 'SQLite (FTS5)', meilisearch: 'Meilisearch' };

export async function run(_args: string[], ctx: CliContext): Promise<number> {
  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    const search = await createNodeSearchService(ctx.config, db, {
      logger: { info: (m) => ctx.out(m), error: (m, meta) => ctx.err(`${m} ${meta ? JSON.stringify(meta) : ''}`) },
    });
    ctx.out(`Moteurs à reconstruire : ${search.targets.map((t) => ENGINE_LABEL[t.name] ?? t.name).join(', ')}`);
    let lastRead = 0;
    const result = await reindex(db, search.targets, {
      onProgress: (p) => {
        if (p.step === 'read' && p.documents - lastRead >= 10_000) {
          lastRead = p.documents;
          ctx.out(`Lecture du catalogue : ${p.documents} offres…`);
        }
        if (p.step === 'index') ctx.out(`Indexation de ${p.documents} offres dans ${ENGINE_LABEL[p.engine ?? ''] ?? p.engine}…`);
      },
    });
    for (const [engine, ms] of Object.entries(result.engines)) ctx.out(`${ENGINE_LABEL[engine] ?? engine} : ${result.documents} offres indexées en ${ms} ms.`);
    ctx.out(`Index reconstruit : ${result.documents} offres publiées ou suspendues en ${result.ms} ms.`);
    return 0;
  } finally {
    await db.destroy();
  }
}
