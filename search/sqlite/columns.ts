/**
 * What a selection checks for thousands of documents per search, by row id in typed arrays: the
 * checks then read contiguous memory instead of following a pointer or three per document (at tens
 * of thousands of documents, those misses cost more than the checks). Barriers as bits, publics as
 * bits, suspended, full and overdue as flags, and the facet values' codes in one pool.
 */
import type { SearchDocument } from '../document.ts';
import type { DocumentFacts } from './filters.ts';

/** Flags per row id. */
export const LIVE = 1;
export const SUSPENDED = 2;
export const FULL = 4;
/** The document has a public with no bit (past the first 31 values met): test it on the document. */
export const PUBLICS_UNCODED = 8;
export const OVERDUE = 16;

const PUBLIC_BITS = 31;

export class Columns {
  barriers = new Uint16Array(1024);
  publics = new Uint32Array(1024);
  flags = new Uint8Array(1024);
  private facetStart = new Int32Array(1024);
  private facetLength = new Uint16Array(1024);
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private poolGarbage = 0;
  private readonly publicBit = new Map<string, number>();

  /** The bits of these publics (values never met have none: no document has them, or it is uncoded). */
  publicsMask(values: readonly string[]): number {
    let mask = 0;
    for (const v of values) {
      const bit = this.publicBit.get(v);
      if (bit !== undefined) mask |= 1 << bit;
    }
    return mask >>> 0;
  }

  private grow(rid: number) {
    let size = this.flags.length;
    while (size <= rid) size *= 2;
    const larger = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.barriers = larger(this.barriers);
    this.publics = larger(this.publics);
    this.flags = larger(this.flags);
    this.facetStart = larger(this.facetStart);
    this.facetLength = larger(this.facetLength);
  }

  set(rid: number, facts: DocumentFacts) {
    if (rid >= this.flags.length) this.grow(rid);
    this.clear(rid);
    const doc: SearchDocument = facts.doc;
    let flags = LIVE;
    if (doc.suspended_until !== null) flags |= SUSPENDED;
    if (doc.full) flags |= FULL;
    if (doc.overdue) flags |= OVERDUE;
    let publics = 0;
    for (const p of doc.publics) {
      let bit = this.publicBit.get(p);
      if (bit === undefined && this.publicBit.size < PUBLIC_BITS) this.publicBit.set(p, (bit = this.publicBit.size));
      if (bit === undefined) flags |= PUBLICS_UNCODED;
      else publics |= 1 << bit;
    }
    this.flags[rid] = flags;
    this.barriers[rid] = facts.barriers;
    this.publics[rid] = publics >>> 0;
    const codes = facts.facets;
    if (this.poolUsed + codes.length > this.pool.length) this.compactOrGrow(codes.length);
    this.facetStart[rid] = this.poolUsed;
    this.facetLength[rid] = codes.length;
    this.pool.set(codes, this.poolUsed);
    this.poolUsed += codes.length;
  }

  clear(rid: number) {
    if (rid >= this.flags.length || !(this.flags[rid]! & LIVE)) return;
    this.flags[rid] = 0;
    this.poolGarbage += this.facetLength[rid]!;
    this.facetLength[rid] = 0;
  }

  /** Adds the facet codes of these documents to `counts` (indexed by code). */
  countFacets(rids: readonly number[], counts: Uint32Array) {
    const { pool, facetStart, facetLength } = this;
    for (let i = 0; i < rids.length; i++) {
      const rid = rids[i]!;
      const start = facetStart[rid]!;
      const end = start + facetLength[rid]!;
      for (let j = start; j < end; j++) counts[pool[j]!]!++;
    }
  }

  /** Room for `needed` more codes: the live ones packed again when half the pool is garbage, else a larger pool. */
  private compactOrGrow(needed: number) {
    const live = this.poolUsed - this.poolGarbage;
    let size = this.pool.length;
    while (live + needed > size / 2) size *= 2;
    const pool = new Uint16Array(size);
    let used = 0;
    for (let rid = 0; rid < this.flags.length; rid++) {
      if (!(this.flags[rid]! & LIVE)) continue;
      const start = this.facetStart[rid]!;
      const length = this.facetLength[rid]!;
      pool.set(this.pool.subarray(start, start + length), used);
      this.facetStart[rid] = used;
      used += length;
    }
    this.pool = pool;
    this.poolUsed = used;
    this.poolGarbage = 0;
  }
}
