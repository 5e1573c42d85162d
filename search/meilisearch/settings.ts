/**
 * Index settings, built from the same lexicon and rules as the SQLite engine: searchable fields in
 * the SQLite engine's weight order, every filter and facet field filterable, French tokenisation,
 * the insertion lexicon's synonyms and stop words, typos from 5 and 9 letters.
 */
import type { Settings } from 'meilisearch';
import { TEXT_FIELDS } from '../text.ts';

export interface Lexicon {
  /**
   * Groups of equivalent terms (single words or phrases) in search-term form (`lexiconKey`), the
   * form of the indexed text and of the queries the engine sends; every term finds the others.
   */
  synonymGroups: readonly (readonly string[])[];
  stopWords: readonly string[];
}

/**
 * Text fields, most important first (Meilisearch's `attribute` rule ranks by this order): the
 * search-term form of the document shared with the SQLite engine (search/text.ts).
 */
export const SEARCHABLE_ATTRIBUTES = TEXT_FIELDS.map((f) => `text_${f}`);

export const FILTERABLE_ATTRIBUTES = [
  'id',
  'barriers',
  'thematiques',
  'categories',
  'publics',
  'type',
  'fees',
  'modes_accueil',
  'departement_code',
  'zone',
  'itinerant_communes',
  'age_min',
  'age_max',
  '_geo',
  'structure_id',
  'commune_code',
  'source',
  'suspended_until_day',
  'lat',
  'lon',
];

export const SORTABLE_ATTRIBUTES = ['id', '_geo', 'name', 'confirmed_at', 'completeness', 'places_available'];

/**
 * The port's order: how well the text matches (words, typos, proximity, attribute: the coarse
 * levels the SQLite engine's fewest typos and match in the name stand for), then offers that can
 * still take someone and are up to date, then overdue ones, then full ones (`rank_tier`, like the
 * SQLite engine: search/document.ts rankTier), then the rest of text relevance (exactness; bm25
 * there), then the query's sort (distance, then id). The default puts `sort` before `exactness`.
 */
export const RANKING_RULES = ['words', 'typo', 'proximity', 'attribute', 'rank_tier:asc', 'exactness', 'sort'];

/** Same thresholds as the SQLite engine: one typo from 5 letters, two from 9. */
export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 5, twoTypos: 9 };

/** Above the ~210 d·i thématiques, so a facet never loses values. */
export const MAX_VALUES_PER_FACET = 1000;

/** The national d·i catalogue holds tens of thousands of services; totals must stay exact. */
export const MAX_TOTAL_HITS = 1_000_000;

/**
 * Meilisearch's synonyms are a map term → terms. A group expands into one entry per term listing
 * the others (mutual synonyms); a term in several groups gets their union.
 */
export function synonymMap(groups: Lexicon['synonymGroups']): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  const out: Record<string, string[]> = {};
  for (const term of [...map.keys()].sort()) {
    const others = [...map.get(term)!].sort();
    if (others.length) out[term] = others;
  }
  return out;
}

/**
 * Lexicon words are taken as typed, as by the SQLite engine: "permis" must not find "parmi". A word
 * with a typo of a lexicon word arrives corrected (search/lexicon/correction.ts), so its synonyms
 * apply: Meilisearch looks synonyms up for exact words only.
 */
function singleWordEntries(groups: Lexicon['synonymGroups']): string[] {
  return [...new Set(groups.flat().filter((t) => !t.includes(' ')))].sort();
}

export function indexSettings(lexicon: Lexicon): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: SORTABLE_ATTRIBUTES,
    rankingRules: RANKING_RULES,
    synonyms: synonymMap(lexicon.synonymGroups),
    stopWords: [...new Set(lexicon.stopWords.map((w) => w.trim().toLowerCase()).filter(Boolean))].sort(),
    localizedAttributes: [{ attributePatterns: SEARCHABLE_ATTRIBUTES, locales: ['fra'] }],
    typoTolerance: { enabled: true, minWordSizeForTypos: MIN_WORD_SIZE_FOR_TYPOS, disableOnWords: singleWordEntries(lexicon.synonymGroups) },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    // Nothing in the service searches facet values; skipping their index makes indexing faster.
    facetSearch: false,
  };
}

/** Order-insensitive where Meilisearch treats a list as a set, so a no-op update is never sent. */
function canonical(key: keyof Settings, value: unknown): unknown {
  if (value == null) return null;
  switch (key) {
    case 'filterableAttributes':
    case 'sortableAttributes':
    case 'stopWords':
      return [...(value as string[])].map(String).sort();
    case 'synonyms': {
      const map = value as Record<string, string[]>;
      return Object.fromEntries(Object.keys(map).sort().map((k) => [k, [...map[k]!].sort()]));
    }
    case 'typoTolerance': {
      const t = value as { enabled?: boolean; minWordSizeForTypos?: unknown; disableOnWords?: string[] };
      return { enabled: t.enabled, minWordSizeForTypos: t.minWordSizeForTypos, disableOnWords: [...(t.disableOnWords ?? [])].sort() };
    }
    case 'faceting':
      return { maxValuesPerFacet: (value as { maxValuesPerFacet?: number }).maxValuesPerFacet };
    default:
      return value;
  }
}

/** The keys of `desired` whose value differs from `current` (empty: nothing to update). */
export function settingsToUpdate(current: Settings, desired: Settings): Settings {
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(desired) as (keyof Settings)[]) {
    if (JSON.stringify(canonical(key, current[key])) !== JSON.stringify(canonical(key, desired[key]))) update[key] = desired[key];
  }
  return update as Settings;
}
