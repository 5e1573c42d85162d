/**
 * The text sent to Meilisearch: the query in search-term form (search/lexicon/query.ts), the form
 * the documents' text fields and the synonyms are in, so both engines read a query alike. A lexicon
 * entry longer than Meilisearch looks synonyms up for is sent as a shorter entry of its group, as
 * the SQLite engine recognises entries of any length.
 */
import { LEXICON, parseQuery } from '../lexicon/query.ts';

/** Meilisearch looks synonyms up for runs of at most three words. */
export const MAX_SYNONYM_KEY_WORDS = 3;

/** An entry of the group short enough to be looked up: its synonyms are then the whole group. */
function lookupEntry(group: number): string | undefined {
  return LEXICON.groups[group]!.find((entry) => entry.split(' ').length <= MAX_SYNONYM_KEY_WORDS);
}

/** '' when nothing meaningful is left (no text, or only stop words). */
export function meiliQueryText(q: string | undefined): string {
  if (!q) return '';
  return parseQuery(q)
    .map((term) => {
      const words = term.words.join(' ');
      if (term.group === null || term.words.length <= MAX_SYNONYM_KEY_WORDS) return words;
      return lookupEntry(term.group) ?? words;
    })
    .join(' ');
}
