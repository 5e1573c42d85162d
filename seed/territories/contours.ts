/**
 * Contours of the départements in use and of their communes, stored as GeoJSON geometries in
 * `contours`. From GEO_DIR (departements.geojson, communes-NN.geojson; property `code`) when present,
 * else from geo.api.gouv.fr. geo.api.gouv.fr has no département contour, so that fallback stores the
 * communes' polygons as one MultiPolygon (not dissolved: maps draw it fine, borders included).
 * Idempotent: a département whose contour is stored is skipped.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { currentCommuneCodes, readCog } from './cog.ts';
import { fetchCommuneContours, type CommuneContour, type GeoApiOptions, type GeoJsonGeometry } from './geo-api.ts';
import { chunks } from './load.ts';

export interface LoadContoursOptions {
  geoDir: string | null;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  geoApi?: Omit<GeoApiOptions, 'fetch'>;
}

export interface LoadContoursResult {
  loaded: string[];
  skipped: string[];
}

interface FeatureCollection {
  features: Array<{ properties?: { code?: unknown } | null; geometry?: GeoJsonGeometry | null }>;
}

type Position = [number, number];
type PolygonCoordinates = Position[][];

export async function loadContours(
  db: Kysely<Database>,
  departements: string[],
  options: LoadContoursOptions,
): Promise<LoadContoursResult> {
  const result: LoadContoursResult = { loaded: [], skipped: [] };
  // Read lazily and only once per call: the national files are large.
  let departementFile: Promise<FeatureCollection | null> | undefined;
  let currentCodes: Promise<Map<string, string>> | undefined;
  const geoApi: GeoApiOptions = { ...options.geoApi, ...(options.fetch ? { fetch: options.fetch } : {}) };

  for (const code of [...new Set(departements)]) {
    const stored = await db.selectFrom('contours').select('code').where('kind', '=', 'departement').where('code', '=', code).executeTakeFirst();
    if (stored) {
      result.skipped.push(code);
      continue;
    }
    const departement = await db.selectFrom('departements').select('code').where('code', '=', code).executeTakeFirst();
    if (!departement) throw new Error(`Département inconnu : ${code}. Chargez d'abord les territoires (load:territories).`);
    const communeCodes = new Set(
      (await db.selectFrom('communes').select('code').where('departement_code', '=', code).execute()).map((r) => r.code),
    );

    const communesFile = options.geoDir ? join(options.geoDir, `communes-${code}.geojson`) : null;
    let contours: CommuneContour[];
    let source: string;
    if (communesFile && existsSync(communesFile)) {
      currentCodes ??= readCog().then((cog) => currentCommuneCodes(cog.communes));
      contours = contoursFromFile(await readGeoJson(communesFile), await currentCodes);
      source = communesFile;
    } else {
      contours = await fetchCommuneContours(code, geoApi);
      source = 'geo.api.gouv.fr';
    }
    const communes = mergeByCommune(contours.filter((c) => communeCodes.has(c.code)));

    let departementGeometry: GeoJsonGeometry | null = null;
    if (options.geoDir && existsSync(join(options.geoDir, 'departements.geojson'))) {
      departementFile ??= readGeoJson(join(options.geoDir, 'departements.geojson'));
      const feature = (await departementFile)?.features.find((f) => f.properties?.code === code);
      if (feature?.geometry) departementGeometry = feature.geometry;
    }
    departementGeometry ??= multiPolygon([...communes.values()]);
    if (!departementGeometry) throw new Error(`Aucun contour trouvé pour le département ${code} (${source}).`);

    const rows = [
      ...[...communes].map(([commune, geometry]) => ({ kind: 'commune' as const, code: commune, geometry: JSON.stringify(rounded(geometry)) })),
      { kind: 'departement' as const, code, geometry: JSON.stringify(rounded(departementGeometry)) },
    ];
    await db.transaction().execute(async (trx) => {
      for (const batch of chunks(rows, 200)) {
        await trx
          .insertInto('contours')
          .values(batch)
          .onConflict((oc) => oc.columns(['kind', 'code']).doUpdateSet((eb) => ({ geometry: eb.ref('excluded.geometry') })))
          .execute();
      }
    });
    options.log?.(`Contours du département ${code} : ${communes.size}/${communeCodes.size} communes (${source})`);
    result.loaded.push(code);
  }
  return result;
}

async function readGeoJson(path: string): Promise<FeatureCollection> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as FeatureCollection;
    if (!Array.isArray(data?.features)) throw new Error('pas de FeatureCollection');
    return data;
  } catch (error) {
    throw new Error(`Lecture impossible de ${path} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Features of a file drawn on an older COG, each under today's commune code. */
function contoursFromFile(file: FeatureCollection, currentCodes: Map<string, string>): CommuneContour[] {
  const contours: CommuneContour[] = [];
  for (const f of file.features) {
    const code = typeof f.properties?.code === 'string' ? f.properties.code : null;
    const current = code ? currentCodes.get(code) : undefined;
    if (current && f.geometry) contours.push({ code: current, geometry: f.geometry });
  }
  return contours;
}

/** One geometry per commune: the parts of a commune nouvelle become one MultiPolygon. */
function mergeByCommune(contours: CommuneContour[]): Map<string, GeoJsonGeometry> {
  const parts = new Map<string, GeoJsonGeometry[]>();
  for (const c of contours) parts.set(c.code, [...(parts.get(c.code) ?? []), c.geometry]);
  const merged = new Map<string, GeoJsonGeometry>();
  for (const [code, geometries] of parts) {
    const geometry = geometries.length === 1 ? geometries[0]! : multiPolygon(geometries);
    if (geometry) merged.set(code, geometry);
  }
  return merged;
}

/** The polygons of several (Multi)Polygons as one MultiPolygon, or null when there is none. */
export function multiPolygon(geometries: GeoJsonGeometry[]): GeoJsonGeometry | null {
  const polygons: PolygonCoordinates[] = [];
  for (const g of geometries) {
    if (g.type === 'Polygon') polygons.push(g.coordinates as PolygonCoordinates);
    else if (g.type === 'MultiPolygon') polygons.push(...(g.coordinates as PolygonCoordinates[]));
  }
  return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/** Five decimals (about a metre) is all a map needs, and halves what the API sends. */
function rounded(geometry: GeoJsonGeometry): GeoJsonGeometry {
  const round = (value: unknown): unknown =>
    typeof value === 'number' ? Math.round(value * 1e5) / 1e5 : Array.isArray(value) ? value.map(round) : value;
  return { type: geometry.type, coordinates: round(geometry.coordinates) };
}
