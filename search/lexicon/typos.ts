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
 * Optimal-string-alignment distance (Levenshtein plus the swap of two adjacent letters) between `a`
 * and `b`, or between `a` and the nearest prefix of `b` when `prefixOfB`; `max + 1` as soon as it is
 * known to exceed `max`. One dynamic-programming pass over UTF-16 units (search terms are ASCII).
 */
function alignmentDistance(a: string, b: string, max: number, prefixOfB: boolean): number {
  const m = a.length;
  const n = prefixOfB ? Math.min(b.length, m + max) : b.length;
  if (!prefixOfB && Math.abs(m - n) > max) return max + 1;
  if (prefixOfB && n < m - max) return max + 1;
  let previous2 = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, previous2[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  if (!prefixOfB) return Math.min(previous[n]!, max + 1);
  // The best prefix of b: the last row's minimum over the prefix lengths within `max` of a's length.
  let best = max + 1;
  for (let j = Math.max(0, m - max); j <= n; j++) best = Math.min(best, previous[j]!);
  return best;
}

export function editDistance(a: string, b: string, max: number): number {
  return alignmentDistance(a, b, max, false);
}

/**
 * Distance between a word being typed and the start of a candidate: the best over the candidate's
 * prefixes whose length is within `max` of the word's ("informatiq" is 0 from "informatique").
 */
export function prefixDistance(typed: string, candidate: string, max: number): number {
  return alignmentDistance(typed, candidate, max, true);
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
