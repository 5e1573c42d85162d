/**
 * Loads the territories: régions, départements, EPCI, communes (COG communes actuelles, with their
 * normalised search name, postal codes, population and centre) and one area per arrondissement.
 * Idempotent: a COG version already recorded in territory_loads is skipped. A newer COG updates rows
 * in place and removes communes and EPCI that no longer exist. All or nothing: one transaction.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { AreaCommuneTable, AreaTable, CommuneTable, Database, EpciTable } from '../../api/db/schema.ts';
import { normalizeForSearch, slugify } from '../../api/domain/text.ts';
import { cogVersion, readCog, type Cog } from './cog.ts';
import { fetchCommuneCentres, type GeoApiOptions, type LonLat } from './geo-api.ts';

export interface LoadTerritoriesOptions {
  /** Directory holding communes-centres.json; null = ask geo.api.gouv.fr. */
  geoDir: string | null;
  fetch?: typeof fetch;
  now: Date;
  log?: (line: string) => void;
  /** Timeout and retry pause of the geo.api.gouv.fr client. */
  geoApi?: Omit<GeoApiOptions, 'fetch'>;
}

export interface LoadTerritoriesResult {
  communes: number;
  centres: number;
  skipped: boolean;
  ms: number;
}

/** SQLite caps bound variables per statement; 500 rows × 12 columns stays far below it. */
const BATCH = 500;

const EPCI_KINDS: Readonly<Record<string, string>> = { CA: 'CA', CC: 'CC', CU: 'CU', METRO: 'METRO', MET69: 'METRO' };

export async function loadTerritories(db: Kysely<Database>, options: LoadTerritoriesOptions): Promise<LoadTerritoriesResult> {
  const started = performance.now();
  const version = await cogVersion();
  const previous = await db
    .selectFrom('territory_loads')
    .select(['communes', 'centres'])
    .where('cog_version', '=', version)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (previous) return { communes: previous.communes, centres: previous.centres, skipped: true, ms: Math.round(performance.now() - started) };

  // Network and disk first: nothing may wait on I/O while the write transaction holds the database.
  const [cog, centres] = await Promise.all([readCog(), readCentres(options)]);
  const rows = territoryRows(cog, centres);

  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(cog.regions.map((r) => ({ code: r.code, name: r.nom })), BATCH)) {
      await trx.insertInto('regions').values(batch).onConflict((oc) => oc.column('code').doUpdateSet(fromExcluded(['name']))).execute();
    }
    const departements = cog.departements.map((d) => ({ code: d.code, name: d.nom, region_code: d.region, chef_lieu: d.chefLieu }));
    for (const batch of chunks(departements, BATCH)) {
      await trx
        .insertInto('departements')
        .values(batch)
        .onConflict((oc) => oc.column('code').doUpdateSet(fromExcluded(['name', 'region_code', 'chef_lieu'])))
        .execute();
    }
    for (const batch of chunks(rows.epci, BATCH)) {
      await trx
        .insertInto('epci')
        .values(batch)
        .onConflict((oc) => oc.column('code').doUpdateSet(fromExcluded(['name', 'kind', 'population'])))
        .execute();
    }
    for (const batch of chunks(rows.communes, BATCH)) {
      await trx
        .insertInto('communes')
        .values(batch)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet(
            fromExcluded([
              'name', 'search_name', 'departement_code', 'region_code', 'epci_code', 'arrondissement_code',
              'postal_codes', 'population', 'lon', 'lat',
            ]),
          ),
        )
        .execute();
    }
    await removeStale(trx, rows);

    // Arrondissement areas are ours to rebuild; areas of other kinds belong to the département.
    const oldAreas = trx.selectFrom('areas').select('id').where('kind', '=', 'arrondissement');
    await trx.deleteFrom('area_communes').where('area_id', 'in', oldAreas).execute();
    await trx.deleteFrom('areas').where('kind', '=', 'arrondissement').execute();
    for (const batch of chunks(rows.areas, BATCH)) await trx.insertInto('areas').values(batch).execute();
    for (const batch of chunks(rows.areaCommunes, BATCH)) await trx.insertInto('area_communes').values(batch).execute();

    await trx
      .insertInto('territory_loads')
      .values({ cog_version: version, communes: rows.communes.length, centres: rows.centres, loaded_at: options.now.toISOString() })
      .execute();
  });

  return { communes: rows.communes.length, centres: rows.centres, skipped: false, ms: Math.round(performance.now() - started) };
}

interface TerritoryRows {
  epci: Insertable<EpciTable>[];
  communes: Insertable<CommuneTable>[];
  areas: Insertable<AreaTable>[];
  areaCommunes: Insertable<AreaCommuneTable>[];
  centres: number;
}

function territoryRows(cog: Cog, centres: Map<string, LonLat>): TerritoryRows {
  const epciOfCommune = new Map<string, string>();
  for (const e of cog.epci) for (const m of e.membres) epciOfCommune.set(m.code, e.code);
  const epci = cog.epci.map((e) => ({
    code: e.code,
    name: e.nom,
    kind: EPCI_KINDS[e.type] ?? e.type,
    population: e.populationMunicipale ?? null,
  }));

  let withCentre = 0;
  const communes = cog.communes
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => {
      const centre = centres.get(c.code);
      if (centre) withCentre++;
      return {
        code: c.code,
        name: c.nom,
        search_name: normalizeForSearch(c.nom),
        departement_code: c.departement,
        region_code: c.region,
        epci_code: epciOfCommune.get(c.code) ?? null,
        arrondissement_code: c.arrondissement ?? null,
        postal_codes: (c.codesPostaux ?? []).join(' '),
        population: c.population ?? 0,
        lon: centre?.[0] ?? null,
        lat: centre?.[1] ?? null,
      };
    });

  const communesOfArrondissement = new Map<string, string[]>();
  for (const c of communes) {
    if (!c.arrondissement_code) continue;
    const list = communesOfArrondissement.get(c.arrondissement_code) ?? [];
    list.push(c.code);
    communesOfArrondissement.set(c.arrondissement_code, list);
  }
  const areas: Insertable<AreaTable>[] = [];
  const areaCommunes: Insertable<AreaCommuneTable>[] = [];
  for (const a of cog.arrondissements) {
    const id = `${a.departement}-${slugify(a.nom)}`;
    areas.push({ id, departement_code: a.departement, name: a.nom, kind: 'arrondissement', chef_lieu: a.chefLieu });
    for (const code of communesOfArrondissement.get(a.code) ?? []) areaCommunes.push({ area_id: id, commune_code: code });
  }
  return { epci, communes, areas, areaCommunes, centres: withCentre };
}

/** Communes and EPCI gone from the new COG (mergers), with what points at them. */
async function removeStale(trx: Kysely<Database>, rows: TerritoryRows): Promise<void> {
  const communeCodes = new Set(rows.communes.map((c) => c.code));
  const staleCommunes = (await trx.selectFrom('communes').select('code').execute()).map((r) => r.code).filter((c) => !communeCodes.has(c));
  for (const batch of chunks(staleCommunes, BATCH)) {
    await trx.deleteFrom('area_communes').where('commune_code', 'in', batch).execute();
    await trx.deleteFrom('contours').where('kind', '=', 'commune').where('code', 'in', batch).execute();
    await trx.deleteFrom('communes').where('code', 'in', batch).execute();
  }
  const epciCodes = new Set(rows.epci.map((e) => e.code));
  const staleEpci = (await trx.selectFrom('epci').select('code').execute()).map((r) => r.code).filter((c) => !epciCodes.has(c));
  for (const batch of chunks(staleEpci, BATCH)) await trx.deleteFrom('epci').where('code', 'in', batch).execute();
}

async function readCentres(options: LoadTerritoriesOptions): Promise<Map<string, LonLat>> {
  if (options.geoDir) {
    const path = join(options.geoDir, 'communes-centres.json');
    let data: Record<string, LonLat>;
    try {
      data = JSON.parse(await readFile(path, 'utf8')) as Record<string, LonLat>;
    } catch (error) {
      throw new Error(`Lecture impossible de ${path} (centres des communes) : ${error instanceof Error ? error.message : String(error)}`);
    }
    return new Map(Object.entries(data));
  }
  options.log?.('Centres des communes : pas de GEO_DIR, appel à geo.api.gouv.fr…');
  return fetchCommuneCentres({ ...options.geoApi, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

function fromExcluded<C extends string>(columns: readonly C[]) {
  return (eb: ExpressionBuilder<any, any>) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])) as Record<C, any>;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
