/**
 * What the SQLite engine stores for one search document: its JSON, the scalar columns filters read,
 * its list values, and its text (search/text.ts, shared with the Meilisearch engine).
 */
import { FACET_FIELDS, type FacetField } from '../port.ts';
import type { SearchDocument } from '../document.ts';
import { documentTexts } from '../text.ts';
import type { ValueField } from './schema.ts';

export interface IndexRow {
  id: string;
  document: string;
  type: string | null;
  fees: string | null;
  departement_code: string | null;
  lat: number | null;
  lon: number | null;
  age_min: number | null;
  age_max: number | null;
  /** Open to every public (tous-publics): matches any publics filter. */
  publics_open: 0 | 1;
  zone_open: 0 | 1;
  remote: 0 | 1;
  /** Takes place on site: modes d'accueil empty or en-presentiel. */
  on_site: 0 | 1;
  commune_code: string | null;
  suspended_until: string | null;
  facets: string;
  /** FTS columns: name, labels, structure, description. */
  text: [string, string, string, string];
  values: [ValueField, string][];
}

export const REMOTE_MODE = 'a-distance';
export const ON_SITE_MODE = 'en-presentiel';
export const ALL_PUBLICS = 'tous-publics';

/** Separators of the compact facet column: values never contain them (codes are slugs). */
const FACET_SEPARATOR = '|';
const FIELD_SEPARATOR = ':';

export function indexRow(doc: SearchDocument): IndexRow {
  const text = documentTexts(doc);
  const values: [ValueField, string][] = [
    ...doc.barriers.map((v): [ValueField, string] => ['barriers', v]),
    ...doc.thematiques.map((v): [ValueField, string] => ['thematiques', v]),
    ...doc.categories.map((v): [ValueField, string] => ['categories', v]),
    ...doc.publics.map((v): [ValueField, string] => ['publics', v]),
    ...doc.modes_accueil.map((v): [ValueField, string] => ['modes', v]),
    ...doc.zone.map((v): [ValueField, string] => ['zone', v]),
    ...doc.itinerant_communes.map((v): [ValueField, string] => ['itinerant', v]),
  ];
  return {
    id: doc.id,
    document: JSON.stringify(doc),
    type: doc.type,
    fees: doc.fees,
    departement_code: doc.departement_code,
    lat: doc.lat,
    lon: doc.lon,
    age_min: doc.age_min,
    age_max: doc.age_max,
    publics_open: doc.publics.includes(ALL_PUBLICS) ? 1 : 0,
    zone_open: doc.zone.length === 0 ? 1 : 0,
    remote: doc.modes_accueil.includes(REMOTE_MODE) ? 1 : 0,
    on_site: doc.modes_accueil.length === 0 || doc.modes_accueil.includes(ON_SITE_MODE) ? 1 : 0,
    commune_code: doc.commune_code,
    suspended_until: doc.suspended_until,
    facets: encodeFacets(doc),
    text: [text.name, text.labels, text.structure, text.description],
    values: dedupe(values),
  };
}

function dedupe(values: [ValueField, string][]): [ValueField, string][] {
  const seen = new Set<string>();
  return values.filter(([f, v]) => {
    const key = `${f}\u0000${v}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "fieldIndex:value|fieldIndex:value...": counted per candidate without parsing JSON. */
function encodeFacets(doc: SearchDocument): string {
  const parts: string[] = [];
  FACET_FIELDS.forEach((field, i) => {
    const raw = doc[field];
    const values = Array.isArray(raw) ? new Set(raw) : raw == null ? [] : [raw];
    for (const v of values) if (!v.includes(FACET_SEPARATOR)) parts.push(`${i}${FIELD_SEPARATOR}${v}`);
  });
  return parts.join(FACET_SEPARATOR);
}

/** Adds one document's facet values to the counts of the wanted fields. */
export function countFacets(encoded: string, wanted: ReadonlyMap<number, Record<string, number>>): void {
  if (encoded === '') return;
  for (const part of encoded.split(FACET_SEPARATOR)) {
    const cut = part.indexOf(FIELD_SEPARATOR);
    const counts = wanted.get(Number(part.slice(0, cut)));
    if (!counts) continue;
    const value = part.slice(cut + 1);
    counts[value] = (counts[value] ?? 0) + 1;
  }
}

export function facetIndex(field: FacetField): number {
  return FACET_FIELDS.indexOf(field);
}
