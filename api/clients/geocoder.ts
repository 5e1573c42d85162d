/**
 * The national address geocoder: Géoplateforme (IGN) `GET /geocodage/search`, successor of
 * api-adresse.data.gouv.fr with the same GeoJSON answer (Base Adresse Nationale), open, no key.
 * `baseUrl` may point to api-adresse.data.gouv.fr or a local addok with the same API.
 *
 * A result's score (0..1) says how well the address matched. Below PRECISE_SCORE, or when only the
 * commune was found, the point is not trustworthy: the UI asks the person to place the pin (manual
 * coordinates are accepted by the editing API).
 */
import { getJson, ExternalServiceError, type HttpClientOptions } from './http.ts';

export const GEOPLATEFORME_GEOCODER_URL = 'https://data.geopf.fr/geocodage';
const SERVICE = 'data.geopf.fr (géocodeur national)';

/** Matches below this score are too uncertain to place a pin without the person checking it. */
export const PRECISE_SCORE = 0.7;

export type AddressKind = 'housenumber' | 'street' | 'locality' | 'municipality';

export interface AddressQuery {
  q: string;
  /** INSEE code of the commune, to search in it only. */
  citycode?: string | null;
  postcode?: string | null;
  limit?: number;
}

export interface GeocodedAddress {
  lon: number;
  lat: number;
  /** "14 Rue Léopold Faye 47200 Marmande" */
  label: string;
  /** Number and street ("14 Rue Léopold Faye"), or the place name. */
  name: string;
  citycode: string;
  postcode: string | null;
  city: string | null;
  score: number;
  type: AddressKind;
  /** True when the person should place the pin themselves (low score, or only the commune found). */
  needs_pin: boolean;
}

export interface Geocoder {
  search(query: AddressQuery): Promise<GeocodedAddress[]>;
}

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const KINDS = new Set<string>(['housenumber', 'street', 'locality', 'municipality']);

function feature(f: unknown): GeocodedAddress | null {
  if (!isRecord(f) || !isRecord(f.geometry) || !isRecord(f.properties)) return null;
  const coordinates = f.geometry.coordinates;
  const p = f.properties;
  if (!Array.isArray(coordinates) || typeof coordinates[0] !== 'number' || typeof coordinates[1] !== 'number') return null;
  if (typeof p.label !== 'string' || typeof p.citycode !== 'string' || typeof p.score !== 'number') return null;
  const type = (typeof p.type === 'string' && KINDS.has(p.type) ? p.type : 'street') as AddressKind;
  return {
    lon: coordinates[0],
    lat: coordinates[1],
    label: p.label,
    name: typeof p.name === 'string' ? p.name : p.label,
    citycode: p.citycode,
    postcode: typeof p.postcode === 'string' ? p.postcode : null,
    city: typeof p.city === 'string' ? p.city : null,
    score: p.score,
    type,
    needs_pin: p.score < PRECISE_SCORE || type === 'municipality',
  };
}

export function createGeocoder(options: HttpClientOptions = {}): Geocoder {
  const base = options.baseUrl ?? GEOPLATEFORME_GEOCODER_URL;
  return {
    async search(query) {
      // The service needs 3 to 200 characters and answers 400 otherwise.
      const q = query.q.trim().replace(/\s+/g, ' ').slice(0, 200);
      if (q.length < 3) return [];
      const params = new URLSearchParams({ q, index: 'address', limit: String(query.limit ?? 5) });
      if (query.citycode) params.set('citycode', query.citycode);
      if (query.postcode) params.set('postcode', query.postcode);
      const what = `la position de l’adresse « ${q} »`;
      const body = await getJson({ service: SERVICE, what, url: `${base}/search?${params}` }, options);
      if (!isRecord(body) || !Array.isArray(body.features)) {
        throw new ExternalServiceError(`Réponse inattendue du géocodeur pour ${what}.`, SERVICE, 'invalid');
      }
      const found = body.features.map(feature).filter((a): a is GeocodedAddress => a !== null);
      // The service filters by citycode already; a stray result elsewhere would put the pin in another commune.
      return query.citycode ? found.filter((a) => a.citycode === query.citycode) : found;
    },
  };
}
