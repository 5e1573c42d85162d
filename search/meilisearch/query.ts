/**
 * The text sent to Meilisearch: the query in search-term form (search/lexicon/query.ts), the form
 * the documents' text fields and the synonyms are in, so both engines read a query alike. A word
 * with a typo of a lexicon word is sent corrected, so the synonyms apply (Meilisearch looks them up
 * for exact words only). A lexicon entry longer than Meilisearch looks synonyms up for is sent as a
 * shorter entry of its group, as the SQLite engine recognises entries of any length.
 */
import { LEXICON, parseQuery, queryCorrectionCandidates } from '../lexicon/query.ts';

/** Meilisearch looks synonyms up for runs of at most three words. */
export const MAX_SYNONYM_KEY_WORDS = 3;

/** An entry of the group short enough to be looked up: its synonyms are then the whole group. */
function lookupEntry(group: number): string | undefined {
  return LEXICON.groups[group]!.find((entry) => entry.split(' ').length <= MAX_SYNONYM_KEY_WORDS);
}

/**
 * The words of the query that would be corrected into the lexicon unless they are indexed: the
 * engine looks these up (see `nearestWordQueries`) before building the query text.
 */
export function wordsToLookUp(q: string | undefined): string[] {
  return q ? queryCorrectionCandidates(q) : [];
}

/**
 * One search per word, the word alone: its best hit matches the nearest indexed word (the `typo`
 * rule ranks fewer typos first), with as many typos as its ranking details count; no hit, none
 * near. The SQLite engine's vocabulary answers the same (`Vocabulary.nearest`).
 */
export function nearestWordQueries(words: readonly string[]) {
  return words.map((w) => ({ q: w, limit: 1, attributesToRetrieve: ['id'], showRankingScoreDetails: true, matchingStrategy: 'all' as const, locales: ['fra' as const] }));
}

/** Typos to the nearest indexed word from the best hit of a `nearestWordQueries` search. */
export function nearestWordTypos(hits: readonly { _rankingScoreDetails?: { typo?: { typoCount?: number } } }[]): number {
  const typos = hits[0]?._rankingScoreDetails?.typo?.typoCount;
  return typeof typos === 'number' ? typos : Infinity;
}

/**
 * '' when nothing meaningful is left (no text, or only stop words). `nearest`: for the words
 * looked up (`wordsToLookUp`), typos to the nearest indexed word.
 */
export function meiliQueryText(q: string | undefined, nearest: ReadonlyMap<string, number> = new Map()): string {
  if (!q) return '';
  return parseQuery(q, (word) => nearest.get(word) ?? Infinity)
    .map((term) => {
      const words = term.words.join(' ');
      if (term.group === null || term.words.length <= MAX_SYNONYM_KEY_WORDS) return words;
      return lookupEntry(term.group) ?? words;
    })
    .join(' ');
}
