/**
 * Field-level difference of two versions of a record, for the audit log: `{field: [before, after]}`
 * for every field whose value changed. Absent and undefined count as null (a field that appears on
 * creation is a change from null). Values are compared by content, so a list or a session rebuilt
 * with the same values is not a change.
 */

export type FieldChanges = Record<string, [unknown, unknown]>;

export interface DiffOptions {
  /** Fields never reported (timestamps the database sets, derived columns). */
  ignore?: readonly string[];
  /** List fields whose order carries no meaning (thématiques, publics...): compared as sets. */
  sets?: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A stable form for comparison: object keys sorted, undefined → null. */
function canonical(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value as Json;
}

function same(a: unknown, b: unknown, asSet: boolean): boolean {
  let x = canonical(a);
  let y = canonical(b);
  if (asSet && Array.isArray(x) && Array.isArray(y)) {
    x = x.map((v) => JSON.stringify(v)).sort();
    y = y.map((v) => JSON.stringify(v)).sort();
  }
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Changes from `before` to `after` (either may be null: creation, deletion). */
export function diffRecords(
  before: Readonly<Record<string, unknown>> | null | undefined,
  after: Readonly<Record<string, unknown>> | null | undefined,
  options: DiffOptions = {},
): FieldChanges {
  const ignore = new Set(options.ignore ?? []);
  const sets = new Set(options.sets ?? []);
  const b = before ?? {};
  const a = after ?? {};
  const changes: FieldChanges = {};
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (ignore.has(field)) continue;
    if (!same(b[field], a[field], sets.has(field))) changes[field] = [canonical(b[field]), canonical(a[field])];
  }
  return changes;
}

export function hasChanges(changes: FieldChanges): boolean {
  return Object.keys(changes).length > 0;
}
