/**
 * The JSON text of GET /api/search's answer, written from pieces: each document's summary is turned
 * into JSON once and kept with the document object (forgotten with it: the SQLite engine hands out
 * the same lean document objects until a document changes, and a changed one is a new object); only
 * what depends on the request — overdue, distance, reasons — is written per request. The text is
 * the one JSON.stringify gives for the items as objects (test/unit/search-response.test.ts).
 */
import { offerSummary, type MatchCandidate, type OfferSummary } from '../domain/matching/index.ts';

export interface SearchItem {
  /** The document: what offerSummary reads, with its structure. */
  document: MatchCandidate;
  overdue: boolean;
  distance_km: number | null;
  reasons: string[];
}

export interface SearchAnswer {
  total: number;
  page: number;
  size: number;
  items: SearchItem[];
  facets: unknown;
  engine: string;
  degraded: boolean;
  /** A French note on the answer (the commune has no known centre...), when there is one. */
  notice?: string;
}

interface Pieces {
  /** The summary's members before `overdue`, and those after it with the structure: JSON without braces. */
  head: string;
  tail: string;
}

const EPOCH = new Date(0);

function piecesOf(doc: MatchCandidate): Pieces {
  const { overdue: _overdue, completeness, ...head } = offerSummary(doc, EPOCH) satisfies OfferSummary;
  const tail = { completeness, structure: { id: doc.structure_id, name: doc.structure_name } };
  return { head: JSON.stringify(head).slice(1, -1), tail: JSON.stringify(tail).slice(1, -1) };
}

/** One writer per router: its pieces live as long as the documents they were written for. */
export function searchAnswerWriter(): (answer: SearchAnswer) => string {
  const pieces = new WeakMap<MatchCandidate, Pieces>();
  const itemText = (item: SearchItem) => {
    let p = pieces.get(item.document);
    if (!p) pieces.set(item.document, (p = piecesOf(item.document)));
    return `{${p.head},"overdue":${item.overdue},${p.tail},"distance_km":${JSON.stringify(item.distance_km)},"reasons":${JSON.stringify(item.reasons)}}`;
  };
  return (a) =>
    `{"total":${a.total},"page":${a.page},"size":${a.size},"items":[${a.items.map(itemText).join(',')}],` +
    `"facets":${JSON.stringify(a.facets)},"engine":${JSON.stringify(a.engine)},"degraded":${a.degraded}` +
    (a.notice === undefined ? '}' : `,"notice":${JSON.stringify(a.notice)}}`);
}
