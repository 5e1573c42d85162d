/**
 * Typo tolerance rules, Meilisearch's (the index settings say the same): one edit for words of 5
 * letters or more, two from 9; a wrong first letter counts double. The SQLite engine applies them
 * to its vocabulary; the Meilisearch engine to the lexicon, before sending a query.
 */

export function allowedTypos(word: string): number {
  const length = [...word].length;
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus the swap of two adjacent letters), or
 * `max + 1` as soon as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, previous2[j - 2]! + 1);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * Distance between a word being typed and the start of a candidate: the best over the candidate's
 * prefixes whose length is within `max` of the word's ("informatiq" is 0 from "informatique").
 */
export function prefixDistance(typed: string, candidate: string, max: number): number {
  const t = [...typed];
  const c = [...candidate];
  let best = max + 1;
  for (let length = Math.max(1, t.length - max); length <= Math.min(c.length, t.length + max); length++) {
    best = Math.min(best, editDistance(typed, c.slice(0, length).join(''), max));
    if (best === 0) break;
  }
  return best;
}

/**
 * Typos between a typed word and a candidate, Meilisearch's way: within the word's budget when the
 * first letters agree; a wrong first letter counts double, so it needs a two-typo word and one edit.
 * For the word being typed (`typing`), the candidate's best prefix counts.
 */
export function typoDistance(word: string, candidate: string, typing: boolean): number {
  const max = allowedTypos(word);
  const distance = (budget: number) => {
    const full = editDistance(word, candidate, budget);
    return typing ? Math.min(full, prefixDistance(word, candidate, budget)) : full;
  };
  if (candidate[0] === word[0]) return distance(max);
  if (max < 2) return max + 1;
  return distance(1) <= 1 ? 2 : max + 1;
}
