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
import { filterConditions, geoPrefilter, itinerantThrough, unplacedIn } from './filters.ts';
import { countFacets, facetIndex } from './rows.ts';
import { FTS_COLUMNS } from './schema.ts';
import { addTypoVariants, ftsExpression, maxTypos, parseQuery, typoWord } from './text-query.ts';
import { vocabularyNear } from './vocabulary.ts';

export const DEFAULT_LIMIT = 20;

interface TextMatch {
  /** Every alternative, typos included: what a document must match. */
  match: string;
  /** `within[k]`: the alternatives with at most k typos, for each k below the most typos used. */
  within: string[];
}

interface Candidate {
  rid: number;
  id: string;
  lat: number | null;
  lon: number | null;
  remote: number;
  /** Itinerant through the person's commune, or on site there without coordinates. */
  in_commune: number | null;
  score: number | null;
  /** 1 when the text is found in the name (Meilisearch's `attribute` rule ranks those first). */
  in_name: number | null;
  /** within_k = 1 when the document matches with at most k typos (see TextMatch.within). */
  [within: `within_${number}`]: number | null;
  facets: string | null;
}

interface Ranked {
  candidate: Candidate;
  distance: number | null;
  /** Fewest typos the document matches with (0 without text). */
  typos: number;
  textScore: number;
}

export async function runSearch(db: Kysely<Database>, query: SearchQuery): Promise<SearchResult> {
  const text = await textMatch(db, query.q);
  const wantedFacets = query.facets ?? [];
  const candidates = await selectCandidates(db, query, text, wantedFacets.length > 0);
  const ranked = rank(candidates, text, query.geo);

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
  const most = maxTypos(terms);
  return { match: ftsExpression(terms, most), within: Array.from({ length: most }, (_, k) => ftsExpression(terms, k)) };
}

const BM25 = sql.raw(`bm25(search_fts, ${FTS_COLUMNS.map((c) => c.weight).join(', ')})`);
/** Below zero when a phrase of the query is found in the name column (weights 0 elsewhere). */
const NAME_BM25 = sql.raw(`bm25(search_fts, ${FTS_COLUMNS.map((c, i) => (i === 0 ? 1 : 0)).join(', ')})`);

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
    itinerantCommune ? sql`(${itinerantThrough(itinerantCommune)} OR ${unplacedIn(itinerantCommune)}) AS in_commune` : sql`NULL AS in_commune`,
    text ? sql`${BM25} AS score` : sql`NULL AS score`,
    text ? sql`${NAME_BM25} < 0 AS in_name` : sql`NULL AS in_name`,
    ...(text?.within ?? []).map((expression, k) => sql`(d.rid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${expression})) AS ${sql.raw(`within_${k}`)}`),
    withFacets ? sql`d.facets` : sql`NULL AS facets`,
  ];
  if (text) conditions.unshift(sql`search_fts MATCH ${text.match}`);
  const from = text ? sql`search_fts JOIN search_documents d ON d.rid = search_fts.rowid` : sql`search_documents d`;
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const { rows } = await sql<Candidate>`SELECT ${sql.join(columns)} FROM ${from} ${where}`.execute(db);
  return rows;
}

/**
 * Keeps the reachable candidates and orders them: text relevance (fewest typos first, then found in
 * the name, then bm25), distance, id. textScore maps that order onto 0..1: with T typo levels in use, documents with t
 * typos get ((T − t) + relative bm25) / (T + 1), relative to the best of their level.
 */
function rank(candidates: Candidate[], text: TextMatch | null, geo: GeoConstraint | undefined): Ranked[] {
  const levels = text ? text.within.length : 0;
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    const distance = geo && c.lat != null && c.lon != null ? distanceKm([geo.lon, geo.lat], [c.lon, c.lat]) : null;
    if (geo && !reachable(c, distance, geo)) continue;
    let typos = 0;
    while (typos < levels && c[`within_${typos}`] !== 1) typos++;
    ranked.push({ candidate: c, distance, typos, textScore: 1 });
  }
  if (text) {
    const best = new Array<number>(levels + 1).fill(0);
    for (const r of ranked) best[r.typos] = Math.min(best[r.typos]!, r.candidate.score ?? 0);
    for (const r of ranked) {
      const relative = best[r.typos]! < 0 ? (r.candidate.score ?? 0) / best[r.typos]! : 1;
      r.textScore = (levels - r.typos + relative) / (levels + 1);
    }
  }
  return ranked.sort((a, b) => {
    if (text) {
      if (a.typos !== b.typos) return a.typos - b.typos;
      if (a.candidate.in_name !== b.candidate.in_name) return (b.candidate.in_name ?? 0) - (a.candidate.in_name ?? 0);
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

/** DESIGN §5 reachability: on site within the radius, or remote, or itinerant through the commune. */
function reachable(c: Candidate, distance: number | null, geo: GeoConstraint): boolean {
  if (distance !== null && distance <= geo.radiusKm) return true;
  if (geo.reachable?.includeRemote && c.remote === 1) return true;
  return c.in_commune === 1;
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
