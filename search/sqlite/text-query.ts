/**
 * From what a person typed to an FTS5 expression: meaningful words (stop words dropped), runs of
 * words recognised as a lexicon entry expanded to their whole synonym group, plurals either way,
 * a prefix on the last word (it may still be being typed), and typo variants added later from the
 * index vocabulary. Terms are ANDed; each term is an OR of its alternatives.
 */
import { SYNONYM_GROUPS, lexiconKey, searchWords, singular } from '../lexicon/index.ts';
import { allowedTypos, editDistance, prefixDistance } from './typos.ts';

/** A run of words that must follow each other; `prefix` lets the last one be the start of a word. */
export interface Phrase {
  words: string[];
  prefix: boolean;
}

export interface QueryTerm {
  /** The person's own words for this term. */
  words: string[];
  /** The term is the end of the query: its last word may be incomplete. */
  last: boolean;
  /** Index in SYNONYM_GROUPS when the words are a lexicon entry. */
  group: number | null;
  /** Alternatives without typos: the words, their plural or singular, their synonyms. */
  exact: Phrase[];
  /** Alternatives reached through a typo (filled by `addTypoVariants`). */
  typos: Phrase[];
}

interface LexiconIndex {
  groupOfKey: ReadonlyMap<string, number>;
  groupPhrases: readonly Phrase[][];
  /** Single-word entries, for completion and typos: the key and its group. */
  singleWords: readonly { key: string; group: number }[];
  longestEntry: number;
}

/** Built once from the immutable lexicon. */
const LEXICON: LexiconIndex = (() => {
  const groupOfKey = new Map<string, number>();
  const singleWords: { key: string; group: number }[] = [];
  let longestEntry = 1;
  const groupPhrases = SYNONYM_GROUPS.map((group, g) =>
    group.flatMap((entry) => {
      const key = lexiconKey(entry);
      if (!groupOfKey.has(key)) groupOfKey.set(key, g);
      const words = searchWords(entry);
      longestEntry = Math.max(longestEntry, words.length);
      if (words.length === 1) singleWords.push({ key, group: g });
      return entryPhrases(words);
    }),
  );
  return { groupOfKey, groupPhrases, singleWords, longestEntry };
})();

const MAX_TYPO_WORDS = 20;
const MAX_TYPO_GROUPS = 2;
const MAX_COMPLETION_GROUPS = 3;
const MIN_COMPLETION_LENGTH = 4;

/** The other number of a word ("enfant" ↔ "enfants"), or nothing for numbers and tiny words. */
function otherNumber(word: string): string | null {
  if (/^\d+$/.test(word) || word.length < 4) return null;
  const one = singular(word);
  return one !== word ? one : `${word}s`;
}

function wordPhrases(word: string): Phrase[] {
  const other = otherNumber(word);
  return other ? [{ words: [word], prefix: false }, { words: [other], prefix: false }] : [{ words: [word], prefix: false }];
}

/** A lexicon entry as alternatives; a phrase ends on a prefix of its last word's singular. */
function entryPhrases(words: string[]): Phrase[] {
  if (words.length === 1) return wordPhrases(words[0]!);
  const last = singular(words[words.length - 1]!);
  return last.length >= 4
    ? [{ words: [...words.slice(0, -1), last], prefix: true }]
    : [{ words, prefix: false }];
}

export function parseQuery(q: string): QueryTerm[] {
  const words = searchWords(q);
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(LEXICON.longestEntry, words.length - i); n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      const group = LEXICON.groupOfKey.get(run.map(singular).join(' '));
      if (group === undefined) continue;
      const last = i + n === words.length;
      terms.push({ words: run, last, group, exact: [...entryPhrases(run), ...LEXICON.groupPhrases[group]!], typos: [] });
      i += n;
      matched = true;
    }
    if (matched) continue;
    const word = words[i]!;
    const last = i === words.length - 1;
    terms.push({ words: [word], last, group: null, exact: last ? typedWordPhrases(word) : wordPhrases(word), typos: [] });
    i++;
  }
  return terms;
}

/** The word being typed: itself as a prefix, and the synonyms of lexicon words it begins. */
function typedWordPhrases(word: string): Phrase[] {
  const phrases = wordPhrases(word);
  if (word.length >= 2) phrases.push({ words: [word], prefix: true });
  if (word.length >= MIN_COMPLETION_LENGTH) {
    const groups = new Set(LEXICON.singleWords.filter((w) => w.key.startsWith(word)).map((w) => w.group));
    for (const g of [...groups].slice(0, MAX_COMPLETION_GROUPS)) phrases.push(...LEXICON.groupPhrases[g]!);
  }
  return phrases;
}

/** The word of a term that typo tolerance applies to, if any (lexicon entries are taken as typed). */
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
 * Adds to a term the nearest vocabulary words (and lexicon words, with their groups) within its
 * typo budget. For the last term, a candidate may also be a word the typed text begins with a typo.
 */
export function addTypoVariants(term: QueryTerm, vocabulary: readonly VocabularyWord[]): void {
  const word = typoWord(term);
  if (!word) return;
  const max = allowedTypos(word);
  const distance = (candidate: string) => {
    if (candidate === word || candidate[0] !== word[0]) return max + 1;
    const full = editDistance(word, candidate, max);
    return term.last ? Math.min(full, prefixDistance(word, candidate, max)) : full;
  };
  const words = vocabulary.map((v) => ({ ...v, d: distance(v.term) })).filter((v) => v.d >= 1 && v.d <= max);
  const lexiconWords = LEXICON.singleWords.map((w) => ({ ...w, d: distance(w.key) })).filter((w) => w.d >= 1 && w.d <= max);
  // Only the nearest words: "mobilitee" means "mobilite" (1 edit), not "mobilier" (2 edits).
  const nearest = Math.min(...words.map((v) => v.d), ...lexiconWords.map((w) => w.d));
  const nearestWords = words
    .filter((v) => v.d === nearest)
    .sort((a, b) => b.doc - a.doc || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_TYPO_WORDS);
  for (const v of nearestWords) term.typos.push({ words: [v.term], prefix: false });
  const groups = new Set(lexiconWords.filter((w) => w.d === nearest).map((w) => w.group));
  for (const g of [...groups].sort((a, b) => a - b).slice(0, MAX_TYPO_GROUPS)) term.typos.push(...LEXICON.groupPhrases[g]!);
}

function phraseExpression(p: Phrase): string {
  return `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`;
}

/** The FTS5 MATCH expression; with `typos` false, only the exact alternatives count. */
export function ftsExpression(terms: readonly QueryTerm[], typos: boolean): string {
  return terms
    .map((t) => {
      const alternatives = [...new Set((typos ? [...t.exact, ...t.typos] : t.exact).map(phraseExpression))];
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}
