/**
 * From candidates (an engine's hits per need) to the answer of POST /api/match: per requested
 * barrier, the offers the person is eligible for, can reach and that answer the need, ranked, each
 * with its reasons; a barrier with none is an unmet need.
 */
import { barrierByKey, barriersOfThematiques, thematiquesOfBarrier, type BarrierKey } from '../referentials/index.ts';
import { accessOf, isActiveOn, isEligible, type Access, type Eligibility, type MatchCandidate, type PersonPlace } from './candidate.ts';
import { answers, type Need } from './needs.ts';
import { reasonsFor } from './reasons.ts';
import { byScoreThenId, freshnessScore, placesScore, proximityScore, qualityOf, scoreOf } from './score.ts';
import { frenchDay } from './time.ts';

export interface MatchContext {
  place: PersonPlace;
  radiusKm: number;
  who: Eligibility;
  /** Requested needs; empty when the profile only has a text query. */
  needs: readonly Need[];
  now: Date;
}

export interface RankedItem {
  candidate: MatchCandidate;
  access: Access;
  /** Kilometres from the person's point for an offer reached on site; null when remote or itinerant. */
  distanceKm: number | null;
  score: number;
  reasons: string[];
}

export interface MatchGroup {
  barrier: BarrierKey;
  label: string;
  items: RankedItem[];
  /** Items before the page limit. */
  total: number;
  unmet: boolean;
}

export interface MatchOutcome {
  groups: MatchGroup[];
  unmet_barriers: BarrierKey[];
}

/** Eligible, reachable offers answering `need`, best first, each with its reasons. */
export function rankForNeed(candidates: readonly MatchCandidate[], need: Need, ctx: MatchContext): RankedItem[] {
  return withReasons(scoreForNeed(candidates, need, ctx), need, ctx);
}

/** The reasons of these items (worked out only for the items shown: they are the costly part). */
function withReasons(items: RankedItem[], need: Need, ctx: MatchContext): RankedItem[] {
  const needs = ctx.needs.length ? ctx.needs : [need];
  for (const item of items) item.reasons = reasonsFor(item.candidate, { need, needs, access: item.access, publics: ctx.who.publics, now: ctx.now });
  return items;
}

/** Eligible, reachable offers answering `need`, best first, without their reasons yet. */
function scoreForNeed(candidates: readonly MatchCandidate[], need: Need, ctx: MatchContext): RankedItem[] {
  const needs = ctx.needs.length ? ctx.needs : [need];
  const day = frenchDay(ctx.now);
  const seen = new Set<string>();
  const items: RankedItem[] = [];
  for (const c of candidates) {
    if (seen.has(c.id) || !answers(need, c.thematiques) || !isActiveOn(c, day) || !isEligible(c, ctx.place, ctx.who)) continue;
    const access = accessOf(c, ctx.place, ctx.radiusKm);
    if (!access) continue;
    seen.add(c.id);
    const answered = needs.filter((n) => answers(n, c.thematiques)).length;
    const quality = qualityOf({
      proximity: proximityScore(access),
      freshness: freshnessScore(c, ctx.now),
      completeness: c.completeness,
      places: placesScore(c),
    });
    const score = scoreOf(answered, needs.length, quality);
    items.push({
      candidate: c,
      access,
      distanceKm: access.kind === 'on-site' ? Math.round(access.km * 10) / 10 : null,
      score,
      reasons: [],
    });
  }
  return items.sort((a, b) => byScoreThenId({ score: a.score, id: a.candidate.id }, { score: b.score, id: b.candidate.id }));
}

/**
 * Needs of a text-only profile: the barriers of the offers the text found (each answered in full),
 * in barrier order, so the answer keeps one shape.
 */
export function needsFromCandidates(candidates: readonly MatchCandidate[]): Need[] {
  return barriersOfThematiques(candidates.flatMap((c) => c.thematiques)).map((barrier) => ({
    barrier,
    label: barrierByKey(barrier).label,
    thematiques: thematiquesOfBarrier(barrier),
  }));
}

/** One group per need, `limit` items each; requested needs with no item are unmet. */
export function matchGroups(candidatesByNeed: ReadonlyMap<BarrierKey, readonly MatchCandidate[]>, ctx: MatchContext, limit: number): MatchOutcome {
  const groups: MatchGroup[] = [];
  for (const need of ctx.needs) {
    const ranked = scoreForNeed(candidatesByNeed.get(need.barrier) ?? [], need, ctx);
    groups.push({ barrier: need.barrier, label: need.label, items: withReasons(ranked.slice(0, limit), need, ctx), total: ranked.length, unmet: ranked.length === 0 });
  }
  return { groups, unmet_barriers: groups.filter((g) => g.unmet).map((g) => g.barrier) };
}
