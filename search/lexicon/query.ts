/**
 * What a person typed, read the same way by both engines: search terms (see `searchTerms`), runs
 * of terms recognised as a lexicon entry (longest first), and which term is the last (it may still
 * be being typed). Each engine then builds its own query from these terms.
 */
import { normalisedSynonymGroups, searchTerms } from './index.ts';

export interface QueryTerm {
  /** The person's words for this term, in search-term form. */
  words: string[];
  /** The term ends the query: its last word may be incomplete. */
  last: boolean;
  /** Index in SYNONYM_GROUPS when the words are a lexicon entry. */
  group: number | null;
}

export interface Lexicon {
  /** Groups in search-term form, same order as SYNONYM_GROUPS. */
  groups: readonly (readonly string[])[];
  groupOfKey: ReadonlyMap<string, number>;
  /** Single-word entries, for completion and typos: the word and its group. */
  singleWords: readonly { key: string; group: number }[];
  /** Most words in an entry. */
  longestEntry: number;
}

/** Built once from the immutable lexicon. */
export const LEXICON: Lexicon = (() => {
  const groups = normalisedSynonymGroups();
  const groupOfKey = new Map<string, number>();
  const singleWords: { key: string; group: number }[] = [];
  let longestEntry = 1;
  groups.forEach((group, g) => {
    for (const key of group) {
      if (!groupOfKey.has(key)) groupOfKey.set(key, g);
      const length = key.split(' ').length;
      longestEntry = Math.max(longestEntry, length);
      if (length === 1) singleWords.push({ key, group: g });
    }
  });
  return { groups, groupOfKey, singleWords, longestEntry };
})();

export function parseQuery(q: string): QueryTerm[] {
  const words = searchTerms(q);
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < words.length) {
    let n = Math.min(LEXICON.longestEntry, words.length - i);
    for (; n >= 1; n--) {
      const group = LEXICON.groupOfKey.get(words.slice(i, i + n).join(' '));
      if (group === undefined) continue;
      terms.push({ words: words.slice(i, i + n), last: i + n === words.length, group });
      break;
    }
    if (n >= 1) {
      i += n;
      continue;
    }
    terms.push({ words: [words[i]!], last: i === words.length - 1, group: null });
    i++;
  }
  return terms;
}
