/**
 * One search on the SQLite engine. A text query asks FTS5 which documents match, with their bm25
 * score, whether the name matched and with how few typos (kept in memory until the next change); the
 * memory index (memory.ts) gives the documents, among those, passing the filters and the reach; the
 * order, page and facet counts are computed here. Lean hits come from memory; full ones read their
 * long texts for the page only.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import type { LongTexts, RankTier } from '../document.ts';
import { FACET_FIELDS, type FacetField, type SearchHit, type SearchQuery, type SearchResult } from '../port.ts';
import { TextMatches, type MemoryIndex, type MemoryStore, type Selection, type TextScore } from './memory.ts';
import { FTS_COLUMNS } from './schema.ts';
import { addTypoVariants, ftsExpression, maxTypos, parseQuery, typoWord } from './text-query.ts';

export const DEFAULT_LIMIT = 20;

interface TextMatch {
  /** Every alternative, typos included: what a document must match. */
  match: string;
  /** `within[k]`: the alternatives with at most k typos, for each k below the most typos used (null: none). */
  within: (string | null)[];
  /** Both, as the key of the matches kept in memory. */
  key: string;
}

/** The documents of an answer, best first: row ids, with their distances (NaN: unknown) and text scores. */
interface Ranking {
  rids: number[];
  distances: number[];
  /** null without text: 1 for every document. */
  textScores: number[] | null;
}

export async function runSearch(db: Kysely<Database>, store: MemoryStore, query: SearchQuery): Promise<SearchResult> {
  const memory = await store.current(db);
  const q = query.q;
  const text = q ? memory.queryText(q, () => textMatch(memory, q)) : null;
  const scored = text ? await textMatches(db, memory, text) : null;
  const selection = memory.select(query.filters, query.geo, scored ?? undefined);
  const withGeo = query.geo !== undefined;
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
  const ranking = scored ? rankByText(memory, selection, scored.scores, text!.within.length, withGeo, offset + limit) : rank(memory, selection, withGeo);
  const end = Math.min(ranking.rids.length, offset + limit);
  const page: number[] = [];
  for (let i = offset; i < end; i++) page.push(i);
  // The documents and facets are taken before reading long texts: a write may change the memory meanwhile.
  const docs = page.map((i) => memory.doc(ranking.rids[i]!));
  const facets = facetCounts(memory, selection.rids, query.facets ?? []);
  const texts = query.lean ? null : await longTexts(db, page.map((i) => ranking.rids[i]!));
  const hits: SearchHit[] = page.map((i, k) => {
    const rid = ranking.rids[i]!;
    const doc = docs[k]!;
    const distance = ranking.distances[i]!;
    return {
      id: doc.id,
      textScore: ranking.textScores ? ranking.textScores[i]! : 1,
      distanceKm: Number.isNaN(distance) ? null : distance,
      document: texts ? { ...doc, ...texts.get(rid) } : doc,
    };
  });
  return { total: selection.rids.length, hits, facets, engine: 'sqlite' };
}

/** null when there is no text to match (only stop words). */
function textMatch(memory: MemoryIndex, q: string): TextMatch | null {
  const terms = parseQuery(q, (word) => memory.vocabulary.nearest(word));
  if (terms.length === 0) return null;
  for (const term of terms) {
    const word = typoWord(term);
    if (word) addTypoVariants(term, memory.vocabulary.near(word, term.last));
  }
  const most = maxTypos(terms);
  // Every term has an alternative with the most typos: the expression exists.
  const match = ftsExpression(terms, most)!;
  const within = Array.from({ length: most }, (_, k) => ftsExpression(terms, k));
  return { match, within, key: [match, ...within].join('\n') };
}

const BM25 = sql.raw(`bm25(search_fts, ${FTS_COLUMNS.map((c) => c.weight).join(', ')})`);
/** Below zero when a phrase of the query is found in the name column (weights 0 elsewhere). */
const NAME_BM25 = sql.raw(`bm25(search_fts, ${FTS_COLUMNS.map((_, i) => (i === 0 ? 1 : 0)).join(', ')})`);

/** `+rowid IN (...)`: the rows among these ids (`+` keeps SQLite from seeking each one in the FTS index, far slower). */
function amongRows(rids: readonly number[]) {
  return sql`+rowid IN (SELECT value FROM json_each(${JSON.stringify(rids)}))`;
}

/**
 * Every row the text matches, with its scores: from memory when the same text was asked since the
 * last change, else one FTS pass for the match and its bm25, then one per typo level over the rows
 * still unsure, to find the fewest typos each matches with.
 */
async function textMatches(db: Kysely<Database>, memory: MemoryIndex, text: TextMatch): Promise<TextMatches> {
  const known = memory.textMatches(text.key);
  if (known) return known;
  const { rows } = await sql<{ rid: number; score: number; in_name: number }>`
    SELECT rowid AS rid, ${BM25} AS score, ${NAME_BM25} < 0 AS in_name FROM search_fts WHERE search_fts MATCH ${text.match}`.execute(db);
  const scores = new Map<number, TextScore>(rows.map((r) => [r.rid, { score: r.score, inName: r.in_name === 1, typos: text.within.length }]));
  let unsure = [...scores.keys()];
  for (let k = 0; k < text.within.length && unsure.length; k++) {
    if (text.within[k] === null) continue;
    const { rows: within } = await sql<{ rid: number }>`
      SELECT rowid AS rid FROM search_fts WHERE search_fts MATCH ${text.within[k]} AND ${amongRows(unsure)}`.execute(db);
    for (const { rid } of within) scores.get(rid)!.typos = k;
    const found = new Set(within.map((r) => r.rid));
    unsure = unsure.filter((rid) => !found.has(rid));
  }
  const matches = new TextMatches(scores);
  memory.rememberTextMatches(text.key, matches);
  return matches;
}

/**
 * Without text: by rank tier (search/document.ts rankTier: open and up to date, then overdue, then
 * full), then nearest first (with geo), then by id.
 */
function rank(memory: MemoryIndex, selection: Selection, withGeo: boolean): Ranking {
  const { rids, distances } = selection;
  if (!withGeo) {
    const order = rids.map((rid) => ({ rid, id: memory.doc(rid).id, tier: memory.rankTier(rid) }));
    order.sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { rids: order.map((o) => o.rid), distances: order.map(() => NaN), textScores: null };
  }
  // Around a place, documents come nearest first, then by id (memory.ts): a stable pass per tier keeps that order within each.
  const tiers = new Uint8Array(rids.length);
  let demoted = false;
  for (let i = 0; i < rids.length; i++) if ((tiers[i] = memory.rankTier(rids[i]!))) demoted = true;
  if (!demoted) return { rids, distances, textScores: null };
  const ranking: Ranking = { rids: [], distances: [], textScores: null };
  for (const tier of [0, 1, 2]) {
    for (let i = 0; i < rids.length; i++) {
      if (tiers[i] !== tier) continue;
      ranking.rids.push(rids[i]!);
      ranking.distances.push(distances[i]!);
    }
  }
  return ranking;
}

interface TextRanked {
  rid: number;
  distance: number;
  text: TextScore;
  tier: RankTier;
}

/**
 * Orders the documents the text matched: fewest typos, found in the name, offers that can still
 * take someone and are up to date, then overdue ones, then full ones (rankTier), bm25, then distance, then id; only the first `keep` are put in
 * order (the pages asked: a common word matches thousands). Text scores map that order onto 0..1:
 * with T typo levels in use, documents with t typos get ((T − t) + relative bm25) / (T + 1),
 * relative to the best of their level.
 */
function rankByText(memory: MemoryIndex, selection: Selection, scores: ReadonlyMap<number, TextScore>, levels: number, withGeo: boolean, keep: number): Ranking {
  const best = new Array<number>(levels + 1).fill(0);
  const ranked: TextRanked[] = [];
  for (let i = 0; i < selection.rids.length; i++) {
    const rid = selection.rids[i]!;
    const text = scores.get(rid)!;
    if (text.score < best[text.typos]!) best[text.typos] = text.score;
    ranked.push({ rid, distance: selection.distances[i]!, text, tier: memory.rankTier(rid) });
  }
  const before = (a: TextRanked, b: TextRanked) => {
    const [s, t] = [a.text, b.text];
    if (s.typos !== t.typos) return s.typos - t.typos;
    if (s.inName !== t.inName) return s.inName ? -1 : 1;
    if (a.tier !== b.tier) return a.tier - b.tier;
    if (s.score !== t.score) return s.score - t.score;
    if (withGeo && a.distance !== b.distance && !(Number.isNaN(a.distance) && Number.isNaN(b.distance))) {
      if (Number.isNaN(a.distance)) return 1;
      if (Number.isNaN(b.distance)) return -1;
      return a.distance - b.distance;
    }
    const [x, y] = [memory.doc(a.rid).id, memory.doc(b.rid).id];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const first = firstInOrder(ranked, keep, before);
  return {
    rids: first.map((r) => r.rid),
    distances: first.map((r) => r.distance),
    textScores: first.map(({ text: t }) => {
      const relative = best[t.typos]! < 0 ? t.score / best[t.typos]! : 1;
      return (levels - t.typos + relative) / (levels + 1);
    }),
  };
}

/**
 * The first `keep` items in the order `before` gives (a total order), sorted: a whole sort when
 * they are most of the items, else a heap of the best `keep` seen so far (n log keep).
 */
export function firstInOrder<T>(items: T[], keep: number, before: (a: T, b: T) => number): T[] {
  if (keep <= 0) return [];
  if (keep * 4 >= items.length) return items.sort(before).slice(0, keep);
  // A heap with the worst of the kept items on top.
  const heap: T[] = [];
  const worse = (i: number, j: number) => before(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < keep) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (before(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(before);
}

async function longTexts(db: Kysely<Database>, rids: number[]): Promise<Map<number, LongTexts>> {
  if (rids.length === 0) return new Map();
  const { rows } = await sql<{ rid: number; texts: string }>`
    SELECT rid, texts FROM search_documents WHERE rid IN (SELECT value FROM json_each(${JSON.stringify(rids)}))`.execute(db);
  return new Map(rows.map((r) => [r.rid, JSON.parse(r.texts) as LongTexts]));
}

/** Per wanted field, how many of the documents carry each value (once per document). */
function facetCounts(memory: MemoryIndex, rids: readonly number[], fields: readonly FacetField[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  if (fields.length === 0) return facets;
  const { valueOf, ofField } = memory.facetCodes;
  // One pass over the documents, every field at once; then each field reads its codes.
  const counts = new Uint32Array(valueOf.length);
  memory.countFacets(rids, counts);
  for (const field of fields) {
    const out: Record<string, number> = {};
    for (const code of ofField[FACET_FIELDS.indexOf(field)]!) {
      const n = counts[code]!;
      if (n) out[valueOf[code]!] = n;
    }
    facets[field] = out;
  }
  return facets;
}
