/**
 * Where an edited offer or structure is on the map. Coordinates come from the national geocoder
 * when the address changes, unless the person placed the point themselves: coordinates sent in the
 * body always win (null included, which removes the point). A place that changed and cannot be
 * geocoded (no street address, or no commune) loses its old point rather than keep a wrong one.
 *
 * `placeDecision` says what to do; the geocoding itself is I/O (api/clients/place.ts).
 */

export interface PlaceFields {
  address: string | null;
  postal_code: string | null;
  commune_code: string | null;
  lon: number | null;
  lat: number | null;
}

export type PlaceDecision =
  /** Nothing about the place changed: coordinates stay as stored. */
  | { kind: 'keep' }
  /** The body gives the coordinates (or clears them). */
  | { kind: 'manual' }
  /** The place changed and cannot be geocoded: coordinates are cleared. */
  | { kind: 'clear' }
  | { kind: 'geocode'; q: string; citycode: string; postcode: string | null };

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();

/**
 * `before`: the stored record (null on creation); `change`: the fields of the body (absent =
 * unchanged on a PATCH, the creation defaults on a POST).
 */
export function placeDecision(before: PlaceFields | null, change: Partial<PlaceFields>): PlaceDecision {
  if (change.lon !== undefined || change.lat !== undefined) return { kind: 'manual' };
  const pick = <K extends 'address' | 'postal_code' | 'commune_code'>(key: K) => (change[key] !== undefined ? change[key] : (before?.[key] ?? null));
  const address = pick('address');
  const postcode = pick('postal_code');
  const citycode = pick('commune_code');
  if (before && same(address, before.address) && same(postcode, before.postal_code) && same(citycode, before.commune_code)) return { kind: 'keep' };
  if (!address?.trim() || !citycode) return before && (before.lon != null || before.lat != null) ? { kind: 'clear' } : { kind: 'keep' };
  return { kind: 'geocode', q: address.trim(), citycode, postcode };
}

/** What the person is told about the point on the map after a write. */
export type GeocodingOutcome =
  | { status: 'located'; label: string; score: number }
  /** Only an approximate point (street, commune) was found: the person should check it on the map. */
  | { status: 'approximate'; label: string; score: number; message: string }
  | { status: 'not_found'; message: string }
  /** The geocoder did not answer: the address is saved without a point. */
  | { status: 'unavailable'; message: string }
  | { status: 'cleared'; message: string }
  | { status: 'manual' };

export const GEOCODING_MESSAGES = {
  approximate: 'Adresse trouvée approximativement : vérifiez le point sur la carte et déplacez-le si besoin.',
  not_found: 'Adresse introuvable dans la Base Adresse Nationale : placez le point sur la carte vous-même.',
  unavailable: 'Le géocodeur national ne répond pas : l’adresse est enregistrée sans point sur la carte. Placez-le vous-même ou réenregistrez l’adresse plus tard.',
  cleared: 'Le lieu a changé sans adresse complète (rue et commune) : l’ancien point sur la carte a été retiré.',
} as const;
