/**
 * The SQLite engine's documents in memory: every lean document (search/document.ts), a grid of the
 * placed ones for the geo box, the ones reachable from anywhere (remote, itinerant, unplaced), and the
 * vocabulary. Filters and reach are checked here in plain code: at tens of thousands of documents a
 * row visit in SQL costs a microsecond, a check here a few nanoseconds. SQLite stays the store (and
 * the full-text index); this is a cache of it, per engine instance (no module state).
 *
 * Consistency: every write moves search_meta's generation on in its transaction. Writes through
 * this engine update the memory as they commit; a search that finds another generation in the
 * database (a `reindex` from the command line, another process) reloads everything first.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { boxAroundCircle } from '../../api/domain/geo.ts';
import type { RankTier, SearchDocument } from '../document.ts';
import type { GeoConstraint, SearchFilters } from '../port.ts';
import { ALL_PUBLICS, anyIn, barrierMasks, distanceFrom, documentFacts, FacetCodes, isActiveOn, isOpenTo, isReachable, prepareFilters, sharesEach, type DocumentFacts } from './filters.ts';
import { Columns, FULL, OVERDUE, PUBLICS_UNCODED, SUSPENDED } from './columns.ts';
import { storedGeneration } from './schema.ts';
import { createVocabulary, type Vocabulary } from './vocabulary.ts';

/** Grid cell size, degrees: a 30 km radius covers about 3 × 4 cells in mainland France. */
const CELL_DEGREES = 0.2;

/** The documents a selection kept, in parallel arrays (one object per search, not per document). */
export interface Selection {
  rids: number[];
  /** From the geo point, kilometres; NaN when unknown (no geo, or no coordinates). */
  distances: number[];
}

/** How a document matches a text. */
export interface TextScore {
  score: number;
  /** Found in the name (Meilisearch's `attribute` rule ranks those first). */
  inName: boolean;
  /** Fewest typos the document matches with. */
  typos: number;
}

/** The documents a text matches, by row id, with how each matches. */
export class TextMatches {
  /** One bit per row id: is it among the matches (a check cheaper than the map's). */
  private readonly bits: Uint32Array;
  constructor(readonly scores: ReadonlyMap<number, TextScore>) {
    let max = 0;
    for (const rid of scores.keys()) if (rid > max) max = rid;
    this.bits = new Uint32Array((max >>> 5) + 1);
    for (const rid of scores.keys()) this.bits[rid >>> 5]! |= 1 << (rid & 31);
  }

  get size() {
    return this.scores.size;
  }

  has(rid: number): boolean {
    return (rid >>> 5) < this.bits.length && (this.bits[rid >>> 5]! & (1 << (rid & 31))) !== 0;
  }
}

/** Rows of text matches kept in memory at most (about 100 bytes each). */
const MAX_REMEMBERED_MATCHES = 250_000;
/** Texts whose matches are kept, at most (each also holds a bit per row id). */
const MAX_REMEMBERED_TEXTS = 2_000;

export interface MemoryIndex {
  readonly generation: number;
  readonly size: number;
  readonly vocabulary: Vocabulary;
  /** The facet values' codes: field and value of each. */
  readonly facetCodes: Pick<FacetCodes, 'fieldOf' | 'valueOf' | 'ofField'>;
  /**
   * The documents passing the filters and, with geo, reachable (nearest first, then by id); only
   * those in `among` when given (the rows a text matched).
   */
  select(filters: SearchFilters | undefined, geo: GeoConstraint | undefined, among?: TextMatches): Selection;
  /** Adds the facet codes of these documents to `counts` (indexed by code, see facetCodes). */
  countFacets(rids: readonly number[], counts: Uint32Array): void;
  /** search/document.ts rankTier: 0 open and up to date, 1 overdue, 2 full. */
  rankTier(rid: number): RankTier;
  /** The matches of a text asked since the last change (see search.ts), by a key of the caller's. */
  textMatches(key: string): TextMatches | undefined;
  rememberTextMatches(key: string, matches: TextMatches): void;
  /** Something worked out from the documents for a query text (see search.ts), kept until the next change. */
  queryText<T>(q: string, work: () => T): T;
  doc(rid: number): SearchDocument;
}

/** A grid cell's key: its row and column in one number (rows and columns stay within ±2,000). */
const cellKey = (row: number, column: number) => row * 4096 + column;
const cellOf = (lat: number, lon: number) => cellKey(Math.floor(lat / CELL_DEGREES), Math.floor(lon / CELL_DEGREES));

/** The words a document adds to the vocabulary: the tokens of its FTS text. */
export function termsOf(text: readonly string[]): string[] {
  return [...new Set(text.join(' ').split(' ').filter(Boolean))];
}

/** Places whose reachable documents are kept (see reachableFrom). */
const MAX_PLACES = 512;

/** The documents reachable from a place, nearest first, in arrays (few objects for the collector). */
interface Place {
  entries: Entry[];
  /** Kilometres, NaN when the document has no coordinates. */
  distances: Float64Array;
  rids: Int32Array;
  barriers: Uint16Array;
  /** Per mask of barriers asked, the positions of the entries answering one of them (worked out on demand). */
  answering: Map<number, Int32Array>;
}

function byDocumentId(a: Entry, b: Entry): number {
  return a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0;
}

/** The positions of a place's entries sharing a bit with `mask`, kept with the place. */
function answering(place: Place, mask: number): Int32Array {
  let positions = place.answering.get(mask);
  if (!positions) {
    const found: number[] = [];
    for (let i = 0; i < place.barriers.length; i++) if (place.barriers[i]! & mask) found.push(i);
    place.answering.set(mask, (positions = Int32Array.from(found)));
  }
  return positions;
}

interface Entry extends DocumentFacts {
  rid: number;
  /** The last selection that looked at it (an entry answering several barriers is listed under each). */
  seen: number;
}

class Documents implements MemoryIndex {
  readonly entries = new Map<number, Entry>();
  readonly ridOfId = new Map<string, number>();
  /** Placed documents reachable only on site, by grid cell. */
  readonly grid = new Map<number, Set<Entry>>();
  /** Remote, itinerant or unplaced: possibly reachable wherever the person is; also by zone code. */
  readonly anywhere = new Set<Entry>();
  readonly anywhereByZone = new Map<string, Set<Entry>>();
  /** Key of the documents with no zone (open to all) in anywhereByZone. */
  private static readonly OPEN = '';
  readonly vocabulary = createVocabulary();
  readonly facetCodes = new FacetCodes();
  private readonly columns = new Columns();
  private selections = 0;
  /** The reachable documents of recently asked places, least recently asked first; emptied by every change. */
  private readonly places = new Map<string, Place>();
  /** The matches of recently asked texts, least recently asked first; emptied by every change. */
  private readonly texts = new Map<string, TextMatches>();
  private rememberedMatches = 0;
  /** What was worked out for recently asked query texts; emptied by every change. */
  private readonly queryTexts = new Map<string, unknown>();
  constructor(public generation: number) {}

  get size() {
    return this.entries.size;
  }

  /** Every change can change any answer. */
  private forgetAnswers() {
    this.places.clear();
    this.texts.clear();
    this.rememberedMatches = 0;
    this.queryTexts.clear();
  }

  private static onlyOnSite(e: Entry) {
    return e.placed && !e.remote && e.doc.itinerant_communes.length === 0;
  }

  /** The `anywhere` lists an entry belongs to, besides `anywhere` itself. */
  private eachAnywhereList(e: Entry, act: (list: Set<Entry>) => void) {
    for (const code of e.doc.zone.length ? e.doc.zone : [Documents.OPEN]) {
      let list = this.anywhereByZone.get(code);
      if (!list) this.anywhereByZone.set(code, (list = new Set<Entry>()));
      act(list);
    }
  }

  add(rid: number, doc: SearchDocument) {
    this.remove(doc.id);
    // SQLite reuses the row ids of deleted rows: in a batch, another document of the batch may have
    // held this rid until this very write. Take it out properly before its slot is reused.
    const previous = this.entries.get(rid);
    if (previous) this.remove(previous.doc.id);
    this.forgetAnswers();
    const entry: Entry = { rid, seen: 0, ...documentFacts(doc, this.facetCodes) };
    this.entries.set(rid, entry);
    this.columns.set(rid, entry);
    this.ridOfId.set(doc.id, rid);
    if (Documents.onlyOnSite(entry)) {
      const cell = cellOf(doc.lat!, doc.lon!);
      const cellEntries = this.grid.get(cell) ?? new Set<Entry>();
      cellEntries.add(entry);
      this.grid.set(cell, cellEntries);
    } else {
      this.anywhere.add(entry);
      this.eachAnywhereList(entry, (list) => list.add(entry));
    }
  }

  remove(id: string) {
    const rid = this.ridOfId.get(id);
    if (rid === undefined) return;
    this.forgetAnswers();
    const entry = this.entries.get(rid)!;
    if (Documents.onlyOnSite(entry)) this.grid.get(cellOf(entry.doc.lat!, entry.doc.lon!))?.delete(entry);
    else {
      this.anywhere.delete(entry);
      this.eachAnywhereList(entry, (list) => list.delete(entry));
    }
    this.entries.delete(rid);
    this.ridOfId.delete(id);
    this.columns.clear(rid);
  }

  doc(rid: number) {
    return this.entries.get(rid)!.doc;
  }

  rankTier(rid: number): RankTier {
    const flags = this.columns.flags[rid]!;
    return flags & FULL ? 2 : flags & OVERDUE ? 1 : 0;
  }

  countFacets(rids: readonly number[], counts: Uint32Array) {
    this.columns.countFacets(rids, counts);
  }

  select(filters: SearchFilters | undefined, geo: GeoConstraint | undefined, among?: TextMatches): Selection {
    const out: Selection = { rids: [], distances: [] };
    const { masks, exact } = barrierMasks(filters);
    if (!geo) {
      const passes = prepareFilters(filters);
      const consider = (e: Entry | undefined) => {
        if (!e || !sharesEach(e.barriers, masks) || !passes.test(e.doc)) return;
        out.rids.push(e.rid);
        out.distances.push(NaN);
      };
      if (among) for (const rid of among.scores.keys()) consider(this.entries.get(rid));
      else for (const e of this.entries.values()) consider(e);
      return out;
    }
    // The place's documents are open to the zone codes asked; barriers, publics and suspensions
    // are checked on the columns; the documents are read only for the other filters.
    const publicsAsked = filters?.publics?.length ? filters.publics : null;
    const passes = prepareFilters(filters, { zoneCodes: true, barriers: exact, publics: true, suspension: true });
    const publicsMask = publicsAsked ? this.columns.publicsMask([...publicsAsked, ALL_PUBLICS]) : 0;
    const publicsSet = publicsAsked ? new Set(publicsAsked) : null;
    const activeOn = filters?.activeOn;
    const { flags, publics } = this.columns;
    const place = this.reachableFrom(geo, filters?.zoneCodes);
    const { entries, distances, rids, barriers } = place;
    const positions = masks.length ? answering(place, masks[0]!) : null;
    const others = masks.slice(1);
    const count = positions ? positions.length : entries.length;
    for (let k = 0; k < count; k++) {
      const i = positions ? positions[k]! : k;
      const rid = rids[i]!;
      if (others.length && !sharesEach(barriers[i]!, others)) continue;
      if (among && !among.has(rid)) continue;
      const f = flags[rid]!;
      if (f & SUSPENDED && !isActiveOn(entries[i]!.doc, activeOn)) continue;
      if (publicsSet && !(publics[rid]! & publicsMask) && !(f & PUBLICS_UNCODED && isOpenTo(entries[i]!.doc, publicsSet))) continue;
      if (!passes.empty && !passes.test(entries[i]!.doc)) continue;
      out.rids.push(rid);
      out.distances.push(distances[i]!);
    }
    return out;
  }

  textMatches(key: string) {
    const known = this.texts.get(key);
    if (known) {
      this.texts.delete(key);
      this.texts.set(key, known);
    }
    return known;
  }

  rememberTextMatches(key: string, matches: TextMatches) {
    this.texts.set(key, matches);
    this.rememberedMatches += matches.size;
    for (const [oldest, old] of this.texts) {
      if ((this.rememberedMatches <= MAX_REMEMBERED_MATCHES && this.texts.size <= MAX_REMEMBERED_TEXTS) || oldest === key) break;
      this.texts.delete(oldest);
      this.rememberedMatches -= old.size;
    }
  }

  queryText<T>(q: string, work: () => T): T {
    if (this.queryTexts.has(q)) return this.queryTexts.get(q) as T;
    const value = work();
    this.queryTexts.set(q, value);
    if (this.queryTexts.size > MAX_REMEMBERED_TEXTS) this.queryTexts.delete(this.queryTexts.keys().next().value!);
    return value;
  }

  /**
   * The documents reachable from a place and open to its zone codes, nearest first (then by id).
   * Kept for the places asked recently: the other filters change from one search to the next, the
   * place far less (a département's agents search around the same communes all day).
   */
  private reachableFrom(geo: GeoConstraint, zoneCodes: readonly string[] | undefined): Place {
    const key = [geo.lat, geo.lon, geo.radiusKm, geo.reachable?.includeRemote ?? false, geo.reachable?.itinerantCommune ?? '', ...(zoneCodes ?? [])].join('|');
    const known = this.places.get(key);
    if (known) {
      this.places.delete(key);
      this.places.set(key, known);
      return known;
    }
    const zone = zoneCodes?.length ? new Set(zoneCodes) : null;
    const reached: Entry[] = [];
    const kilometres: number[] = [];
    const box = boxAroundCircle(geo.lat, geo.lon, geo.radiusKm);
    const [latFrom, latTo] = [Math.floor(box.minLat / CELL_DEGREES), Math.floor(box.maxLat / CELL_DEGREES)];
    const [lonFrom, lonTo] = [Math.floor(box.minLon / CELL_DEGREES), Math.floor(box.maxLon / CELL_DEGREES)];
    for (let i = latFrom; i <= latTo; i++) {
      for (let j = lonFrom; j <= lonTo; j++) {
        const cellEntries = this.grid.get(cellKey(i, j));
        if (!cellEntries) continue;
        for (const e of cellEntries) {
          if (zone && e.doc.zone.length && !anyIn(e.doc.zone, zone)) continue;
          const distance = distanceFrom(e, geo);
          if (!isReachable(e, distance, geo)) continue;
          reached.push(e);
          kilometres.push(distance ?? NaN);
        }
      }
    }
    // The documents reachable from anywhere: only those listed under the zone codes asked (or open
    // to all), when asked — so open to them already.
    const stamp = ++this.selections;
    for (const list of zone ? [Documents.OPEN, ...zone].flatMap((code) => this.anywhereByZone.get(code) ?? []) : [this.anywhere]) {
      for (const e of list) {
        if (e.seen === stamp) continue;
        e.seen = stamp;
        const distance = distanceFrom(e, geo);
        if (!isReachable(e, distance, geo)) continue;
        reached.push(e);
        kilometres.push(distance ?? NaN);
      }
    }
    // Nearest first (unknown distances last), then by id.
    const order = Array.from(reached, (_, k) => k);
    order.sort((a, b) => {
      const [x, y] = [kilometres[a]!, kilometres[b]!];
      if (x !== y) {
        if (Number.isNaN(x)) return Number.isNaN(y) ? byDocumentId(reached[a]!, reached[b]!) : 1;
        if (Number.isNaN(y)) return -1;
        return x - y;
      }
      return byDocumentId(reached[a]!, reached[b]!);
    });
    const n = order.length;
    const place: Place = {
      entries: new Array<Entry>(n),
      distances: new Float64Array(n),
      rids: new Int32Array(n),
      barriers: new Uint16Array(n),
      answering: new Map(),
    };
    for (let k = 0; k < n; k++) {
      const e = reached[order[k]!]!;
      place.entries[k] = e;
      place.distances[k] = kilometres[order[k]!]!;
      place.rids[k] = e.rid;
      place.barriers[k] = e.barriers;
    }
    this.places.set(key, place);
    if (this.places.size > MAX_PLACES) this.places.delete(this.places.keys().next().value!);
    return place;
  }
}

export interface MemoryStore {
  /** The documents as stored now: loaded on first use, reloaded when another process wrote. */
  current(db: Kysely<Database>): Promise<MemoryIndex>;
  /** A write through this engine, at `generation` (call inside the write's transaction, after its statements). */
  apply(generation: number, change: { upserts?: [number, SearchDocument, string[]][]; removals?: readonly string[] }): void;
  /** Forget everything (after a reindex): the next search reloads. */
  invalidate(): void;
}

export function createMemoryStore(): MemoryStore {
  let memory: Documents | null = null;
  let loading: Promise<Documents> | null = null;

  async function load(db: Kysely<Database>, generation: number): Promise<Documents> {
    const docs = new Documents(generation);
    const { rows } = await sql<{ rid: number; lean: string }>`SELECT rid, lean FROM search_documents`.execute(db);
    const parsed = rows.map((r) => [r.rid, JSON.parse(r.lean) as SearchDocument] as const);
    // Copied once all are parsed: objects parsed early keep the shapes V8 gave them before seeing
    // nulls in fields that held numbers, and reading those stale shapes is several times slower.
    for (const [rid, doc] of parsed) docs.add(rid, { ...doc });
    const vocabulary = await sql<{ term: string; doc: number }>`SELECT term, doc FROM search_fts_vocab`.execute(db);
    for (const v of vocabulary.rows) docs.vocabulary.add(v.term, v.doc);
    return docs;
  }

  return {
    async current(db) {
      const generation = await storedGeneration(db);
      if (memory && memory.generation === generation) return memory;
      loading ??= load(db, generation).finally(() => {
        loading = null;
      });
      memory = await loading;
      return memory;
    },

    apply(generation, change) {
      // Only on top of the generation just before: otherwise another writer came in between.
      if (!memory || memory.generation !== generation - 1) {
        memory = null;
        return;
      }
      for (const id of change.removals ?? []) memory.remove(id);
      for (const [rid, doc, terms] of change.upserts ?? []) {
        memory.add(rid, doc);
        for (const term of terms) memory.vocabulary.add(term);
      }
      memory.generation = generation;
    },

    invalidate() {
      memory = null;
    },
  };
}
