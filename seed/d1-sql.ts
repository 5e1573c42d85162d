/**
 * Writes the content of a SQLite database as SQL INSERT statements that `wrangler d1 execute --file`
 * applies to D1: how territories and the catalogue reach a Workers deployment. Rows are read through
 * Kysely, in dependency order, and batched so no statement nears D1's size limit.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../api/db/schema.ts';

/** Tables in foreign-key order; territory_loads is left out (D1 never runs the loader). */
export const D1_TABLES = [
  'regions',
  'departements',
  'epci',
  'communes',
  'areas',
  'area_communes',
  'contours',
  'structures',
  'offers',
  'offer_sessions',
] as const satisfies ReadonlyArray<keyof Database>;

type Value = string | number | null | bigint | boolean;

export function sqlLiteral(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${value.replace(/'/g, "''")}'`;
}

const MAX_STATEMENT_CHARS = 90_000;

export async function* d1Statements(db: Kysely<Database>, options: { departements?: string[] } = {}): AsyncGenerator<string> {
  const depts = options.departements;
  for (const table of D1_TABLES) {
    let query = db.selectFrom(table as 'communes').selectAll() as any;
    if (depts?.length) {
      if (table === 'communes' || table === 'areas' || table === 'structures' || table === 'offers') query = query.where('departement_code', 'in', depts);
      if (table === 'area_communes') query = query.where('area_id', 'in', db.selectFrom('areas').select('id').where('departement_code', 'in', depts));
      if (table === 'contours') query = query.where((eb: any) => eb.or([eb('code', 'in', depts), eb('code', 'in', db.selectFrom('communes').select('code').where('departement_code', 'in', depts))]));
      if (table === 'offer_sessions') query = query.where('offer_id', 'in', db.selectFrom('offers').select('id').where('departement_code', 'in', depts));
    }
    const rows = (await query.execute()) as Array<Record<string, Value>>;
    if (!rows.length) continue;
    const columns = Object.keys(rows[0]!);
    const head = `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES\n`;
    let batch: string[] = [];
    let size = head.length;
    for (const row of rows) {
      const tuple = `(${columns.map((c) => sqlLiteral(row[c] ?? null)).join(', ')})`;
      if (batch.length && size + tuple.length > MAX_STATEMENT_CHARS) {
        yield head + batch.join(',\n') + ';';
        batch = [];
        size = head.length;
      }
      batch.push(tuple);
      size += tuple.length + 2;
    }
    if (batch.length) yield head + batch.join(',\n') + ';';
  }
}
