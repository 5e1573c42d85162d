/**
 * Query correction into the lexicon, the same for both engines: a word typed with a typo of a
 * lexicon word ("illetrisme", "surendetement") is read as that word, so its synonyms apply
 * ("savoirs de base", "budget"). Words are compared with the typo rules (`typoDistance`: one edit
 * from 5 letters, two from 9, a wrong first letter counts two). A single word is corrected into a
 * single-word entry; a run of words into an entry of as many words, word by word ("garde
 * d'enfnats" → "garde d'enfants").
 *
 * Exact words stay exact: a word of the lexicon, or an indexed word, is never corrected into another
 * one; nor is a word nearer to an indexed word than to the lexicon word ("mobilitee" is
 * "mobilité", not "mobilier"). Each engine answers `IndexedDistance` from its own index, the same
 * way; this module is pure code, and asks about `correctionCandidates` only.
 */
import { allowedTypos, typoDistance } from './typos.ts';

/** A lexicon entry in search-term form, split into words. */
export interface LexiconEntry {
  words: readonly string[];
  group: number;
}

export interface Correction {
  entry: LexiconEntry;
  /** Typos between the words typed and the entry (at least 1). */
  typos: number;
}

export interface CorrectionLexicon {
  /** Entries by number of words. */
  entriesOfLength: ReadonlyMap<number, readonly LexiconEntry[]>;
  /** Every word of every entry: these are taken as typed. */
  words: ReadonlySet<string>;
  /**
   * The entry words by what is left of them after removing up to two letters: two words within two
   * typos of each other leave a common string, so a query word looks up its own such strings only.
   */
  byDeletion: ReadonlyMap<string, readonly string[]>;
}

/** The most typos any word is allowed (from 9 letters). */
const MAX_TYPOS = 2;

/** `word` and every string made by removing up to `n` of its letters. */
function deletions(word: string, n: number): Set<string> {
  const out = new Set([word]);
  let level = [word];
  for (let k = 0; k < n; k++) {
    const next: string[] = [];
    for (const w of level) {
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    }
    level = next;
  }
  return out;
}

export function correctionLexicon(entries: readonly LexiconEntry[]): CorrectionLexicon {
  const entriesOfLength = new Map<number, LexiconEntry[]>();
  const words = new Set<string>();
  for (const entry of entries) {
    entriesOfLength.set(entry.words.length, [...(entriesOfLength.get(entry.words.length) ?? []), entry]);
    for (const w of entry.words) words.add(w);
  }
  const byDeletion = new Map<string, string[]>();
  for (const w of words) {
    for (const d of deletions(w, MAX_TYPOS)) byDeletion.set(d, [...(byDeletion.get(d) ?? []), w]);
  }
  return { entriesOfLength, words, byDeletion };
}

/**
 * Typos from a word to the nearest indexed word, within the word's typo budget, an indexed word's
 * start counting as the word (0: indexed, or the start of an indexed word; Infinity: none near).
 */
export type IndexedDistance = (word: string) => number;

/** Typos from `word` to `target` when `word` may be corrected into it; null when it may not. */
function wordTypos(word: string, target: string, lexicon: CorrectionLexicon): number | null {
  if (word === target) return 0;
  const budget = allowedTypos(word);
  if (budget === 0 || lexicon.words.has(word)) return null;
  // Cheap refusals first (most pairs): lengths too far apart, or another first letter with one typo allowed.
  if (Math.abs(word.length - target.length) > budget || (word[0] !== target[0] && budget < 2)) return null;
  // Whole words only: a word still being typed is completed by the engines, not corrected here.
  const d = typoDistance(word, target, false);
  return d <= budget ? d : null;
}

/** For each word of a query, the lexicon words it may be corrected into, with their typos. */
export type NearLexiconWords = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * The lexicon words each of `words` may be corrected into (within its typo budget, at least one
 * typo): found through the strings both leave once up to two letters are removed, then measured.
 * Words with none are left out.
 */
export function nearLexiconWords(words: readonly string[], lexicon: CorrectionLexicon): NearLexiconWords {
  const near = new Map<string, Map<string, number>>();
  for (const word of words) {
    if (near.has(word) || allowedTypos(word) === 0 || lexicon.words.has(word)) continue;
    const targets = new Map<string, number>();
    for (const d of deletions(word, allowedTypos(word))) {
      for (const target of lexicon.byDeletion.get(d) ?? []) {
        if (targets.has(target)) continue;
        const typos = wordTypos(word, target, lexicon);
        if (typos !== null && typos > 0) targets.set(target, typos);
      }
    }
    if (targets.size) near.set(word, targets);
  }
  return near;
}

/**
 * The best entry of `words.length` words the words can be corrected into (fewest typos, then the
 * lexicon's order), or null; `near` from `nearLexiconWords`. An entry equal to the words is not a
 * correction (the caller matched it).
 */
export function correctRun(words: readonly string[], lexicon: CorrectionLexicon, near: NearLexiconWords, indexedDistance: IndexedDistance): Correction | null {
  let best: Correction | null = null;
  for (const entry of lexicon.entriesOfLength.get(words.length) ?? []) {
    let typos = 0;
    for (let k = 0; k < words.length && typos !== -1; k++) {
      const [w, target] = [words[k]!, entry.words[k]!];
      const d = w === target ? 0 : near.get(w)?.get(target);
      typos = d === undefined ? -1 : typos + d;
    }
    if (typos < 1 || (best && best.typos <= typos)) continue;
    // Asked last, for the few words within reach: a word nearer to an indexed word is meant as that
    // word — unless it is the start of the entry's word ("permis de conduir": still being typed).
    if (words.some((w, k) => w !== entry.words[k] && !entry.words[k]!.startsWith(w) && indexedDistance(w) < near.get(w)!.get(entry.words[k]!)!)) continue;
    best = { entry, typos };
  }
  return best;
}

/**
 * The words of a query (search terms) that could be corrected into a lexicon word: the only words
 * `correctRun` asks `indexedDistance` about, so an engine that must look words up (Meilisearch)
 * asks for these alone, and none at all for most queries.
 */
export function correctionCandidates(words: readonly string[], lexicon: CorrectionLexicon): string[] {
  return [...nearLexiconWords(words, lexicon).keys()];
}
