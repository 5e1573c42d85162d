/**
 * SearchFilters and the geo prefilter as SQL conditions on search_documents (alias d). Lists go
 * in as one JSON parameter each (json_each), so any length fits D1's parameter limit.
 */
import { sql, type RawBuilder } from 'kysely';
import type { GeoConstraint, SearchFilters } from '../port.ts';
import type { ValueField } from './schema.ts';
import { boxAroundCircle } from '../../api/domain/geo.ts';

type Condition = RawBuilder<unknown>;

function given(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

function inList(list: readonly string[]): RawBuilder<unknown> {
  return sql`(SELECT value FROM json_each(${JSON.stringify(list)}))`;
}

/** The document lists one of the values in this list field. */
function hasAnyValue(field: ValueField, list: readonly string[]): Condition {
  return sql`d.rid IN (SELECT rid FROM search_values WHERE field = ${field} AND value IN ${inList(list)})`;
}

export function filterConditions(f: SearchFilters = {}): Condition[] {
  const conditions: Condition[] = [
    f.activeOn ? sql`(d.suspended_until IS NULL OR d.suspended_until < ${f.activeOn})` : sql`d.suspended_until IS NULL`,
  ];
  if (given(f.ids)) conditions.push(sql`d.id IN ${inList(f.ids)}`);
  if (given(f.barriers)) conditions.push(hasAnyValue('barriers', f.barriers));
  if (given(f.thematiques)) conditions.push(hasAnyValue('thematiques', f.thematiques));
  if (given(f.categories)) conditions.push(hasAnyValue('categories', f.categories));
  if (given(f.modes)) conditions.push(hasAnyValue('modes', f.modes));
  if (given(f.publics)) conditions.push(sql`(d.publics_open = 1 OR ${hasAnyValue('publics', f.publics)})`);
  if (given(f.zoneCodes)) conditions.push(sql`(d.zone_open = 1 OR ${hasAnyValue('zone', f.zoneCodes)})`);
  if (given(f.types)) conditions.push(sql`d.type IN ${inList(f.types)}`);
  if (given(f.fees)) conditions.push(sql`d.fees IN ${inList(f.fees)}`);
  if (given(f.departements)) conditions.push(sql`d.departement_code IN ${inList(f.departements)}`);
  if (f.age !== undefined) {
    conditions.push(sql`(d.age_min IS NULL OR d.age_min <= ${f.age})`);
    conditions.push(sql`(d.age_max IS NULL OR d.age_max >= ${f.age})`);
  }
  return conditions;
}

/**
 * Documents that may be reachable: inside the box, or remote, or itinerant through the commune, or
 * on site in the commune without coordinates.
 */
export function geoPrefilter(geo: GeoConstraint): Condition {
  const box = boxAroundCircle(geo.lat, geo.lon, geo.radiusKm);
  const alternatives: Condition[] = [
    sql`(d.lat BETWEEN ${box.minLat} AND ${box.maxLat} AND d.lon BETWEEN ${box.minLon} AND ${box.maxLon})`,
  ];
  if (geo.reachable?.includeRemote) alternatives.push(sql`d.remote = 1`);
  const commune = geo.reachable?.itinerantCommune;
  if (commune) alternatives.push(itinerantThrough(commune), unplacedIn(commune));
  return sql`(${sql.join(alternatives, sql` OR `)})`;
}

/** On site in this commune, with no coordinates to measure a distance from. */
export function unplacedIn(commune: string): Condition {
  return sql`(d.on_site = 1 AND (d.lat IS NULL OR d.lon IS NULL) AND d.commune_code = ${commune})`;
}

export function itinerantThrough(commune: string): Condition {
  return sql`d.rid IN (SELECT rid FROM search_values WHERE field = 'itinerant' AND value = ${commune})`;
}
