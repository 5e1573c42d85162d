/**
 * The SearchIndex port's filter and reach semantics (search/port.ts) written out plainly over an
 * array of documents: the oracle the engine contract suite checks both engines against. Written
 * from the port's comments, not from either engine, so a shared mistake would still show.
 */
import { distanceKm } from '../../api/domain/geo.ts';
import { rankTier, type SearchDocument } from '../../search/document.ts';
import type { FacetField, GeoConstraint, SearchFilters } from '../../search/port.ts';

const anyOf = (values: readonly string[] | undefined, has: (v: string) => boolean) => !values?.length || values.some(has);

export function passesFilters(d: SearchDocument, f: SearchFilters): boolean {
  if (d.suspended_until !== null && !(f.activeOn && d.suspended_until < f.activeOn)) return false;
  return (
    anyOf(f.ids, (v) => d.id === v) &&
    anyOf(f.barriers, (v) => d.barriers.includes(v)) &&
    anyOf(f.thematiques, (v) => d.thematiques.includes(v)) &&
    anyOf(f.categories, (v) => d.categories.includes(v)) &&
    (!f.publics?.length || d.publics.includes('tous-publics') || f.publics.some((v) => d.publics.includes(v))) &&
    anyOf(f.types, (v) => d.type === v) &&
    anyOf(f.fees, (v) => d.fees === v) &&
    anyOf(f.modes, (v) => d.modes_accueil.includes(v)) &&
    anyOf(f.departements, (v) => d.departement_code === v) &&
    (d.zone.length === 0 || anyOf(f.zoneCodes, (v) => d.zone.includes(v))) &&
    (f.age === undefined || ((d.age_min === null || d.age_min <= f.age) && (d.age_max === null || d.age_max >= f.age)))
  );
}

export function distanceOf(d: SearchDocument, geo: Pick<GeoConstraint, 'lat' | 'lon'>): number | null {
  return d.lat === null || d.lon === null ? null : distanceKm([geo.lon, geo.lat], [d.lon, d.lat]);
}

export function isReachable(d: SearchDocument, geo: GeoConstraint): boolean {
  const km = distanceOf(d, geo);
  if (km !== null && km <= geo.radiusKm) return true;
  const reach = geo.reachable;
  if (!reach) return false;
  if (reach.includeRemote && d.modes_accueil.includes('a-distance')) return true;
  const commune = reach.itinerantCommune;
  if (!commune) return false;
  if (d.itinerant_communes.includes(commune)) return true;
  const onSite = d.modes_accueil.length === 0 || d.modes_accueil.includes('en-presentiel');
  return onSite && km === null && d.commune_code === commune;
}

/** The ids a filter-only query must return, in the port's order: up to date, then overdue, then full; distance (when geo), then id. */
export function expectedIds(documents: readonly SearchDocument[], filters: SearchFilters, geo?: GeoConstraint): string[] {
  const kept = documents.filter((d) => passesFilters(d, filters) && (!geo || isReachable(d, geo)));
  const key = (d: SearchDocument) => (geo ? (distanceOf(d, geo) ?? Infinity) : 0);
  return kept.sort((a, b) => rankTier(a) - rankTier(b) || key(a) - key(b) || (a.id < b.id ? -1 : 1)).map((d) => d.id);
}

/** Facet counts of these documents, as the port defines them (each value once per document). */
export function expectedFacets(documents: readonly SearchDocument[], fields: readonly FacetField[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const field of fields) {
    const counts: Record<string, number> = {};
    for (const d of documents) {
      const raw = d[field];
      const values = Array.isArray(raw) ? new Set(raw) : raw == null ? [] : [raw];
      for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    }
    out[field] = counts;
  }
  return out;
}
