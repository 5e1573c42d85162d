/**
 * The French search lexicon (stop words and insertion synonyms) and the one text form both engines
 * index and query: normalised words (case, accents, punctuation), stop words dropped, plurals
 * folded. Pure data and functions.
 */
import { normalizeForSearch } from '../../api/domain/text.ts';
import { isStopWord } from './stopwords.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

export { FRENCH_STOP_WORDS, isStopWord } from './stopwords.ts';
export { SYNONYM_GROUPS } from './synonyms.ts';

/** The meaningful words of a text: normalised (case, accents, punctuation) and without stop words. */
export function searchWords(text: string): string[] {
  return normalizeForSearch(text)
    .split(' ')
    .filter((w) => w !== '' && !isStopWord(w));
}

/**
 * A word without its plural mark (final s or x, words over 3 letters), so "chantiers d'insertion"
 * and "chantier d'insertion" meet. Crude on purpose ("cours" → "cour"): it is applied alike to
 * indexed text and queries, so it only ever merges, and both engines merge the same words.
 */
export function singular(word: string): string {
  return word.length > 3 && (word.endsWith('s') || word.endsWith('x')) ? word.slice(0, -1) : word;
}

/** The words of a text as both engines index and query them: meaningful words, singular. */
export function searchTerms(text: string): string[] {
  return searchWords(text).map(singular);
}

/** The search terms of a text, space-separated (searchTerms, in one pass: every indexed text goes through it). */
export function searchTermsText(text: string): string {
  const words = normalizeForSearch(text).split(' ');
  let out = '';
  for (const word of words) if (word !== '' && !isStopWord(word)) out += (out ? ' ' : '') + singular(word);
  return out;
}

/** How an entry (or a run of query words) is recognised: its search terms, space-separated. */
export function lexiconKey(text: string): string {
  return searchTermsText(text);
}

/** The lexicon's groups in search-term form (`lexiconKey`), duplicates within a group removed. */
export function normalisedSynonymGroups(): string[][] {
  return SYNONYM_GROUPS.map((group) => [...new Set(group.map(lexiconKey).filter(Boolean))]);
}
