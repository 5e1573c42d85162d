/**
 * From the parsed query (search/lexicon/query.ts) to FTS5 expressions, with the semantics the
 * Meilisearch engine gets from its settings: every term must match; a term matches its own words
 * (anywhere in the document, the last one as a prefix), or one of its lexicon synonyms as a phrase,
 * or, added later from the index vocabulary, a word within its typo budget. One expression per
 * number of typos allowed, so documents can be ranked by typos as Meilisearch's `typo` rule does.
 */
import { LEXICON, parseQuery as parseTerms, type QueryTerm } from '../lexicon/query.ts';
import type { IndexedDistance } from '../lexicon/correction.ts';
import { allowedTypos, typoDistance } from '../lexicon/typos.ts';

/** Words that must follow each other; `prefix` lets the last one be the start of a word. */
export interface Phrase {
  words: string[];
  prefix: boolean;
}

/** Phrases that must all match, anywhere: one way for a term to match. */
export type Alternative = Phrase[];

export interface TextTerm extends QueryTerm {
  /** Alternatives without typos: the words themselves, their synonyms. */
  exact: Alternative[];
  /** Alternatives reached through typos (filled by `addTypoVariants`), with their number of typos. */
  typos: { alternative: Alternative; typos: number }[];
}

const MAX_TYPO_WORDS = 50;
const MIN_PREFIX_LENGTH = 2;

const phrase = (words: string[], prefix = false): Alternative => [{ words, prefix }];

/** Every entry of a lexicon group, each as a phrase, but `except` (the words typed, matched already). */
function groupAlternatives(group: number, except?: string): Alternative[] {
  return LEXICON.groups[group]!.filter((entry) => entry !== except).map((entry) => phrase(entry.split(' ')));
}

/** The term's own words, each anywhere; the last word of the query as a prefix. */
function ownWords(term: QueryTerm): Alternative {
  return term.words.map((word, k) => ({
    words: [word],
    prefix: term.last && k === term.words.length - 1 && word.length >= MIN_PREFIX_LENGTH,
  }));
}

/**
 * The terms of a query with their alternatives. A term read as a lexicon entry through typos
 * (`indexedDistance`: see search/lexicon/correction.ts) matches like the entry typed, but counts
 * its typos: all its alternatives sit at that typo level.
 */
export function parseQuery(q: string, indexedDistance?: IndexedDistance): TextTerm[] {
  return parseTerms(q, indexedDistance).map((term) => {
    const alternatives: Alternative[] = [ownWords(term)];
    // The typed words match once: counted twice, they would outweigh every synonym in bm25.
    if (term.group !== null) alternatives.push(...groupAlternatives(term.group, term.words.join(' ')));
    if (term.correctedTypos === 0) return { ...term, exact: alternatives, typos: [] };
    return { ...term, exact: [], typos: alternatives.map((alternative) => ({ alternative, typos: term.correctedTypos })) };
  });
}

/**
 * The word of a term that typo tolerance applies to, if any: a single word of 5 letters or more
 * that is not a lexicon entry (those are taken as typed: "permis" must not find "parmi"; a word
 * with a typo of one was read as that entry by `parseQuery`).
 */
export function typoWord(term: QueryTerm): string | null {
  if (term.group !== null || term.words.length !== 1) return null;
  const word = term.words[0]!;
  return allowedTypos(word) > 0 ? word : null;
}

export interface VocabularyWord {
  term: string;
  /** Number of documents containing it, to prefer common words among equally close ones. */
  doc: number;
}

/**
 * Adds to a term the vocabulary words within its typo budget (fewest typos first, then the most
 * common). Like Meilisearch, an indexed word reached through a typo brings no synonyms (a lexicon
 * word reached through a typo does: `parseQuery` read the term as that entry).
 */
export function addTypoVariants(term: TextTerm, vocabulary: readonly VocabularyWord[]): void {
  const word = typoWord(term);
  if (!word) return;
  const max = allowedTypos(word);
  const words = vocabulary
    .map((v) => ({ ...v, d: typoDistance(word, v.term, term.last) }))
    .filter((v) => v.d >= 1 && v.d <= max)
    .sort((a, b) => a.d - b.d || b.doc - a.doc || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_TYPO_WORDS);
  for (const v of words) term.typos.push({ alternative: phrase([v.term]), typos: v.d });
}

function phraseExpression(p: Phrase): string {
  return `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`;
}

function alternativeExpression(a: Alternative): string {
  return a.length === 1 ? phraseExpression(a[0]!) : `(${a.map(phraseExpression).join(' AND ')})`;
}

/** Most typos any alternative of these terms carries (0: typos added nothing). */
export function maxTypos(terms: readonly TextTerm[]): number {
  return Math.max(0, ...terms.flatMap((t) => t.typos.map((v) => v.typos)));
}

/**
 * The FTS5 MATCH expression of the alternatives with at most `typos` typos (per term); null when a
 * term has none with so few (a corrected term): no document matches with so few typos.
 */
export function ftsExpression(terms: readonly TextTerm[], typos: number): string | null {
  const expressions: string[] = [];
  for (const t of terms) {
    const alternatives = [...t.exact, ...t.typos.filter((v) => v.typos <= typos).map((v) => v.alternative)];
    if (alternatives.length === 0) return null;
    expressions.push(`(${[...new Set(alternatives.map(alternativeExpression))].join(' OR ')})`);
  }
  return expressions.join(' AND ');
}
