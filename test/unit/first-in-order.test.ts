/** The SQLite engine puts in order only the documents of the pages asked (search/sqlite/search.ts firstInOrder). */
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../search/sqlite/search.ts';

describe('firstInOrder', () => {
  it('gives the first items of the whole sort, in order, whatever their number and the order they come in', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const order = (a: { k: number; id: number }, b: { k: number; id: number }) => a.k - b.k || a.id - b.id;
    for (const n of [0, 1, 5, 40, 1000]) {
      for (const keep of [0, 1, 3, 20, 100, 2000]) {
        // Few distinct keys: many ties, broken by id.
        const items = Array.from({ length: n }, (_, id) => ({ k: Math.floor(random() * 10), id }));
        const expected = [...items].sort(order).slice(0, keep);
        expect(firstInOrder([...items], keep, order), `${n} items, keep ${keep}`).toEqual(expected);
      }
    }
  });
});
