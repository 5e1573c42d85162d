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
import type { SearchDocument } from '../document.ts';
import type { GeoConstraint, SearchFilters } from '../port.ts';
import { distanceFrom, documentFacts, FacetCodes, isReachable, prepareFilters, requiredBarriers, type DocumentFacts } from './filters.ts';
import { storedGeneration } from './schema.ts';
import { createVocabulary, type Vocabulary } from './vocabulary.ts';

/** Grid cell size, degrees: a 30 km radius covers about 3 × 4 cells in mainland France. */
const CELL_DEGREES = 0.2;

export interface Candidate {
  rid: number;
  doc: SearchDocument;
  /** From the geo point, when both are known. */
  distance: number | null;
  /** Per FACET_FIELDS field, the document's distinct values (codes, see facetValues). */
  facets: readonly (readonly number[])[];
}

/** How a document matches a text. */
export interface TextScore {
  score: number;
  /** Found in the name (Meilisearch's `attribute` rule ranks those first). */
  inName: boolean;
  /** Fewest typos the document matches with. */
  typos: number;
}

/** Rows of text matches kept in memory at most (about 100 bytes each). */
const MAX_REMEMBERED_MATCHES = 250_000;

export interface MemoryIndex {
  readonly generation: number;
  readonly size: number;
  readonly vocabulary: Vocabulary;
  /** Per FACET_FIELDS field, the value of each facet code. */
  readonly facetValues: readonly (readonly string[])[];
  /**
   * The documents passing the filters and, with geo, reachable (nearest first, then by id); only
   * those in `among` when given (the rows a text matched).
   */
  select(filters: SearchFilters | undefined, geo: GeoConstraint | undefined, among?: ReadonlyMap<number, unknown>): Candidate[];
  /** The matches of a text asked since the last change (see search.ts), by a key of the caller's. */
  textMatches(key: string): ReadonlyMap<number, TextScore> | undefined;
  rememberTextMatches(key: string, matches: ReadonlyMap<number, TextScore>): void;
  doc(rid: number): SearchDocument | undefined;
}

const cellOf = (lat: number, lon: number) => `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lon / CELL_DEGREES)}`;

/** The words a document adds to the vocabulary: the tokens of its FTS text. */
export function termsOf(text: readonly string[]): string[] {
  return [...new Set(text.join(' ').split(' ').filter(Boolean))];
}

/** Places whose reachable documents are kept (see reachableFrom). */
const MAX_PLACES = 512;

interface Reached {
  entry: Entry;
  distance: number | null;
}

/** The documents reachable from a place, nearest first, in arrays (few objects for the collector). */
interface Place {
  entries: Entry[];
  /** Kilometres, NaN when the document has no coordinates. */
  distances: Float64Array;
  rids: Int32Array;
  barriers: Uint16Array;
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
  readonly grid = new Map<string, Set<Entry>>();
  /** Remote, itinerant or unplaced: possibly reachable wherever the person is; also by zone code. */
  readonly anywhere = new Set<Entry>();
  readonly anywhereByZone = new Map<string, Set<Entry>>();
  /** Key of the documents with no zone (open to all) in anywhereByZone. */
  private static readonly OPEN = '';
  readonly vocabulary = createVocabulary();
  private readonly facetCodes = new FacetCodes();
  readonly facetValues = this.facetCodes.values;
  private selections = 0;
  /** The reachable documents of recently asked places, least recently asked first; emptied by every change. */
  private readonly places = new Map<string, Place>();
  /** The matches of recently asked texts, least recently asked first; emptied by every change. */
  private readonly texts = new Map<string, ReadonlyMap<number, TextScore>>();
  private rememberedMatches = 0;
  constructor(public generation: number) {}

  get size() {
    return this.entries.size;
  }

  /** Every change can change any answer. */
  private forgetAnswers() {
    this.places.clear();
    this.texts.clear();
    this.rememberedMatches = 0;
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
  }

  doc(rid: number) {
    return this.entries.get(rid)?.doc;
  }

  /** A check of one entry against filters and reach that adds it to `out` when it passes. */
  private checker(filters: SearchFilters | undefined, geo: GeoConstraint | undefined, out: Candidate[]) {
    const passes = prepareFilters(filters);
    const required = requiredBarriers(filters);
    // Cheap checks first (barriers, filters), the distance only for what passes them.
    return (e: Entry) => {
      if (required !== null && !(e.barriers & required)) return;
      if (!passes.test(e.doc)) return;
      const distance = geo ? distanceFrom(e, geo) : null;
      if (!geo || isReachable(e, distance, geo)) out.push({ rid: e.rid, doc: e.doc, distance, facets: e.facets });
    };
  }

  select(filters: SearchFilters | undefined, geo: GeoConstraint | undefined, among?: ReadonlyMap<number, unknown>): Candidate[] {
    const out: Candidate[] = [];
    if (!geo) {
      const consider = this.checker(filters, undefined, out);
      if (among) {
        for (const rid of among.keys()) {
          const e = this.entries.get(rid);
          if (e) consider(e);
        }
      } else for (const e of this.entries.values()) consider(e);
      return out;
    }
    const passes = prepareFilters(filters);
    const required = requiredBarriers(filters);
    const { entries, distances, rids, barriers } = this.reachableFrom(geo, filters?.zoneCodes);
    for (let i = 0; i < entries.length; i++) {
      if (required !== null && !(barriers[i]! & required)) continue;
      if (among && !among.has(rids[i]!)) continue;
      const e = entries[i]!;
      const distance = distances[i]!;
      if (passes.test(e.doc)) out.push({ rid: e.rid, doc: e.doc, distance: Number.isNaN(distance) ? null : distance, facets: e.facets });
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

  rememberTextMatches(key: string, matches: ReadonlyMap<number, TextScore>) {
    this.texts.set(key, matches);
    this.rememberedMatches += matches.size;
    for (const [oldest, old] of this.texts) {
      if (this.rememberedMatches <= MAX_REMEMBERED_MATCHES || oldest === key) break;
      this.texts.delete(oldest);
      this.rememberedMatches -= old.size;
    }
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
    const reached: Reached[] = [];
    const consider = (e: Entry) => {
      if (zone && e.doc.zone.length && !e.doc.zone.some((code) => zone.has(code))) return;
      const distance = distanceFrom(e, geo);
      if (isReachable(e, distance, geo)) reached.push({ entry: e, distance });
    };
    const box = boxAroundCircle(geo.lat, geo.lon, geo.radiusKm);
    const [latFrom, latTo] = [Math.floor(box.minLat / CELL_DEGREES), Math.floor(box.maxLat / CELL_DEGREES)];
    const [lonFrom, lonTo] = [Math.floor(box.minLon / CELL_DEGREES), Math.floor(box.maxLon / CELL_DEGREES)];
    for (let i = latFrom; i <= latTo; i++) {
      for (let j = lonFrom; j <= lonTo; j++) {
        const cellEntries = this.grid.get(`${i}:${j}`);
        if (cellEntries) for (const e of cellEntries) consider(e);
      }
    }
    // The documents reachable from anywhere: only those open to the zone codes asked, when asked.
    const stamp = ++this.selections;
    for (const list of zone ? [Documents.OPEN, ...zone].flatMap((code) => this.anywhereByZone.get(code) ?? []) : [this.anywhere]) {
      for (const e of list) {
        if (e.seen === stamp) continue;
        e.seen = stamp;
        consider(e);
      }
    }
    reached.sort((a, b) => {
      if (a.distance !== b.distance) {
        if (a.distance === null) return 1;
        if (b.distance === null) return -1;
        return a.distance - b.distance;
      }
      return a.entry.doc.id < b.entry.doc.id ? -1 : 1;
    });
    const place: Place = {
      entries: reached.map((r) => r.entry),
      distances: Float64Array.from(reached, (r) => r.distance ?? NaN),
      rids: Int32Array.from(reached, (r) => r.entry.rid),
      barriers: Uint16Array.from(reached, (r) => r.entry.barriers),
    };
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
