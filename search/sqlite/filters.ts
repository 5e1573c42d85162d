/**
 * The port's filters and reach (search/port.ts, DESIGN §5) on one lean document, in plain code: the
 * SQLite engine filters in memory (memory.ts), where a check costs nanoseconds instead of a row visit.
 */
import { distanceKmBetween } from '../../api/domain/geo.ts';
import type { SearchDocument } from '../document.ts';
import { FACET_FIELDS, type GeoConstraint, type SearchFilters } from '../port.ts';
import { BARRIER_KEYS, barrierOfCategorie, barrierOfThematique, type Categorie } from '../../api/domain/referentials/index.ts';

export const REMOTE_MODE = 'a-distance';
export const ON_SITE_MODE = 'en-presentiel';
export const ALL_PUBLICS = 'tous-publics';

function given(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

export function anyIn(values: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const v of values) if (wanted.has(v)) return true;
  return false;
}

/** A filter set with its lists as sets, built once per query. */
export interface PreparedFilters {
  test(doc: SearchDocument): boolean;
  /** True when `test` has nothing to check (every check is done already by cheaper means, or absent). */
  readonly empty: boolean;
}

/** Checks the caller makes itself, by cheaper means, that `test` may skip. */
export interface ChecksDone {
  /** The zone codes (the documents come from a place worked out with them). */
  zoneCodes?: boolean;
  /** The barriers (their bits, see barrierMasks). */
  barriers?: boolean;
  /** The publics (their bits, see columns.ts). */
  publics?: boolean;
  /** The suspension (a flag, then isActiveOn for the suspended ones). */
  suspension?: boolean;
}

/** Not suspended through the day asked (without a day: not suspended at all). */
export function isActiveOn(d: Pick<SearchDocument, 'suspended_until'>, activeOn: string | undefined): boolean {
  return d.suspended_until === null || (activeOn !== undefined && d.suspended_until < activeOn);
}

export function prepareFilters(f: SearchFilters = {}, done: ChecksDone = {}): PreparedFilters {
  const set = (list: readonly string[] | undefined) => (given(list) ? new Set(list) : null);
  const ids = set(f.ids);
  const barriers = done.barriers ? null : set(f.barriers);
  const thematiques = set(f.thematiques);
  const categories = set(f.categories);
  const publics = done.publics ? null : set(f.publics);
  const types = set(f.types);
  const fees = set(f.fees);
  const modes = set(f.modes);
  const departements = set(f.departements);
  const zoneCodes = done.zoneCodes ? null : set(f.zoneCodes);
  const { age, activeOn } = f;
  const suspension = !done.suspension;
  const empty = !suspension && [ids, barriers, thematiques, categories, publics, types, fees, modes, departements, zoneCodes].every((s) => s === null) && age === undefined;
  return {
    empty,
    test(d) {
      if (suspension && !isActiveOn(d, activeOn)) return false;
      if (ids && !ids.has(d.id)) return false;
      if (barriers && !anyIn(d.barriers, barriers)) return false;
      if (thematiques && !anyIn(d.thematiques, thematiques)) return false;
      if (categories && !anyIn(d.categories, categories)) return false;
      if (publics && !isOpenTo(d, publics)) return false;
      if (types && (d.type === null || !types.has(d.type))) return false;
      if (fees && (d.fees === null || !fees.has(d.fees))) return false;
      if (modes && !anyIn(d.modes_accueil, modes)) return false;
      if (departements && (d.departement_code === null || !departements.has(d.departement_code))) return false;
      if (zoneCodes && d.zone.length > 0 && !anyIn(d.zone, zoneCodes)) return false;
      if (age !== undefined && ((d.age_min !== null && d.age_min > age) || (d.age_max !== null && d.age_max < age))) return false;
      return true;
    },
  };
}

/** Open to one of these publics: tous-publics, or one of them listed. */
export function isOpenTo(d: Pick<SearchDocument, 'publics'>, publics: ReadonlySet<string>): boolean {
  return d.publics.includes(ALL_PUBLICS) || anyIn(d.publics, publics);
}

export const isRemote = (d: SearchDocument) => d.modes_accueil.includes(REMOTE_MODE);
export const isOnSite = (d: SearchDocument) => d.modes_accueil.length === 0 || d.modes_accueil.includes(ON_SITE_MODE);
export const isPlaced = (d: SearchDocument) => d.lat !== null && d.lon !== null;

const BARRIER_BIT = new Map<string, number>(BARRIER_KEYS.map((b, i) => [b, 1 << i]));

/** Bits of these barriers (BARRIER_KEYS order); null when one of them is not a barrier. */
function barrierBits(barriers: readonly (string | undefined)[]): number | null {
  let bits = 0;
  for (const b of barriers) {
    const bit = b === undefined ? undefined : BARRIER_BIT.get(b);
    if (bit === undefined) return null;
    bits |= bit;
  }
  return bits;
}

/** What the barrier filters ask, as bits: a document must share bits with each mask. */
export interface BarrierMasks {
  masks: number[];
  /** The `barriers` filter is exactly its mask (every barrier asked is known): no need to test it again. */
  exact: boolean;
}

/**
 * The barriers a document must answer to pass the filters, as masks of bits, each of which it must
 * share one bit with: a document's barriers come from its thématiques, so asking for thématiques or
 * catégories asks for their barriers too. Filters are and-ed, so each gives its own mask.
 */
export function barrierMasks(f: SearchFilters = {}): BarrierMasks {
  const barriers = given(f.barriers) ? barrierBits(f.barriers) : null;
  const masks = [
    barriers,
    given(f.thematiques) ? barrierBits(f.thematiques.map(barrierOfThematique)) : null,
    given(f.categories) ? barrierBits(f.categories.map((c) => barrierOfCategorie(c as Categorie))) : null,
  ].filter((bits): bits is number => bits !== null);
  return { masks, exact: barriers !== null };
}

/** True when these bits share one with each mask. */
export function sharesEach(bits: number, masks: readonly number[]): boolean {
  for (let i = 0; i < masks.length; i++) if ((bits & masks[i]!) === 0) return false;
  return true;
}

/** What filtering, reach and facets need of a document, worked out once when it enters memory. */
export interface DocumentFacts {
  doc: SearchDocument;
  remote: boolean;
  onSite: boolean;
  placed: boolean;
  /** Its barriers as bits (BARRIER_KEYS order). */
  barriers: number;
  /** Its distinct facet values, every field together, as codes (see FacetCodes). */
  facets: readonly number[];
}

/**
 * Facet values as small numbers, one numbering for all fields, so counting the facets of a result
 * is one pass adding to one array.
 */
export class FacetCodes {
  private readonly codes = FACET_FIELDS.map(() => new Map<string, number>());
  /** Per code, its field (index in FACET_FIELDS) and its value. */
  readonly fieldOf: number[] = [];
  readonly valueOf: string[] = [];
  /** Per field, its codes, in the order they were met. */
  readonly ofField: number[][] = FACET_FIELDS.map(() => []);

  code(field: number, value: string): number {
    const codes = this.codes[field]!;
    let code = codes.get(value);
    if (code === undefined) {
      code = this.valueOf.push(value) - 1;
      this.fieldOf.push(field);
      this.ofField[field]!.push(code);
      codes.set(value, code);
    }
    return code;
  }
}

export function documentFacts(doc: SearchDocument, codes: FacetCodes): DocumentFacts {
  const facets: number[] = [];
  FACET_FIELDS.forEach((field, i) => {
    const raw = doc[field];
    const values = Array.isArray(raw) ? new Set(raw) : raw == null ? [] : [raw];
    for (const v of values) facets.push(codes.code(i, v));
  });
  return {
    doc,
    remote: isRemote(doc),
    onSite: isOnSite(doc),
    placed: isPlaced(doc),
    barriers: barrierBits(doc.barriers) ?? 0,
    facets,
  };
}

/** Distance from the geo point, when the document is placed. */
export function distanceFrom(f: DocumentFacts, geo: Pick<GeoConstraint, 'lat' | 'lon'>): number | null {
  return f.placed ? distanceKmBetween(geo.lat, geo.lon, f.doc.lat!, f.doc.lon!) : null;
}

/**
 * DESIGN §5 reachability: on site within the radius, or remote, or itinerant through the person's
 * commune, or on site there without coordinates.
 */
export function isReachable(f: DocumentFacts, distance: number | null, geo: GeoConstraint): boolean {
  if (distance !== null && distance <= geo.radiusKm) return true;
  const reach = geo.reachable;
  if (!reach) return false;
  if (reach.includeRemote && f.remote) return true;
  const commune = reach.itinerantCommune;
  if (!commune) return false;
  if (f.doc.itinerant_communes.includes(commune)) return true;
  return distance === null && f.onSite && f.doc.commune_code === commune;
}
