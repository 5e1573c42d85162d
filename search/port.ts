/**
 * The SearchIndex port: what the API needs from a search engine. Two adapters implement it with the
 * same semantics: search/sqlite/ (FTS5, embedded, the default) and search/meilisearch/ (at scale).
 * test/search/contract.test.ts runs the same cases on both.
 */
import type { SearchDocument } from './document.ts';

export type EngineName = 'sqlite' | 'meilisearch';

/** Facet fields an engine counts (values of the documents' list or scalar fields). */
export const FACET_FIELDS = ['barriers', 'thematiques', 'categories', 'publics', 'type', 'fees', 'modes_accueil', 'departement_code'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Every list filter is any-of; an absent or empty list puts no constraint. */
export interface SearchFilters {
  /** Any-of on barriers (a document answers at least one). */
  barriers?: string[];
  thematiques?: string[];
  /** Any-of on thématique categories (the part before "--"). */
  categories?: string[];
  /** Open to one of these publics: a document listing one of them, or tous-publics (one listing none is left out). */
  publics?: string[];
  types?: string[];
  fees?: string[];
  /** Any-of on modes d'accueil (en-presentiel, a-distance). */
  modes?: string[];
  departements?: string[];
  /**
   * Eligibility: codes covering the person's commune (itself, its EPCI, its département, france,
   * 99100). A document is eligible when its zone lists one of them or is empty.
   */
  zoneCodes?: string[];
  /** A person's age: documents whose age bounds exclude it are left out (missing bounds = no limit). */
  age?: number;
  ids?: string[];
  /**
   * The day (YYYY-MM-DD, French time) the answer is for: offers suspended through that day are left
   * out. Without it, every suspended offer is left out.
   */
  activeOn?: string;
}

export interface GeoConstraint {
  lat: number;
  lon: number;
  radiusKm: number;
  /**
   * Reachability (DESIGN §5): on site within the radius, OR remote (a-distance), OR itinerant
   * through the person's commune, OR on site in that commune when the offer has no coordinates.
   * Without it, only the radius counts.
   */
  reachable?: { includeRemote: boolean; itinerantCommune?: string };
}

export interface SearchQuery {
  q?: string;
  filters?: SearchFilters;
  geo?: GeoConstraint;
  /** 0-based offset and page size. */
  offset?: number;
  limit?: number;
  facets?: readonly FacetField[];
  /**
   * Hits may carry lean documents (see `leanDocument`: no description, publics details or access
   * conditions): enough to filter, rank and summarise, and much cheaper to read.
   */
  lean?: boolean;
}

export interface SearchHit {
  id: string;
  /** Text relevance from the engine, 0..1 (1 when there is no text query). */
  textScore: number;
  /** Distance from the geo point to the document's location, when both are known. */
  distanceKm: number | null;
  document: SearchDocument;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Partial<Record<FacetField, Record<string, number>>>;
  engine: EngineName;
}

export interface SearchHealth {
  ok: boolean;
  engine: EngineName;
  documents: number | null;
  detail?: string;
}

export interface SearchIndex {
  readonly name: EngineName;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /**
   * Hits sorted by text relevance (when q is given), then distance (when geo is given), then id:
   * a stable order, so pages never overlap.
   */
  search(query: SearchQuery): Promise<SearchResult>;
  health(): Promise<SearchHealth>;
  /** Replaces the whole index with these documents. */
  reindex(documents: SearchDocument[]): Promise<void>;
}

/**
 * The engine cannot answer now (unreachable, timed out, overloaded, credentials refused). Callers
 * fall back to the embedded SQLite index for reads, and keep writes in the outbox for later.
 */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
}
