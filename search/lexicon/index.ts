/**
 * The French search lexicon (stop words and insertion synonyms) and the few helpers that read it
 * the way the engines do. Pure data and functions.
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
 * and "chantier d'insertion" meet. Only used to recognise lexicon entries, never to index.
 */
export function singular(word: string): string {
  return word.length > 3 && (word.endsWith('s') || word.endsWith('x')) ? word.slice(0, -1) : word;
}

/** How an entry (or a run of query words) is recognised: its words, singular, space-separated. */
export function lexiconKey(text: string): string {
  return searchWords(text).map(singular).join(' ');
}

/** Each entry mapped to the other entries of its group: the mutual-synonyms shape search engines take. */
export function mutualSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) for (const entry of group) out[entry] = group.filter((e) => e !== entry);
  return out;
}
