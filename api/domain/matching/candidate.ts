/**
 * A candidate offer as the matching sees it (a subset of a search document, so any engine's hits
 * fit), and the exact rules of DESIGN §5 that decide whether a person can use it: eligibility (zone,
 * publics, age) and reachability (on site within the radius, remote, or itinerant through the commune).
 * Engines prefilter with the same rules; these functions have the last word.
 */
import { distanceKm } from '../geo.ts';

export interface MatchCandidate {
  id: string;
  source: string;
  source_id: string;
  name: string;
  structure_id: string;
  structure_name: string;
  type: string | null;
  thematiques: string[];
  publics: string[];
  fees: string | null;
  modes_accueil: string[];
  zone: string[];
  commune_code: string | null;
  commune_name: string | null;
  lat: number | null;
  lon: number | null;
  itinerant_communes: string[];
  age_min: number | null;
  age_max: number | null;
  capacity: number | null;
  places_available: number | null;
  /** « Complet » as the search document says it (no place on the offer, nor on its sessions to come); absent = by places_available. */
  full?: boolean;
  confirmed_at: string;
  update_frequency_months: number;
  completeness: number;
  /** Last day (YYYY-MM-DD) of a suspension; null or absent when not suspended. */
  suspended_until?: string | null;
}

/** Where the person stands: their commune (with the codes covering it) and its centre. */
export interface PersonPlace {
  commune: { code: string; name: string };
  /** The commune, its EPCI, its département, france (see zoneCodesOfCommune). */
  zoneCodes: readonly string[];
  /** Commune centre, or a given point; null when unknown. */
  lat: number | null;
  lon: number | null;
}

export interface Eligibility {
  publics?: readonly string[] | undefined;
  age?: number | undefined;
}

/**
 * The publics a request restricts to: none when none is asked, or when « tous-publics » is among
 * them (the person is anyone: every offer is open to them as far as publics go).
 */
export function publicsRestriction(publics: readonly string[] | undefined): readonly string[] | undefined {
  return publics?.length && !publics.includes('tous-publics') ? publics : undefined;
}

/** Published and not suspended on this day (YYYY-MM-DD): a suspension ends after its last day. */
export function isActiveOn(c: Pick<MatchCandidate, 'suspended_until'>, day: string): boolean {
  return c.suspended_until == null || c.suspended_until < day;
}

/**
 * Issue 3 §6, exactly: the zone contains one of the person's codes (or there is no zone); the
 * publics overlap or the offer is tous-publics (or no publics are asked, or tous-publics is: an
 * offer that names no public is only shown then, see publicsRestriction); the age is within each bound that is known.
 */
export function isEligible(c: MatchCandidate, place: Pick<PersonPlace, 'zoneCodes'> | null, who: Eligibility): boolean {
  if (place && c.zone.length && !c.zone.some((code) => place.zoneCodes.includes(code))) return false;
  const publics = publicsRestriction(who.publics);
  if (publics && !c.publics.includes('tous-publics') && !c.publics.some((p) => publics.includes(p))) return false;
  if (who.age != null) {
    if (c.age_min != null && who.age < c.age_min) return false;
    if (c.age_max != null && who.age > c.age_max) return false;
  }
  return true;
}

export type Access =
  /** Comes to the person's commune (bus, permanence). */
  | { kind: 'itinerant'; commune: string }
  /** Takes place within the radius; `km` from the centre. */
  | { kind: 'on-site'; km: number }
  | { kind: 'remote' };

/** Distance between the person's point and the candidate's place, when both are known. */
export function candidateDistanceKm(c: Pick<MatchCandidate, 'lat' | 'lon'>, place: Pick<PersonPlace, 'lat' | 'lon'>): number | null {
  if (c.lat == null || c.lon == null || place.lat == null || place.lon == null) return null;
  return distanceKm([place.lon, place.lat], [c.lon, c.lat]);
}

const onSite = (c: MatchCandidate) => c.modes_accueil.length === 0 || c.modes_accueil.includes('en-presentiel');

/**
 * How the person can reach the offer, or null when they cannot: itinerant through their commune
 * first (it comes to them), then on site within the radius, then remote.
 */
export function accessOf(c: MatchCandidate, place: PersonPlace, radiusKm: number): Access | null {
  if (c.itinerant_communes.includes(place.commune.code)) return { kind: 'itinerant', commune: place.commune.name };
  if (onSite(c)) {
    const km = candidateDistanceKm(c, place);
    if (km != null && km <= radiusKm) return { kind: 'on-site', km };
    // Without coordinates, an offer in the person's own commune is still within reach.
    if (km == null && c.commune_code === place.commune.code) return { kind: 'on-site', km: 0 };
  }
  if (c.modes_accueil.includes('a-distance')) return { kind: 'remote' };
  return null;
}

/** « Complet »: the document's word when it has one, else no place left on the offer. */
export function isCandidateFull(c: Pick<MatchCandidate, 'places_available' | 'full'>): boolean {
  return c.full ?? (c.places_available !== null && c.places_available <= 0);
}
