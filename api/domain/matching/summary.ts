/** What search and match results show of an offer: enough to list it; the full record is GET /api/offers/:id. */
import { isOverdue, type UpdateFrequency } from '../offer.ts';
import { isCandidateFull, type MatchCandidate } from './candidate.ts';

export interface OfferSummary {
  id: string;
  source: string;
  source_id: string;
  name: string;
  type: string | null;
  thematiques: string[];
  publics: string[];
  modes_accueil: string[];
  /** Same as modes_accueil (the short name of the match API). */
  modes: string[];
  fees: string | null;
  commune_code: string | null;
  commune_name: string | null;
  /** Where the offer takes place (its own place, else its structure's): what a map needs. */
  lat: number | null;
  lon: number | null;
  itinerant_communes: string[];
  age_min: number | null;
  age_max: number | null;
  capacity: number | null;
  places_available: number | null;
  /** No place left now (marked « complet », or no place in its open sessions): ranked lower. */
  full: boolean;
  confirmed_at: string;
  overdue: boolean;
  completeness: number;
}

export function offerSummary(c: MatchCandidate, now: Date): OfferSummary {
  return {
    id: c.id,
    source: c.source,
    source_id: c.source_id,
    name: c.name,
    type: c.type,
    thematiques: c.thematiques,
    publics: c.publics,
    modes_accueil: c.modes_accueil,
    modes: c.modes_accueil,
    fees: c.fees,
    commune_code: c.commune_code,
    commune_name: c.commune_name,
    lat: c.lat,
    lon: c.lon,
    itinerant_communes: c.itinerant_communes,
    age_min: c.age_min,
    age_max: c.age_max,
    capacity: c.capacity,
    places_available: c.places_available,
    full: isCandidateFull(c),
    confirmed_at: c.confirmed_at,
    overdue: isSummaryOverdue(c, now),
    completeness: c.completeness,
  };
}

/** The summary's `overdue`: not confirmed within its update frequency. */
export function isSummaryOverdue(c: Pick<MatchCandidate, 'confirmed_at' | 'update_frequency_months'>, now: Date): boolean {
  return isOverdue({ confirmed_at: c.confirmed_at, updated_on: c.confirmed_at, update_frequency_months: c.update_frequency_months as UpdateFrequency }, now);
}
