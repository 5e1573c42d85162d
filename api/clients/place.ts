/**
 * Geocoding of an edited place (offer or structure) before it is saved: domain/place.ts decides,
 * the Geocoder answers. A geocoder that fails never blocks the write: the address is saved without
 * a point and the outcome tells the person to place it (the editing API accepts manual coordinates).
 */
import { GEOCODING_MESSAGES, placeDecision, type GeocodingOutcome, type PlaceFields } from '../domain/place.ts';
import type { Geocoder } from './geocoder.ts';
import { ExternalServiceError } from './http.ts';

export interface LocatedPlace {
  /** Coordinates to write, or undefined to leave them as the body / the stored record has them. */
  coordinates?: { lon: number | null; lat: number | null };
  /** Null when the place did not change. */
  geocoding: GeocodingOutcome | null;
}

export async function locatePlace(geocoder: Geocoder, before: PlaceFields | null, change: Partial<PlaceFields>): Promise<LocatedPlace> {
  const decision = placeDecision(before, change);
  switch (decision.kind) {
    case 'keep':
      return { geocoding: null };
    case 'manual':
      return { geocoding: { status: 'manual' } };
    case 'clear':
      return { coordinates: { lon: null, lat: null }, geocoding: { status: 'cleared', message: GEOCODING_MESSAGES.cleared } };
    case 'geocode': {
      let best;
      try {
        [best] = await geocoder.search({ q: decision.q, citycode: decision.citycode, postcode: decision.postcode, limit: 1 });
      } catch (error) {
        if (!(error instanceof ExternalServiceError)) throw error;
        return { coordinates: { lon: null, lat: null }, geocoding: { status: 'unavailable', message: GEOCODING_MESSAGES.unavailable } };
      }
      if (!best) return { coordinates: { lon: null, lat: null }, geocoding: { status: 'not_found', message: GEOCODING_MESSAGES.not_found } };
      const coordinates = { lon: best.lon, lat: best.lat };
      // An approximate point (street, commune centre) is still better for distances than none; the person is asked to check it.
      if (best.needs_pin) return { coordinates, geocoding: { status: 'approximate', label: best.label, score: best.score, message: GEOCODING_MESSAGES.approximate } };
      return { coordinates, geocoding: { status: 'located', label: best.label, score: best.score } };
    }
  }
}

/** On creation, the body's coordinates count as the person's own only when given (forms send null for "none"). */
export function locateNewPlace(geocoder: Geocoder, fields: PlaceFields): Promise<LocatedPlace> {
  const { lon, lat, address, postal_code, commune_code } = fields;
  const manual = lon != null || lat != null;
  return locatePlace(geocoder, null, manual ? { address, postal_code, commune_code, lon, lat } : { address, postal_code, commune_code });
}
