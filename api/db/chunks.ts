/** D1 binds at most 100 parameters per statement: a list compared with `in` goes by parts this long. */
const IN_LIST_CHUNK = 90;

/** `list` in consecutive parts of at most IN_LIST_CHUNK items. */
export function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += IN_LIST_CHUNK) out.push(list.slice(i, i + IN_LIST_CHUNK));
  return out;
}
