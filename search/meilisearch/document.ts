/**
 * The Meilisearch form of a search document: the SearchDocument as is, plus `_geo` (what the geo
 * filters and sort read) and the French labels of its codes, so "garde d'enfants" finds an offer
 * tagged `famille--garde-denfants` exactly as the SQLite engine's label columns do.
 */
import { labelsOf, labelOf } from '../../api/domain/referentials/index.ts';
import type { SearchDocument } from '../document.ts';

export interface MeiliDocument extends SearchDocument {
  _geo?: { lat: number; lng: number };
  thematiques_labels: string[];
  categories_labels: string[];
  barriers_labels: string[];
  publics_labels: string[];
  type_label: string | null;
}

/** Fields of SearchDocument, in a fixed list so a hit is returned without the engine's extras. */
const DOCUMENT_FIELDS = [
  'id', 'source', 'source_id', 'name', 'description', 'structure_id', 'structure_name', 'type', 'thematiques', 'categories',
  'barriers', 'publics', 'publics_details', 'access_conditions', 'fees', 'modes_accueil', 'zone', 'departement_code',
  'commune_code', 'commune_name', 'lat', 'lon', 'itinerant_communes', 'age_min', 'age_max', 'capacity', 'places_available',
  'confirmed_at', 'update_frequency_months', 'completeness',
] as const satisfies readonly (keyof SearchDocument)[];

// Compile-time check that the list above names every field of SearchDocument.
type Missing = Exclude<keyof SearchDocument, (typeof DOCUMENT_FIELDS)[number]>;
const _complete: [Missing] extends [never] ? true : Missing = true;
void _complete;

export const RETRIEVED_FIELDS: string[] = [...DOCUMENT_FIELDS];

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const meili: MeiliDocument = {
    ...doc,
    thematiques_labels: labelsOf('thematiques', doc.thematiques),
    categories_labels: labelsOf('categories', doc.categories),
    barriers_labels: labelsOf('barriers', doc.barriers),
    publics_labels: labelsOf('publics', doc.publics),
    type_label: doc.type ? (labelOf('types', doc.type) ?? doc.type) : null,
  };
  if (doc.lat != null && doc.lon != null) meili._geo = { lat: doc.lat, lng: doc.lon };
  return meili;
}

export function fromMeiliHit(hit: Record<string, unknown>): SearchDocument {
  const doc: Record<string, unknown> = {};
  for (const field of DOCUMENT_FIELDS) doc[field] = hit[field] ?? null;
  return doc as unknown as SearchDocument;
}
