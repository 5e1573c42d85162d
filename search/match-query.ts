/**
 * The engine query of a match (POST /api/match) for one need: what the person is eligible for
 * (zone, publics, age, not suspended on the day) and can reach from their commune, answering the
 * need's thématiques. Engines apply the same rules as api/domain/matching, which ranks the hits.
 */
import type { PersonPlace } from '../api/domain/matching/index.ts';
import type { GeoConstraint, SearchFilters, SearchQuery } from './port.ts';

/** Candidates fetched per need: far more than a group shows, so ranking is done on all that qualify. */
export const CANDIDATES_PER_NEED = 500;

export interface MatchSearch {
  place: PersonPlace;
  radiusKm: number;
  /** The day (YYYY-MM-DD) the answer is for. */
  day: string;
  publics?: readonly string[] | undefined;
  age?: number | undefined;
  q?: string | undefined;
}

/** The query for one need (its thématiques), or for the text alone (no thématiques). */
export function matchSearchQuery(m: MatchSearch, thematiques?: readonly string[]): SearchQuery {
  const filters: SearchFilters = { zoneCodes: [...m.place.zoneCodes], activeOn: m.day };
  if (m.publics?.length) filters.publics = [...m.publics];
  if (m.age != null) filters.age = m.age;
  if (thematiques) filters.thematiques = [...thematiques];
  const { lat, lon } = m.place;
  const geo: GeoConstraint | undefined =
    lat != null && lon != null ? { lat, lon, radiusKm: m.radiusKm, reachable: { includeRemote: true, itinerantCommune: m.place.commune.code } } : undefined;
  return { ...(m.q ? { q: m.q } : {}), filters, ...(geo ? { geo } : {}), offset: 0, limit: CANDIDATES_PER_NEED, lean: true };
}
