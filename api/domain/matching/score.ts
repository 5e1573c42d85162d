/**
 * Ranking score, 0..1. Need coverage comes first, strictly: an offer answering more of the person's
 * needs always ranks above one answering fewer. Among equal coverage, a quality part decides, a
 * weighted sum of proximity, freshness, places and completeness (QUALITY_WEIGHTS, each part 0..1),
 * weighed in that order, the order of issue 3 §6 (« distance, freshness, places, completeness »):
 *
 *   score = (needs answered − 1 + quality) / needs requested      (quality capped just under 1)
 *
 * A full offer (no place left) cannot take the person now: its quality is kept in the lower half
 * and every other one's in the upper half, so it ranks after every offer answering as many needs
 * that may still take someone, and says « complet » in its reasons.
 *
 * Ties are broken by id so the order never wobbles between two identical requests.
 */
import { isCandidateFull, type Access, type MatchCandidate } from './candidate.ts';
import { monthsBetween } from './time.ts';

export const QUALITY_WEIGHTS = {
  /** 1 next door, 0.5 at 10 km, 0.25 at 30 km; itinerant through the commune 0.9; remote only 0.5. */
  proximity: 0.4,
  /** 1 while confirmed within its update frequency; overdue offers get at most 0.5, down to 0 a year later. */
  freshness: 0.25,
  /** 1 with places left, 0.5 when unknown, 0 when full. */
  places: 0.2,
  /** data·inclusion score_qualite (api/domain/completeness.ts). */
  completeness: 0.15,
} as const;

export type QualityParts = { [K in keyof typeof QUALITY_WEIGHTS]: number };

/** Distance at which an on-site offer's proximity halves. */
const HALF_PROXIMITY_KM = 10;
const QUALITY_CAP = 0.9999;

export function proximityScore(access: Access | null): number {
  if (!access) return 0;
  if (access.kind === 'itinerant') return 0.9;
  if (access.kind === 'remote') return 0.5;
  return 1 / (1 + access.km / HALF_PROXIMITY_KM);
}

export function freshnessScore(c: Pick<MatchCandidate, 'confirmed_at' | 'update_frequency_months'>, now: Date): number {
  const age = monthsBetween(new Date(c.confirmed_at), now);
  const overdue = age - c.update_frequency_months;
  if (overdue <= 0) return 1;
  return 0.5 * Math.max(0, 1 - overdue / 12);
}

export function placesScore(c: Pick<MatchCandidate, 'places_available' | 'full'>): number {
  if (isCandidateFull(c)) return 0;
  if (c.places_available == null) return 0.5;
  return 1;
}

export function qualityOf(parts: QualityParts): number {
  let total = 0;
  for (const key of Object.keys(QUALITY_WEIGHTS) as (keyof QualityParts)[]) total += QUALITY_WEIGHTS[key] * Math.min(1, Math.max(0, parts[key]));
  return parts.places > 0 ? 0.5 + 0.5 * total : 0.5 * total;
}

/** `answered` of `requested` needs (answered ≥ 1) and the quality part → the score, rounded to 4 decimals. */
export function scoreOf(answered: number, requested: number, quality: number): number {
  const q = Math.min(QUALITY_CAP, Math.max(0, quality));
  return Math.round(((Math.max(1, answered) - 1 + q) / Math.max(1, requested)) * 10_000) / 10_000;
}

/** Higher score first, then id (deterministic). */
export function byScoreThenId(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
