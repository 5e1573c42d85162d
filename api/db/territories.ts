/** Territories repository (communes, EPCI, départements, areas, contours). */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { CommuneTable, Database } from './schema.ts';
import { normalizeForSearch } from '../domain/text.ts';
import type { CoverageArea, CoverageCommune } from '../domain/coverage.ts';

export type CommuneRow = Selectable<CommuneTable>;

export async function getCommune(db: Kysely<Database>, code: string): Promise<CommuneRow | undefined> {
  return db.selectFrom('communes').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface Centre {
  lon: number;
  lat: number;
}

export interface CommuneSummary {
  code: string;
  name: string;
  postal_codes: string[];
  departement_code: string;
  population: number;
  epci_code: string | null;
  centre: Centre | null;
}

export interface AreaRef {
  id: string;
  name: string;
  kind: string;
}

export interface CommuneDetails extends CommuneSummary {
  arrondissement_code: string | null;
  epci: { code: string; name: string; kind: string } | null;
  departement: { code: string; name: string };
  region: { code: string; name: string };
  areas: AreaRef[];
}

export interface AreaSummary extends AreaRef {
  chef_lieu: string | null;
  communes: number;
  population: number;
}

export interface DepartementDetails {
  code: string;
  name: string;
  chef_lieu: string;
  region: { code: string; name: string };
  communes: number;
  population: number;
  areas: AreaSummary[];
}

export interface Geometry {
  type: string;
  coordinates: unknown;
}
export interface Feature<P> {
  type: 'Feature';
  geometry: Geometry | null;
  properties: P;
}
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface CommuneFeatureProperties {
  code: string;
  name: string;
  population: number;
  epci_code: string | null;
  area_ids: string[];
}

export interface AreaFeatureProperties {
  id: string;
  name: string;
  kind: string;
  communes: number;
  population: number;
}

const summaryColumns = ['code', 'name', 'postal_codes', 'departement_code', 'population', 'epci_code', 'lon', 'lat'] as const;

type SummaryRow = Pick<CommuneRow, (typeof summaryColumns)[number]>;

function toSummary(row: SummaryRow): CommuneSummary {
  return {
    code: row.code,
    name: row.name,
    postal_codes: row.postal_codes ? row.postal_codes.split(' ') : [],
    departement_code: row.departement_code,
    population: row.population,
    epci_code: row.epci_code,
    centre: row.lon != null && row.lat != null ? { lon: row.lon, lat: row.lat } : null,
  };
}

/**
 * Commune autocomplete. Names compare on their normalised form (accents, case, hyphens, "st"/"saint"
 * ignored); a query of 2 to 5 digits (or 2A/2B…) looks up postal codes (prefix) and INSEE codes.
 * Ranking: (0) the exact name, or a name starting with the query as whole words ("clermont" →
 * Clermont-Ferrand, Clermont…), (1) a name prefix, (2) a word prefix, (3) contains, (4) every query
 * word starts a word of the name; then population, biggest first, then name. Tier 0 puts exact and
 * whole-word matches together on purpose, so the big town people mean wins over a homonym village.
 */
export async function searchCommunes(db: Kysely<Database>, q: string, limit = 10): Promise<CommuneSummary[]> {
  const query = normalizeForSearch(q);
  if (!query) return [];
  const compact = query.replace(/ /g, '');
  let rank: RawBuilder<number>;
  let matches: (eb: ExpressionBuilder<Database, 'communes'>) => Expression<SqlBool>;

  if (/^(\d{2,5}|2[ab]\d{0,3})$/.test(compact)) {
    const code = compact.toUpperCase();
    rank = sql<number>`case when code = ${code} or (' ' || postal_codes || ' ') like ${`% ${code} %`} then 0 else 1 end`;
    matches = (eb) => eb.or([eb('code', 'like', `${code}%`), eb('postal_codes', 'like', `${code}%`), eb('postal_codes', 'like', `% ${code}%`)]);
  } else {
    const words = query.split(' ');
    rank = sql<number>`case
      when search_name = ${query} or search_name like ${`${query} %`} then 0
      when search_name like ${`${query}%`} then 1
      when search_name like ${`% ${query}%`} then 2
      when search_name like ${`%${query}%`} then 3
      else 4 end`;
    matches = (eb) => {
      const contains = eb('search_name', 'like', `%${query}%`);
      if (words.length < 2) return contains;
      const everyWord = eb.and(words.map((w) => eb.or([eb('search_name', 'like', `${w}%`), eb('search_name', 'like', `% ${w}%`)])));
      return eb.or([contains, everyWord]);
    };
  }
  const rows = await db
    .selectFrom('communes')
    .select([...summaryColumns, rank.as('rank')])
    .where(matches)
    .orderBy('rank')
    .orderBy('population', 'desc')
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export async function communeDetails(db: Kysely<Database>, code: string): Promise<CommuneDetails | undefined> {
  const row = await db
    .selectFrom('communes as c')
    .innerJoin('departements as d', 'd.code', 'c.departement_code')
    .innerJoin('regions as r', 'r.code', 'c.region_code')
    .leftJoin('epci as e', 'e.code', 'c.epci_code')
    .select([
      'c.code', 'c.name', 'c.postal_codes', 'c.departement_code', 'c.population', 'c.epci_code', 'c.lon', 'c.lat',
      'c.arrondissement_code', 'd.name as departement_name', 'c.region_code', 'r.name as region_name', 'e.name as epci_name',
      'e.kind as epci_kind',
    ])
    .where('c.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const areas = await db
    .selectFrom('area_communes as ac')
    .innerJoin('areas as a', 'a.id', 'ac.area_id')
    .select(['a.id', 'a.name', 'a.kind'])
    .where('ac.commune_code', '=', code)
    .orderBy('a.kind')
    .orderBy('a.name')
    .execute();
  return {
    ...toSummary(row),
    arrondissement_code: row.arrondissement_code,
    epci: row.epci_code && row.epci_name ? { code: row.epci_code, name: row.epci_name, kind: row.epci_kind ?? '' } : null,
    departement: { code: row.departement_code, name: row.departement_name },
    region: { code: row.region_code, name: row.region_name },
    areas,
  };
}

/** A département's areas with their commune count and population, by name. */
export async function listAreas(db: Kysely<Database>, departement: string): Promise<AreaSummary[]> {
  const rows = await db
    .selectFrom('areas as a')
    .leftJoin('area_communes as ac', 'ac.area_id', 'a.id')
    .leftJoin('communes as c', 'c.code', 'ac.commune_code')
    .select((eb) => [
      'a.id',
      'a.name',
      'a.kind',
      'a.chef_lieu',
      eb.fn.count<number>('c.code').as('communes'),
      eb.fn.coalesce(eb.fn.sum<number>('c.population'), sql.lit(0)).as('population'),
    ])
    .where('a.departement_code', '=', departement)
    .groupBy('a.id')
    .execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, chef_lieu: r.chef_lieu, communes: Number(r.communes), population: Number(r.population) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export async function getDepartement(db: Kysely<Database>, code: string) {
  return db.selectFrom('departements').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The name of the région of a département (what opening hours need for school holidays), or null. */
export async function regionNameOfDepartement(db: Kysely<Database>, code: string): Promise<string | null> {
  const row = await db
    .selectFrom('departements as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select('r.name')
    .where('d.code', '=', code)
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function departementDetails(db: Kysely<Database>, code: string): Promise<DepartementDetails | undefined> {
  const row = await db
    .selectFrom('departements as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select(['d.code', 'd.name', 'd.chef_lieu', 'd.region_code', 'r.name as region_name'])
    .where('d.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const totals = await db
    .selectFrom('communes')
    .select((eb) => [eb.fn.countAll<number>().as('communes'), eb.fn.coalesce(eb.fn.sum<number>('population'), sql.lit(0)).as('population')])
    .where('departement_code', '=', code)
    .executeTakeFirstOrThrow();
  return {
    code: row.code,
    name: row.name,
    chef_lieu: row.chef_lieu,
    region: { code: row.region_code, name: row.region_name },
    communes: Number(totals.communes),
    population: Number(totals.population),
    areas: await listAreas(db, code),
  };
}

/** The communes of a département that have a stored contour, with their areas. */
export async function departementCommunesGeoJson(db: Kysely<Database>, departement: string): Promise<FeatureCollection<CommuneFeatureProperties>> {
  const rows = await db
    .selectFrom('communes as c')
    .innerJoin('contours as g', (join) => join.on('g.kind', '=', 'commune').onRef('g.code', '=', 'c.code'))
    .select(['c.code', 'c.name', 'c.population', 'c.epci_code', 'g.geometry'])
    .where('c.departement_code', '=', departement)
    .orderBy('c.code')
    .execute();
  const memberships = await db
    .selectFrom('area_communes as ac')
    .innerJoin('communes as c', 'c.code', 'ac.commune_code')
    .select(['ac.commune_code', 'ac.area_id'])
    .where('c.departement_code', '=', departement)
    .orderBy('ac.area_id')
    .execute();
  const areaIds = new Map<string, string[]>();
  for (const m of memberships) areaIds.set(m.commune_code, [...(areaIds.get(m.commune_code) ?? []), m.area_id]);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      geometry: JSON.parse(r.geometry) as Geometry,
      properties: { code: r.code, name: r.name, population: r.population, epci_code: r.epci_code, area_ids: areaIds.get(r.code) ?? [] },
    })),
  };
}

/**
 * One feature per area of the département: a MultiPolygon made of its communes' polygons (not
 * dissolved; null when none of its communes has a contour).
 */
export async function departementAreasGeoJson(db: Kysely<Database>, departement: string): Promise<FeatureCollection<AreaFeatureProperties>> {
  const areas = await listAreas(db, departement);
  const rows = await db
    .selectFrom('area_communes as ac')
    .innerJoin('areas as a', 'a.id', 'ac.area_id')
    .innerJoin('contours as g', (join) => join.on('g.kind', '=', 'commune').onRef('g.code', '=', 'ac.commune_code'))
    .select(['ac.area_id', 'g.geometry'])
    .where('a.departement_code', '=', departement)
    .orderBy('ac.commune_code')
    .execute();
  const polygons = new Map<string, unknown[]>();
  for (const r of rows) {
    const geometry = JSON.parse(r.geometry) as Geometry;
    const list = polygons.get(r.area_id) ?? [];
    if (geometry.type === 'Polygon') list.push(geometry.coordinates);
    else if (geometry.type === 'MultiPolygon') list.push(...(geometry.coordinates as unknown[]));
    polygons.set(r.area_id, list);
  }
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => {
      const coordinates = polygons.get(a.id);
      return {
        type: 'Feature',
        geometry: coordinates?.length ? { type: 'MultiPolygon', coordinates } : null,
        properties: { id: a.id, name: a.name, kind: a.kind, communes: a.communes, population: a.population },
      };
    }),
  };
}

/** The département's own contour as a Feature, or undefined when it has not been loaded. */
export async function departementContour(
  db: Kysely<Database>,
  departement: string,
): Promise<Feature<{ code: string; name: string }> | undefined> {
  const row = await db
    .selectFrom('contours as g')
    .innerJoin('departements as d', 'd.code', 'g.code')
    .select(['d.code', 'd.name', 'g.geometry'])
    .where('g.kind', '=', 'departement')
    .where('g.code', '=', departement)
    .executeTakeFirst();
  if (!row) return undefined;
  return { type: 'Feature', geometry: JSON.parse(row.geometry) as Geometry, properties: { code: row.code, name: row.name } };
}

/** A département's communes with their centre and EPCI, in code order (GET /api/coverage). */
export async function departementCommunesForCoverage(db: Kysely<Database>, departement: string): Promise<CoverageCommune[]> {
  return db
    .selectFrom('communes')
    .select(['code', 'name', 'population', 'epci_code', 'departement_code', 'lat', 'lon'])
    .where('departement_code', '=', departement)
    .orderBy('code')
    .execute();
}

/** A département's areas with the codes of their communes, by name. */
export async function departementAreasWithCommunes(db: Kysely<Database>, departement: string): Promise<CoverageArea[]> {
  const rows = await db
    .selectFrom('areas as a')
    .leftJoin('area_communes as ac', 'ac.area_id', 'a.id')
    .select(['a.id', 'a.name', 'a.kind', 'ac.commune_code'])
    .where('a.departement_code', '=', departement)
    .orderBy('ac.commune_code')
    .execute();
  const areas = new Map<string, CoverageArea & { communes: string[] }>();
  for (const r of rows) {
    const area = areas.get(r.id) ?? { id: r.id, name: r.name, kind: r.kind, communes: [] };
    if (r.commune_code) area.communes.push(r.commune_code);
    areas.set(r.id, area);
  }
  return [...areas.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
