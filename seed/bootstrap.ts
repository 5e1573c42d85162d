/**
 * What a Node start does before serving: migrate, load territories (first start only), load the demo
 * catalogue when the database has no offer and DEMO is not 0, then the contours of the départements
 * present in the catalogue. Each step says what it did and how long it took.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../api/db/schema.ts';
import type { AppConfig } from '../api/config.ts';
import { migrate } from '../api/db/migrate.ts';
import { countOffers } from '../api/db/offers.ts';
import { loadTerritories } from './territories/load.ts';
import { loadContours } from './territories/contours.ts';
import { GeoApiError } from './territories/geo-api.ts';
import { loadDemo } from './demo/load.ts';

export async function bootstrap(
  db: Kysely<Database>,
  config: AppConfig,
  options: { now: Date; log: (line: string) => void; fetch?: typeof fetch },
): Promise<void> {
  const { log, now } = options;
  const applied = await migrate(db);
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);

  const territories = await loadTerritories(db, { geoDir: config.geoDir, now, log, ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (!territories.skipped) log(`Territoires chargés : ${territories.communes} communes, ${territories.centres} centres (${territories.ms} ms)`);

  if (config.demo && (await countOffers(db)) === 0) {
    const started = Date.now();
    const demo = await loadDemo(db, now);
    log(`Catalogue de démonstration chargé : ${demo.structures} structures, ${demo.offers} offres (${Date.now() - started} ms)`);
  }

  const departements = (
    await db.selectFrom('structures').select('departement_code').distinct().where('departement_code', 'is not', null).execute()
  ).map((r) => r.departement_code!);
  if (!departements.length) return;
  try {
    await loadContours(db, departements, { geoDir: config.geoDir, ...(options.fetch ? { fetch: options.fetch } : {}) });
  } catch (error) {
    // The maps draw without contours; the service itself does not need them. The next start tries again.
    if (!(error instanceof GeoApiError)) throw error;
    log(`Attention : contours des départements non chargés (${error.message}). Les cartes s’afficheront sans contours ; le prochain démarrage réessaiera.`);
  }
}
