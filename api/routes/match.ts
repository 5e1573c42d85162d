/**
 * POST /api/match — a beneficiary profile → per requested barrier, the offers the person is eligible
 * for, can reach and that answer it, ranked with their reasons (DESIGN §5). The engine prefilters
 * (zone, publics, age, reach, thématiques); api/domain/matching has the last word and ranks.
 * Barriers with no answer are counted anonymously (commune, barrier, day) and nothing else is kept.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { parseJsonBody } from '../http/body.ts';
import { unknownCommune } from '../http/problem.ts';
import { cachedCommuneLookup } from '../db/commune-cache.ts';
import { recordUnmetNeeds } from '../db/unmet-needs.ts';
import { searchOr503 } from './search.ts';
import { noCentreNotice, zoneCodesOfCommune } from '../domain/territory.ts';
import type { BarrierKey } from '../domain/referentials/index.ts';
import {
  accessOf,
  frenchDay,
  isEligible,
  matchGroups,
  needsFromCandidates,
  offerSummary,
  profileSchema,
  publicsRestriction,
  radiusKm,
  requestedNeeds,
  type MatchCandidate,
  type MatchContext,
  type PersonPlace,
} from '../domain/matching/index.ts';
import { matchSearchQuery, type MatchSearch } from '../../search/match-query.ts';
import type { ServiceSearchResult } from '../../search/service.ts';

/** Items returned per barrier. */
const ITEMS_PER_GROUP = 50;

export function matchRoutes(deps: AppDeps) {
  const app = new Hono();
  const communeOf = cachedCommuneLookup(deps.db);

  app.post('/match', async (c) => {
    const profile = await parseJsonBody(c, profileSchema, 'Profil invalide');
    const commune = await communeOf(profile.commune);
    if (!commune) throw unknownCommune(profile.commune, 'Profil invalide');

    const radius = radiusKm(profile);
    const place: PersonPlace = {
      commune: { code: commune.code, name: commune.name },
      zoneCodes: zoneCodesOfCommune(commune),
      lat: commune.lat,
      lon: commune.lon,
    };
    const now = deps.clock();
    const publics = publicsRestriction(profile.publics);
    const search: MatchSearch = { place, radiusKm: radius, day: frenchDay(now), publics, age: profile.age, q: profile.q };
    const query = (thematiques?: readonly string[]) => matchSearchQuery(search, thematiques);

    const who = { publics, age: profile.age };
    let needs = requestedNeeds(profile);
    const results: ServiceSearchResult[] = [];
    const candidatesByNeed = new Map<BarrierKey, MatchCandidate[]>();
    /**
     * What the engine counted per need: more than the candidates fetched when there are over
     * CANDIDATES_PER_NEED. Only when it applied the reach too (the commune has a centre).
     */
    const engineTotals = new Map<BarrierKey, number>();
    const engineKnowsReach = place.lat != null && place.lon != null;
    if (needs.length) {
      const answers = await Promise.all(needs.map((need) => searchOr503(deps, query(need.thematiques))));
      needs.forEach((need, i) => {
        candidatesByNeed.set(need.barrier, answers[i]!.hits.map((h) => h.document));
        if (engineKnowsReach) engineTotals.set(need.barrier, answers[i]!.total);
      });
      results.push(...answers);
    } else {
      // Text only: the barriers of what the text found (and the person can use) become the groups.
      const answer = await searchOr503(deps, query());
      results.push(answer);
      const usable = answer.hits.map((h) => h.document).filter((d) => isEligible(d, place, who) && accessOf(d, place, radius));
      needs = needsFromCandidates(usable);
      for (const need of needs) candidatesByNeed.set(need.barrier, usable);
    }

    const ctx: MatchContext = { place, radiusKm: radius, who, needs, now };
    const outcome = matchGroups(candidatesByNeed, ctx, ITEMS_PER_GROUP);
    // A text query narrows by wording, not by what exists: only text-free matches say a barrier is unmet;
    // nor can a commune without a centre, whose on-site reach is unknown.
    if (!profile.q && engineKnowsReach) await recordUnmetNeeds(deps.db, commune.code, outcome.unmet_barriers, frenchDay(now));

    const degraded = results.some((r) => r.degraded);
    const engine = degraded ? results.find((r) => r.degraded)!.engine : (results[0]?.engine ?? deps.search.engine);
    c.header('X-Search-Engine', engine);
    return c.json({
      commune: { code: commune.code, name: commune.name },
      radius_km: radius,
      groups: outcome.groups.map((g) => ({
        barrier: g.barrier,
        label: g.label,
        // The engine applies the same rules: its count holds when candidates were capped.
        total: Math.max(g.total, engineTotals.get(g.barrier) ?? 0),
        unmet: g.unmet,
        items: g.items.map((item) => ({
          offer: offerSummary(item.candidate, now),
          structure: { id: item.candidate.structure_id, name: item.candidate.structure_name },
          distance_km: item.distanceKm,
          score: item.score,
          reasons: item.reasons,
        })),
      })),
      unmet_barriers: outcome.unmet_barriers,
      engine,
      degraded,
      ...(engineKnowsReach ? {} : { notice: noCentreNotice(commune, 'match') }),
    });
  });

  return app;
}
