import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { loadTerritories } from '../territories/load.ts';
import { loadDemo } from '../demo/load.ts';

export const summary = 'charge (ou met à jour) le catalogue de démonstration des cinq départements';

export async function run(_args: string[], ctx: CliContext): Promise<number> {
  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    await loadTerritories(db, { geoDir: ctx.config.geoDir, now: new Date(), log: ctx.out });
    const result = await loadDemo(db, new Date());
    ctx.out(`Catalogue de démonstration : ${result.structures} structures, ${result.offers} offres.`);
    return 0;
  } finally {
    await db.destroy();
  }
}
