/**
 * One search on the SQLite engine. SQL narrows the documents (filters, text match, geo box) and
 * returns light candidate rows; the exact distance, reachability, order, page and facet counts are
 * then computed here, and only the page's documents are read in full.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { distanceKm } from '../../api/domain/geo.ts';
import type { SearchDocument } from '../document.ts';
import type { FacetField, GeoConstraint, SearchHit, SearchQuery, SearchResult } from '../port.ts';
import { filterConditions, geoPrefilter, itinerantThrough } from './filters.ts';
import { countFacets, facetIndex } from './rows.ts';
import { FTS_COLUMNS } from './schema.ts';
import { addTypoVariants, ftsExpression, parseQuery, typoWord } from './text-query.ts';
import { vocabularyNear } from './vocabulary.ts';

export const DEFAULT_LIMIT = 20;

interface TextMatch {
  /** Every alternative, typos included: what a document must match. */
  match: string;
  /** Alternatives without typos, when typos added any: documents matching it rank first. */
  exact: string | null;
}

interface Candidate {
  rid: number;
  id: string;
  lat: number | null;
  lon: number | null;
  remote: number;
  itinerant: number | null;
  score: number | null;
  exact: number | null;
  facets: string | null;
}

interface Ranked {
  candidate: Candidate;
  distance: number | null;
  textScore: number;
}

export async function runSearch(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const text = await textMatch(db, query.q);
  const wantedFacets = query.facets ?? [];
  const candidates = await selectCandidates(db, query, text, wantedFacets.length > 0);
  const ranked = rank(candidates, text !== null, query.geo);

  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
  const page = ranked.slice(offset, offset + limit);
  const documents = await documentsByRid(db, page.map((r) => r.candidate.rid));
  const hits: SearchHit[] = page.map((r) => ({
    id: r.candidate.id,
    textScore: r.textScore,
    distanceKm: r.distance,
    document: documents.get(r.candidate.rid)!,
  }));
  return { total: ranked.length, hits, facets: facetCounts(ranked, wantedFacets), engine: 'sqlite' };
}

/** null when there is no text to match (no query, or only stop words). */
async function textMatch(db: Kysely<Database>, q: string | undefined): Promise<TextMatch | null> {
  if (!q) return null;
  const terms = parseQuery(q);
  if (terms.length === 0) return null;
  for (const term of terms) {
    const word = typoWord(term);
    if (word) addTypoVariants(term, await vocabularyNear(db, word, term.last));
  }
  const match = ftsExpression(terms, true);
  const exact = ftsExpression(terms, false);
  return { match, exact: exact === match ? null : exact };
}

const BM25 = sql.raw(`bm25(search_fts, ${FTS_COLUMNS.map((c) => c.weight).join(', ')})`);

async function selectCandidates(db: Kysely<Database>, query: SearchQuery, text: TextMatch | null, withFacets: boolean): Promise<Candidate[]> {
  const conditions = filterConditions(query.filters);
  if (query.geo) conditions.push(geoPrefilter(query.geo));
  const itinerantCommune = query.geo?.reachable?.itinerantCommune;
  const columns: RawBuilder<unknown>[] = [
    sql`d.rid`,
    sql`d.id`,
    sql`d.lat`,
    sql`d.lon`,
    sql`d.remote`,
    itinerantCommune ? sql`(${itinerantThrough(itinerantCommune)}) AS itinerant` : sql`NULL AS itinerant`,
    text ? sql`${BM25} AS score` : sql`NULL AS score`,
    text?.exact ? sql`(d.rid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${text.exact})) AS exact` : sql`NULL AS exact`,
    withFacets ? sql`d.facets` : sql`NULL AS facets`,
  ];
  if (text) conditions.unshift(sql`search_fts MATCH ${text.match}`);
  const from = text ? sql`search_fts JOIN search_documents d ON d.rid = search_fts.rowid` : sql`search_documents d`;
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const { rows } = await sql<Candidate>`SELECT ${sql.join(columns)} FROM ${from} ${where}`.execute(db);
  return rows;
}

/**
 * Keeps the reachable candidates and orders them: text relevance (exact matches before typo
 * matches, then bm25), distance, id. textScore maps that order onto 0..1: exact matches in
 * [0.5, 1], typo-only matches in (0, 0.5], each relative to the best of its tier.
 */
function rank(candidates: Candidate[], withText: boolean, geo: GeoConstraint | undefined): Ranked[] {
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    const distance = geo && c.lat != null && c.lon != null ? distanceKm([geo.lon, geo.lat], [c.lon, c.lat]) : null;
    if (geo && !reachable(c, distance, geo)) continue;
    ranked.push({ candidate: c, distance, textScore: 1 });
  }
  if (withText) {
    const tiered = ranked.some((r) => r.candidate.exact != null);
    const best = [0, 0];
    for (const r of ranked) {
      const tier = tierOf(r.candidate, tiered);
      best[tier] = Math.min(best[tier]!, r.candidate.score ?? 0);
    }
    for (const r of ranked) {
      const tier = tierOf(r.candidate, tiered);
      const relative = best[tier]! < 0 ? (r.candidate.score ?? 0) / best[tier]! : 1;
      r.textScore = tiered ? (tier === 1 ? 0.5 + 0.5 * relative : 0.5 * relative) : relative;
    }
  }
  return ranked.sort((a, b) => {
    if (withText) {
      const byTier = tierOf(b.candidate, true) - tierOf(a.candidate, true);
      if (byTier !== 0) return byTier;
      const byScore = (a.candidate.score ?? 0) - (b.candidate.score ?? 0);
      if (byScore !== 0) return byScore;
    }
    if (geo && a.distance !== b.distance) {
      if (a.distance === null) return 1;
      if (b.distance === null) return -1;
      return a.distance - b.distance;
    }
    return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
  });
}

/** 1 for a document matching without typos (or when typos added nothing), 0 for typo-only. */
function tierOf(c: Candidate, tiered: boolean): 0 | 1 {
  return !tiered || c.exact == null || c.exact === 1 ? 1 : 0;
}

/** DESIGN §5 reachability: on site within the radius, or remote, or itinerant through the commune. */
function reachable(c: Candidate, distance: number | null, geo: GeoConstraint): boolean {
  if (distance !== null && distance <= geo.radiusKm) return true;
  if (geo.reachable?.includeRemote && c.remote === 1) return true;
  return c.itinerant === 1;
}

async function documentsByRid(db: Kysely<Database>, rids: number[]): Promise<Map<number, SearchDocument>> {
  if (rids.length === 0) return new Map();
  const { rows } = await sql<{ rid: number; document: string }>`
    SELECT rid, document FROM search_documents WHERE rid IN (SELECT value FROM json_each(${JSON.stringify(rids)}))`.execute(db);
  return new Map(rows.map((r) => [r.rid, JSON.parse(r.document) as SearchDocument]));
}

function facetCounts(ranked: Ranked[], fields: readonly FacetField[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  const byIndex = new Map<number, Record<string, number>>();
  for (const field of fields) {
    const counts: Record<string, number> = {};
    facets[field] = counts;
    byIndex.set(facetIndex(field), counts);
  }
  if (byIndex.size) for (const r of ranked) countFacets(r.candidate.facets ?? '', byIndex);
  return facets;
}
