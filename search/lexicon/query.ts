/**
 * What a person typed, read the same way by both engines: search terms (see `searchTerms`), runs
 * of terms recognised as a lexicon entry (longest first; with typos, see correction.ts), and which
 * term is the last (it may still be being typed). Each engine then builds its own query from these
 * terms.
 */
import { correctionCandidates, correctionLexicon, correctRun, nearLexiconWords, type CorrectionLexicon, type IndexedDistance, type LexiconEntry } from './correction.ts';
import { normalisedSynonymGroups, searchTerms } from './index.ts';

export interface QueryTerm {
  /** The person's words for this term, in search-term form (a corrected term: the entry's words). */
  words: string[];
  /** The term ends the query: its last word may be incomplete. */
  last: boolean;
  /** Index in SYNONYM_GROUPS when the words are a lexicon entry. */
  group: number | null;
  /** Typos corrected to read the words as a lexicon entry (0: taken as typed); they rank like typos. */
  correctedTypos: number;
}

export interface Lexicon {
  /** Groups in search-term form, same order as SYNONYM_GROUPS. */
  groups: readonly (readonly string[])[];
  groupOfKey: ReadonlyMap<string, number>;
  /** Single-word entries, for completion and typos: the word and its group. */
  singleWords: readonly { key: string; group: number }[];
  /** Most words in an entry. */
  longestEntry: number;
  /** The entries as query correction reads them. */
  correction: CorrectionLexicon;
}

/** Built once from the immutable lexicon. */
export const LEXICON: Lexicon = (() => {
  const groups = normalisedSynonymGroups();
  const groupOfKey = new Map<string, number>();
  const singleWords: { key: string; group: number }[] = [];
  const entries: LexiconEntry[] = [];
  let longestEntry = 1;
  groups.forEach((group, g) => {
    for (const key of group) {
      if (!groupOfKey.has(key)) groupOfKey.set(key, g);
      const entryWords = key.split(' ');
      const length = entryWords.length;
      longestEntry = Math.max(longestEntry, length);
      if (length === 1) singleWords.push({ key, group: g });
      entries.push({ words: entryWords, group: g });
    }
  });
  return { groups, groupOfKey, singleWords, longestEntry, correction: correctionLexicon(entries) };
})();

/** Nothing is indexed: every word within reach of a lexicon word is corrected. */
const NOTHING_INDEXED: IndexedDistance = () => Infinity;

/**
 * The words of a query that may be read as lexicon words with typos, unless the index holds them
 * or nearer words: an engine tells `parseQuery` how near its words are to these (and need not
 * look any other word up).
 */
export function queryCorrectionCandidates(q: string): string[] {
  return correctionCandidates(searchTerms(q), LEXICON.correction);
}

/**
 * The terms of a query. At each word, the longest run of words that is a lexicon entry, exactly
 * or else within the typo rules (see correction.ts: `indexedDistance` keeps indexed words as
 * typed); a single word otherwise.
 */
export function parseQuery(q: string, indexedDistance: IndexedDistance = NOTHING_INDEXED): QueryTerm[] {
  const words = searchTerms(q);
  const near = nearLexiconWords(words, LEXICON.correction);
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < words.length) {
    let n = Math.min(LEXICON.longestEntry, words.length - i);
    for (; n >= 1; n--) {
      const run = words.slice(i, i + n);
      const last = i + n === words.length;
      const group = LEXICON.groupOfKey.get(run.join(' '));
      if (group !== undefined) {
        terms.push({ words: run, last, group, correctedTypos: 0 });
        break;
      }
      const correction = run.some((w) => near.has(w)) ? correctRun(run, LEXICON.correction, near, indexedDistance) : null;
      if (correction) {
        terms.push({ words: [...correction.entry.words], last, group: correction.entry.group, correctedTypos: correction.typos });
        break;
      }
    }
    if (n >= 1) {
      i += n;
      continue;
    }
    terms.push({ words: [words[i]!], last: i === words.length - 1, group: null, correctedTypos: 0 });
    i++;
  }
  return terms;
}
