/**
 * A small client for geo.api.gouv.fr (découpage administratif): commune centres and commune contours,
 * used when no GEO_DIR is available. Each request has a timeout and one retry on a network error, a
 * timeout or a 5xx/429 answer; failures end in a French message that says what to do.
 */

export const GEO_API_BASE_URL = 'https://geo.api.gouv.fr';

export interface GeoApiOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Pause before the retry, in milliseconds. */
  retryDelayMs?: number;
}

export class GeoApiError extends Error {
  override name = 'GeoApiError';
}

export type LonLat = [number, number];

export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

export interface CommuneContour {
  code: string;
  geometry: GeoJsonGeometry;
}

/** Every commune's centre in one request: INSEE code → [lon, lat]. */
export async function fetchCommuneCentres(options: GeoApiOptions = {}): Promise<Map<string, LonLat>> {
  const body = await getJson('/communes?fields=code,centre&format=json&geometry=centre', options, 'les centres des communes');
  if (!Array.isArray(body)) throw unexpected('les centres des communes');
  const centres = new Map<string, LonLat>();
  for (const item of body as Array<{ code?: unknown; centre?: { coordinates?: unknown } | null }>) {
    const coordinates = item?.centre?.coordinates;
    if (typeof item?.code === 'string' && isLonLat(coordinates)) centres.set(item.code, [coordinates[0], coordinates[1]]);
  }
  return centres;
}

/** The contours of a département's communes (GeoJSON FeatureCollection, property `code`). */
export async function fetchCommuneContours(departement: string, options: GeoApiOptions = {}): Promise<CommuneContour[]> {
  const what = `les contours des communes du département ${departement}`;
  const body = await getJson(
    `/departements/${encodeURIComponent(departement)}/communes?fields=code,nom&format=geojson&geometry=contour`,
    options,
    what,
  );
  const features = (body as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw unexpected(what);
  const contours: CommuneContour[] = [];
  for (const f of features as Array<{ properties?: { code?: unknown }; geometry?: GeoJsonGeometry | null }>) {
    const code = f?.properties?.code;
    if (typeof code === 'string' && f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
      contours.push({ code, geometry: f.geometry });
    }
  }
  return contours;
}

async function getJson(path: string, options: GeoApiOptions, what: string): Promise<unknown> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = `${options.baseUrl ?? GEO_API_BASE_URL}${path}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let reason = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt === 2) await sleep(options.retryDelayMs ?? 1_000);
    try {
      const response = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      if (response.ok) return await response.json();
      reason = `réponse HTTP ${response.status}`;
      // A 4xx other than 429 will not get better by asking again.
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      reason = describeFailure(error, timeoutMs);
    }
  }
  throw new GeoApiError(
    `Impossible d'obtenir ${what} auprès de geo.api.gouv.fr (${reason}). ` +
      'Réessayez plus tard, ou indiquez un dossier de données géographiques avec GEO_DIR (communes-centres.json, communes-NN.geojson, departements.geojson).',
  );
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `pas de réponse en ${(timeoutMs / 1000).toLocaleString('fr-FR')} s`;
  }
  if (error instanceof SyntaxError) return 'réponse illisible';
  return `serveur injoignable : ${error instanceof Error ? error.message : String(error)}`;
}

function unexpected(what: string): GeoApiError {
  return new GeoApiError(`Réponse inattendue de geo.api.gouv.fr pour ${what}.`);
}

function isLonLat(value: unknown): value is LonLat {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
