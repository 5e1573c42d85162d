/**
 * The benchmark's fixed, seeded mix of queries, built the way the routes build them: a text search
 * with filters around a commune (GET /api/search), a filter-only search around a commune, and a
 * 3-barrier match (POST /api/match: one engine query per barrier, then the matching domain).
 */
import { matchGroups, requestedNeeds, type MatchCandidate, type Need, type PersonPlace } from '../../api/domain/matching/index.ts';
import { BARRIER_KEYS, type BarrierKey } from '../../api/domain/referentials/index.ts';
import { zoneCodesOfCommune } from '../../api/domain/territory.ts';
import { matchSearchQuery, type MatchSearch } from '../../search/match-query.ts';
import { FACET_FIELDS, type SearchIndex, type SearchQuery } from '../../search/port.ts';
import { weightedPicker, type Random } from './random.ts';
import type { BenchCommune } from './synthetic.ts';

export type QueryKind = 'text+filters+geo' | 'filters+geo' | 'match 3 barriers';
export const QUERY_KINDS: QueryKind[] = ['text+filters+geo', 'filters+geo', 'match 3 barriers'];

export type BenchQuery =
  | { kind: 'text+filters+geo' | 'filters+geo'; query: SearchQuery }
  | { kind: 'match 3 barriers'; search: MatchSearch; needs: Need[] };

/** What people type: words, phrases of the lexicon, typos, partial words. */
export const TEXTS = [
  'permis', 'garde d’enfants', 'crèche', 'logement', 'numérique', 'FLE', 'chantier d’insertion', 'accompagnement emploi', 'formation',
  'santé mentale', 'budget', 'mobilité', 'logemnt', 'formaton', 'acompagnement', 'atelier numérique', 'aide alimentaire', 'cv',
  'mission locale', 'hébergement d’urgence', 'apprendre le français', 'épicerie solidaire', 'garage', 'psychologue', 'jardin',
  'démarches administratives', 'surendettement', 'auto-école', 'remise à niveau', 'bénévolat', 'scooter', 'entretien d’embauche',
];
export const PUBLICS = ['jeunes', 'femmes', 'familles', 'seniors', 'beneficiaires-des-minimas-sociaux'];
const RADIUS_KM = 30;

function placeOf(c: BenchCommune): PersonPlace {
  return { commune: { code: c.code, name: c.name }, zoneCodes: zoneCodesOfCommune(c), lat: c.lat, lon: c.lon };
}

function aroundCommune(c: BenchCommune, day: string): SearchQuery {
  return {
    filters: { zoneCodes: zoneCodesOfCommune(c), activeOn: day },
    geo: { lat: c.lat, lon: c.lon, radiusKm: RADIUS_KM, reachable: { includeRemote: true, itinerantCommune: c.code } },
    facets: FACET_FIELDS,
    offset: 0,
    limit: 20,
  };
}

export function queryMix(random: Random, communes: readonly BenchCommune[], count: number, day: string): BenchQuery[] {
  // People search where people live.
  const pick = weightedPicker(communes, (c) => c.population);
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const commune = pick(random);
    const roll = random.next();
    if (roll < 0.4) {
      const query = aroundCommune(commune, day);
      query.q = random.pick(TEXTS);
      if (random.chance(0.3)) query.filters!.barriers = [random.pick(BARRIER_KEYS)];
      out.push({ kind: 'text+filters+geo', query });
    } else if (roll < 0.7) {
      const query = aroundCommune(commune, day);
      query.filters!.barriers = random.some(BARRIER_KEYS, 1 + random.int(2));
      if (random.chance(0.3)) query.filters!.publics = [random.pick(PUBLICS)];
      out.push({ kind: 'filters+geo', query });
    } else {
      const barriers = random.some(BARRIER_KEYS, 3) as BarrierKey[];
      const publics = random.chance(0.3) ? [random.pick(PUBLICS)] : undefined;
      out.push({ kind: 'match 3 barriers', search: { place: placeOf(commune), radiusKm: RADIUS_KM, day, publics }, needs: requestedNeeds({ barriers }) });
    }
  }
  return out;
}

/** Runs one query as the route would; returns the number of results (so nothing is optimised away). */
export async function runQuery(index: SearchIndex, q: BenchQuery, now: Date): Promise<number> {
  if (q.kind !== 'match 3 barriers') return (await index.search(q.query)).total;
  const answers = await Promise.all(q.needs.map((need) => index.search(matchSearchQuery(q.search, need.thematiques))));
  const candidates = new Map<BarrierKey, MatchCandidate[]>(q.needs.map((need, i) => [need.barrier, answers[i]!.hits.map((h) => h.document)]));
  const outcome = matchGroups(candidates, { place: q.search.place, radiusKm: q.search.radiusKm, who: { publics: q.search.publics }, needs: q.needs, now }, 50);
  return outcome.groups.reduce((n, g) => n + g.items.length, 0);
}
