/**
 * The Meilisearch form of a search document: the SearchDocument as is, plus `_geo` (what the geo
 * filters and sort read) and the four text fields the SQLite engine indexes too (search/text.ts),
 * so both engines search exactly the same words.
 */
import { rankTier, type RankTier, type SearchDocument } from '../document.ts';
import { documentTexts } from '../text.ts';

export interface MeiliDocument extends SearchDocument {
  _geo?: { lat: number; lng: number };
  text_name: string;
  text_labels: string;
  text_structure: string;
  text_description: string;
  /** suspended_until as a number (YYYYMMDD): Meilisearch compares numbers only. */
  suspended_until_day: number | null;
  /** rankTier (0 open and up to date, 1 overdue, 2 full) as a field: custom ranking rules read fields only. */
  rank_tier: RankTier;
}

/** Fields of SearchDocument, in a fixed list so a hit is returned without the engine's extras. */
const DOCUMENT_FIELDS = [
  'id', 'source', 'source_id', 'name', 'description', 'structure_id', 'structure_name', 'type', 'thematiques', 'categories',
  'barriers', 'publics', 'publics_details', 'access_conditions', 'fees', 'modes_accueil', 'zone', 'departement_code',
  'commune_code', 'commune_name', 'lat', 'lon', 'itinerant_communes', 'age_min', 'age_max', 'capacity', 'places_available', 'full', 'overdue',
  'confirmed_at', 'update_frequency_months', 'completeness', 'suspended_until',
] as const satisfies readonly (keyof SearchDocument)[];

// Compile-time check that the list above names every field of SearchDocument.
type Missing = Exclude<keyof SearchDocument, (typeof DOCUMENT_FIELDS)[number]>;
const _complete: [Missing] extends [never] ? true : Missing = true;
void _complete;

export const RETRIEVED_FIELDS: string[] = [...DOCUMENT_FIELDS];

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const text = documentTexts(doc);
  const meili: MeiliDocument = {
    ...doc,
    text_name: text.name,
    text_labels: text.labels,
    text_structure: text.structure,
    text_description: text.description,
    suspended_until_day: dayNumber(doc.suspended_until),
    rank_tier: rankTier(doc),
  };
  if (doc.lat != null && doc.lon != null) meili._geo = { lat: doc.lat, lng: doc.lon };
  return meili;
}

/** "2026-06-15" → 20260615 (null stays null). */
export function dayNumber(day: string | null): number | null {
  return day == null ? null : Number(day.replaceAll('-', ''));
}

export function fromMeiliHit(hit: Record<string, unknown>): SearchDocument {
  const doc: Record<string, unknown> = {};
  for (const field of DOCUMENT_FIELDS) doc[field] = hit[field] ?? null;
  doc.full = hit.full === true;
  doc.overdue = hit.overdue === true;
  return doc as unknown as SearchDocument;
}
