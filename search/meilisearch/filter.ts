/**
 * The port's filters as a Meilisearch filter expression, with the same semantics as the SQLite
 * engine (DESIGN §5): any-of on lists, "open to" on publics and zone, missing age bounds = no limit,
 * and reachability = within the radius OR remote OR itinerant through the commune.
 */
import type { GeoConstraint, SearchFilters } from '../port.ts';
import { dayNumber } from './document.ts';

/** A filter value, always quoted: d·i slugs contain hyphens and codes like "2A" must stay strings. */
function literal(value: string): string {
  return JSON.stringify(value);
}

/** `field IN [...]`. */
function anyOf(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(literal).join(', ')}]`;
}

/** The port's rule: an absent or empty list puts no constraint. */
function given(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

function number(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Valeur numérique invalide dans un filtre : ${n}`);
  return String(n);
}

/** Conditions to AND together; an empty list means no filter. */
export function filterConditions(filters: SearchFilters = {}, geo?: GeoConstraint): string[] {
  const conditions: string[] = [
    filters.activeOn
      ? `(suspended_until_day IS NULL OR suspended_until_day < ${number(dayNumber(filters.activeOn)!)})`
      : 'suspended_until_day IS NULL',
  ];
  if (given(filters.ids)) conditions.push(anyOf('id', filters.ids));
  if (given(filters.barriers)) conditions.push(anyOf('barriers', filters.barriers));
  if (given(filters.thematiques)) conditions.push(anyOf('thematiques', filters.thematiques));
  if (given(filters.categories)) conditions.push(anyOf('categories', filters.categories));
  if (given(filters.publics)) conditions.push(anyOf('publics', [...filters.publics, 'tous-publics']));
  if (given(filters.types)) conditions.push(anyOf('type', filters.types));
  if (given(filters.fees)) conditions.push(anyOf('fees', filters.fees));
  if (given(filters.modes)) conditions.push(anyOf('modes_accueil', filters.modes));
  if (given(filters.departements)) conditions.push(anyOf('departement_code', filters.departements));
  if (given(filters.zoneCodes)) conditions.push(`(${anyOf('zone', filters.zoneCodes)} OR zone IS EMPTY)`);
  if (filters.age != null) {
    const age = number(filters.age);
    // Bounds are null when unknown (never absent), but a document written by hand may lack them.
    conditions.push(`(age_min IS NULL OR age_min NOT EXISTS OR age_min <= ${age})`);
    conditions.push(`(age_max IS NULL OR age_max NOT EXISTS OR age_max >= ${age})`);
  }
  if (geo) conditions.push(geoCondition(geo));
  return conditions;
}

function geoCondition(geo: GeoConstraint): string {
  const radius = `_geoRadius(${number(geo.lat)}, ${number(geo.lon)}, ${number(Math.round(geo.radiusKm * 1000))})`;
  const alternatives = [radius];
  if (geo.reachable?.includeRemote) alternatives.push('modes_accueil = "a-distance"');
  const commune = geo.reachable?.itinerantCommune;
  if (commune) {
    alternatives.push(`itinerant_communes = ${literal(commune)}`);
    // On site in the commune with no coordinates to measure a distance from.
    alternatives.push(`(commune_code = ${literal(commune)} AND (lat IS NULL OR lon IS NULL) AND (modes_accueil IS EMPTY OR modes_accueil = "en-presentiel"))`);
  }
  return alternatives.length === 1 ? radius : `(${alternatives.join(' OR ')})`;
}

/** The whole expression, or undefined when nothing filters. */
export function filterExpression(filters?: SearchFilters, geo?: GeoConstraint): string | undefined {
  const conditions = filterConditions(filters, geo);
  return conditions.length ? conditions.join(' AND ') : undefined;
}
