/**
 * The indexed words, in memory, where typo tolerance finds its candidates: loaded from the FTS5
 * vocabulary with the index and grown by every write. Words of deleted documents stay until the
 * next load: a candidate that matches nothing only adds an alternative that finds nothing.
 */
import { allowedTypos, typoDistance } from '../lexicon/typos.ts';
import type { VocabularyWord } from './text-query.ts';

/** Letters and digits of normalised text, for the words one edit away at the first letter. */
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

export interface Vocabulary {
  add(term: string, docs?: number): void;
  /**
   * Typos from `word` to the nearest indexed word, an indexed word's start counting as the word
   * (0: indexed or the start of an indexed word; Infinity: none within its typo budget). Meilisearch
   * reports the same for a one-word query (search/meilisearch/query.ts).
   */
  nearest(word: string): number;
  /**
   * Indexed words that share the first letter of `word` and whose length can be within its typo
   * budget; when `typing`, longer words too (the typed text may be the start of one). For a
   * two-typo word, also the words one edit away at the first letter (see `typoDistance`).
   */
  near(word: string, typing: boolean): VocabularyWord[];
}

export function createVocabulary(): Vocabulary {
  const docs = new Map<string, number>();
  /** Words by first character, sorted once a lookup needs them (after writes, on demand). */
  const byInitial = new Map<string, { words: string[]; sorted: boolean }>();

  const initialList = (initial: string) => {
    const list = byInitial.get(initial);
    if (!list) return [];
    if (!list.sorted) {
      list.words.sort();
      list.sorted = true;
    }
    return list.words;
  };

  /** Words starting with `prefix`, by binary search in the sorted list of its initial. */
  const startingWith = (prefix: string): string[] => {
    const words = initialList(String.fromCodePoint(prefix.codePointAt(0)!));
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < words.length && words[i]!.startsWith(prefix); i++) out.push(words[i]!);
    return out;
  };

  const near = (word: string, typing: boolean): VocabularyWord[] => {
    const max = allowedTypos(word);
    const length = [...word].length;
    const longest = typing ? Infinity : length + max;
    const first = String.fromCodePoint(word.codePointAt(0)!);
    const found = new Set<string>();
    for (const term of initialList(first)) {
      const n = [...term].length;
      if (n >= length - max && n <= longest) found.add(term);
    }
    if (max >= 2) {
      for (const start of firstLetterEdits(word)) {
        if (start.startsWith(first)) continue;
        if (typing) for (const term of startingWith(start)) found.add(term);
        else if (docs.has(start)) found.add(start);
      }
    }
    return [...found].map((term) => ({ term, doc: docs.get(term)! }));
  };

  return {
    add(term, n = 1) {
      const known = docs.get(term);
      docs.set(term, (known ?? 0) + n);
      if (known !== undefined) return;
      const initial = String.fromCodePoint(term.codePointAt(0)!);
      const list = byInitial.get(initial) ?? { words: [], sorted: true };
      list.words.push(term);
      list.sorted = false;
      byInitial.set(initial, list);
    },

    nearest(word) {
      if (docs.has(word)) return 0;
      const max = allowedTypos(word);
      let best = Infinity;
      for (const { term } of near(word, true)) {
        const d = typoDistance(word, term, true);
        if (d <= max && d < best) best = d;
        if (best === 0) break;
      }
      return best;
    },

    near,
  };
}

/** The words one edit away from `word` at its first letter: replaced, removed, one added before, first two swapped. */
export function firstLetterEdits(word: string): string[] {
  const chars = [...word];
  const rest = chars.slice(1).join('');
  const edits = new Set<string>([rest]);
  for (const c of ALPHABET) {
    edits.add(c + rest);
    edits.add(c + word);
  }
  if (chars.length > 1) edits.add(chars[1]! + chars[0]! + chars.slice(2).join(''));
  edits.delete(word);
  edits.delete('');
  return [...edits];
}
