/**
 * Coverage of a département (GET /api/coverage): for every commune and every area, per barrier, how
 * many offers a person living there is eligible for and can reach, by the rules of the matching
 * (api/domain/matching: active on the day, zone, reach from the commune centre). Nobody's publics
 * or age is known here, so those do not narrow. Pure: the caller loads communes, areas and offers.
 *
 * An area counts an offer when it is reachable from at least one of its communes (the offer is
 * there for part of the area's people); its "zones blanches" are its communes with no offer for
 * the barrier.
 */
import { accessOf, isActiveOn, isEligible, type MatchCandidate, type PersonPlace } from './matching/index.ts';
import { BARRIER_KEYS, type BarrierKey } from './referentials/index.ts';
import { zoneCodesOfCommune } from './territory.ts';
import { boxAroundCircle } from './geo.ts';

export interface CoverageCommune {
  code: string;
  name: string;
  population: number;
  epci_code: string | null;
  departement_code: string;
  lat: number | null;
  lon: number | null;
}

export interface CoverageArea {
  id: string;
  name: string;
  kind: string;
  /** Codes of its communes. */
  communes: readonly string[];
}

/** An offer as coverage needs it: a matching candidate and the barriers it answers. */
export interface CoverageOffer extends MatchCandidate {
  barriers: readonly string[];
}

export interface CoverageInput {
  communes: readonly CoverageCommune[];
  areas: readonly CoverageArea[];
  offers: readonly CoverageOffer[];
  radiusKm: number;
  /** The day (YYYY-MM-DD) offers must be active on. */
  day: string;
}

export type BarrierCounts = Record<BarrierKey, number>;

export interface CommuneCoverage {
  code: string;
  name: string;
  population: number;
  /** False when the commune has no known centre: only remote, itinerant and unplaced offers can count. */
  centre: boolean;
  offers: BarrierCounts;
}

export interface AreaCoverage {
  id: string;
  name: string;
  kind: string;
  communes: number;
  /** Offers reachable from at least one of its communes. */
  offers: BarrierCounts;
  /** Its communes with no offer for the barrier. */
  zones_blanches: BarrierCounts;
}

export interface Coverage {
  communes: CommuneCoverage[];
  areas: AreaCoverage[];
  /** The whole département, counted like an area of all its communes. */
  departement: { offers: BarrierCounts; zones_blanches: BarrierCounts };
}

export function zeroCounts(): BarrierCounts {
  return Object.fromEntries(BARRIER_KEYS.map((b) => [b, 0])) as BarrierCounts;
}

const BARRIER_INDEX = new Map<string, number>(BARRIER_KEYS.map((b, i) => [b, i]));
/** Grid cell size for on-site offers, degrees. */
const CELL_DEGREES = 0.25;
const cellKey = (i: number, j: number) => `${i}:${j}`;

function push<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Which offers each commune can use. The rules are the matching's (isActiveOn, isEligible, accessOf),
 * applied to the offers that can possibly qualify, found through indexes: remote offers open to the
 * whole area (no zone, or a zone every commune is in: the département, france) qualify for every
 * commune and are kept apart, once (`shared`); the others come from the remote offers by zone code,
 * the itinerant ones by commune, the on-site ones from a grid around the commune centre, and the ones
 * without coordinates by commune.
 */
function usableOffers(input: CoverageInput): { shared: number[]; own: number[][] } {
  const places: PersonPlace[] = input.communes.map((c) => ({
    commune: { code: c.code, name: c.name },
    zoneCodes: zoneCodesOfCommune(c),
    lat: c.lat,
    lon: c.lon,
  }));
  const everyonesCodes = places.length ? places.map((p) => new Set(p.zoneCodes)).reduce((a, b) => new Set([...a].filter((c) => b.has(c)))) : new Set<string>();
  const shared: number[] = [];
  const remoteByCode = new Map<string, number[]>();
  const itinerantByCommune = new Map<string, number[]>();
  const onSiteByCell = new Map<string, number[]>();
  const unplacedByCommune = new Map<string, number[]>();
  input.offers.forEach((o, i) => {
    if (!isActiveOn(o, input.day)) return;
    if (o.modes_accueil.includes('a-distance')) {
      if (!o.zone.length || o.zone.some((code) => everyonesCodes.has(code))) shared.push(i);
      else for (const code of o.zone) push(remoteByCode, code, i);
      return;
    }
    for (const code of o.itinerant_communes) push(itinerantByCommune, code, i);
    if (o.lat != null && o.lon != null) push(onSiteByCell, cellKey(Math.floor(o.lat / CELL_DEGREES), Math.floor(o.lon / CELL_DEGREES)), i);
    else if (o.commune_code) push(unplacedByCommune, o.commune_code, i);
  });
  const own = places.map((place) => {
    const candidates = new Set<number>();
    const add = (list: number[] | undefined) => list?.forEach((i) => candidates.add(i));
    for (const code of place.zoneCodes) add(remoteByCode.get(code));
    add(itinerantByCommune.get(place.commune.code));
    add(unplacedByCommune.get(place.commune.code));
    if (place.lat != null && place.lon != null) {
      const box = boxAroundCircle(place.lat, place.lon, input.radiusKm);
      for (let a = Math.floor(box.minLat / CELL_DEGREES); a <= Math.floor(box.maxLat / CELL_DEGREES); a++) {
        for (let b = Math.floor(box.minLon / CELL_DEGREES); b <= Math.floor(box.maxLon / CELL_DEGREES); b++) add(onSiteByCell.get(cellKey(a, b)));
      }
    }
    return [...candidates].filter((i) => {
      const offer = input.offers[i]!;
      return isEligible(offer, place, {}) && accessOf(offer, place, input.radiusKm) !== null;
    });
  });
  return { shared, own };
}

/** Per barrier, the number of the given offers answering it, on top of `base`. */
function countByBarrier(offerIndices: Iterable<number>, barriersOf: readonly number[][], base?: readonly number[]): number[] {
  const counts = base ? [...base] : new Array<number>(BARRIER_KEYS.length).fill(0);
  for (const i of offerIndices) for (const b of barriersOf[i]!) counts[b]!++;
  return counts;
}

const asCounts = (counts: readonly number[]): BarrierCounts => Object.fromEntries(BARRIER_KEYS.map((b, k) => [b, counts[k]!])) as BarrierCounts;

/** A group of communes: the offers reachable from one of them at least, and its communes with none. */
function groupCoverage(members: readonly number[], own: readonly number[][], sharedCounts: readonly number[], perCommune: readonly CommuneCoverage[], barriersOf: readonly number[][]) {
  const union = new Set<number>();
  for (const c of members) for (const i of own[c]!) union.add(i);
  const zonesBlanches = zeroCounts();
  for (const c of members) for (const b of BARRIER_KEYS) if (perCommune[c]!.offers[b] === 0) zonesBlanches[b]++;
  const offers = members.length ? countByBarrier(union, barriersOf, sharedCounts) : countByBarrier([], barriersOf);
  return { offers: asCounts(offers), zones_blanches: zonesBlanches };
}

export function computeCoverage(input: CoverageInput): Coverage {
  const barriersOf = input.offers.map((o) => o.barriers.flatMap((b) => (BARRIER_INDEX.has(b) ? [BARRIER_INDEX.get(b)!] : [])));
  const { shared, own } = usableOffers(input);
  const sharedCounts = countByBarrier(shared, barriersOf);
  const communes: CommuneCoverage[] = input.communes.map((c, k) => ({
    code: c.code,
    name: c.name,
    population: c.population,
    centre: c.lat != null && c.lon != null,
    offers: asCounts(countByBarrier(own[k]!, barriersOf, sharedCounts)),
  }));
  const indexOfCommune = new Map(input.communes.map((c, k) => [c.code, k]));
  const areas: AreaCoverage[] = input.areas.map((area) => {
    const members = area.communes.flatMap((code) => (indexOfCommune.has(code) ? [indexOfCommune.get(code)!] : []));
    return { id: area.id, name: area.name, kind: area.kind, communes: members.length, ...groupCoverage(members, own, sharedCounts, communes, barriersOf) };
  });
  const departement = groupCoverage(
    input.communes.map((_, k) => k),
    own,
    sharedCounts,
    communes,
    barriersOf,
  );
  return { communes, areas, departement };
}

/** Unmet needs recorded in one commune for one barrier over the period (see api/db/unmet-needs.ts). */
export interface UnmetNeedTotal {
  commune_code: string;
  barrier: string;
  count: number;
}

export interface UnmetNeeds {
  byCommune: Map<string, BarrierCounts>;
  byArea: Map<string, BarrierCounts>;
  departement: BarrierCounts;
}

/** Unmet needs summed per commune, per area (over its communes) and for the département. */
export function unmetNeedsBy(areas: readonly CoverageArea[], totals: readonly UnmetNeedTotal[]): UnmetNeeds {
  const byCommune = new Map<string, BarrierCounts>();
  const departement = zeroCounts();
  for (const t of totals) {
    if (!BARRIER_INDEX.has(t.barrier)) continue;
    const barrier = t.barrier as BarrierKey;
    const counts = byCommune.get(t.commune_code) ?? zeroCounts();
    counts[barrier] += t.count;
    byCommune.set(t.commune_code, counts);
    departement[barrier] += t.count;
  }
  const byArea = new Map<string, BarrierCounts>();
  for (const area of areas) {
    const counts = zeroCounts();
    for (const code of area.communes) {
      const own = byCommune.get(code);
      if (own) for (const b of BARRIER_KEYS) counts[b] += own[b];
    }
    byArea.set(area.id, counts);
  }
  return { byCommune, byArea, departement };
}

/** The default period of unmet needs: the twelve months ending on `today`, both days included. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: today };
}
