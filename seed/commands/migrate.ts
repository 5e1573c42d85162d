import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';

export const summary = 'applique les migrations en attente à la base SQLite (DATABASE_PATH)';

export async function run(_args: string[], ctx: CliContext): Promise<number> {
  const { db } = openSqlite(ctx.config.databasePath);
  try {
    const applied = await migrate(db);
    ctx.out(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base à jour : aucune migration en attente.');
    return 0;
  } finally {
    await db.destroy();
  }
}
