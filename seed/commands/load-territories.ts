import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { loadTerritories } from '../territories/load.ts';
import { loadContours } from '../territories/contours.ts';

export const summary =
  'charge communes, EPCI, départements, régions et arrondissements, puis les contours des départements donnés (par défaut : ceux du catalogue, sinon 15 40 47 63 71)';

const DEFAULT_DEPARTEMENTS = ['15', '40', '47', '63', '71'];

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const invalid = args.filter((a) => !/^(\d{2,3}|2[AB])$/i.test(a));
  if (invalid.length) {
    ctx.err(`Code de département invalide : ${invalid.join(', ')} (attendu : 15, 2A, 974…)`);
    return 2;
  }
  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    if (!ctx.config.geoDir) ctx.out('Pas de GEO_DIR : centres et contours demandés à geo.api.gouv.fr.');
    const territories = await loadTerritories(db, { geoDir: ctx.config.geoDir, now: new Date(), log: ctx.out });
    ctx.out(
      territories.skipped
        ? `Territoires déjà chargés : ${territories.communes} communes, ${territories.centres} centres.`
        : `Territoires chargés : ${territories.communes} communes, ${territories.centres} centres (${territories.ms} ms)`,
    );

    let departements = args.map((a) => a.toUpperCase());
    if (!departements.length) {
      const rows = await db.selectFrom('structures').select('departement_code').distinct().where('departement_code', 'is not', null).execute();
      departements = rows.map((r) => r.departement_code!).sort();
      if (!departements.length) departements = DEFAULT_DEPARTEMENTS;
    }
    const started = performance.now();
    const contours = await loadContours(db, departements, { geoDir: ctx.config.geoDir, log: ctx.out });
    if (contours.skipped.length) ctx.out(`Contours déjà présents : ${contours.skipped.join(', ')}`);
    if (contours.loaded.length) ctx.out(`Contours chargés : ${contours.loaded.join(', ')} (${Math.round(performance.now() - started)} ms)`);
    return 0;
  } finally {
    await db.destroy();
  }
}
