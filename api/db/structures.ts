/** Structures repository. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, StructureTable } from './schema.ts';
import type { Structure, StructureInput } from '../domain/structure.ts';
import { departementOfCommune } from '../domain/territory.ts';
import { decodeList, encodeList } from './json.ts';
import { newId } from '../domain/ids.ts';
import { enqueueOffersOfStructure } from './search-outbox.ts';
import { inTransaction } from './transaction.ts';

export function structureFromRow(row: Selectable<StructureTable>): Structure {
  return { ...row, reseaux_porteurs: decodeList(row.reseaux_porteurs), status: row.status as Structure['status'] };
}

function toRow(input: StructureInput) {
  return {
    ...input,
    reseaux_porteurs: encodeList(input.reseaux_porteurs),
    departement_code: input.commune_code ? departementOfCommune(input.commune_code) : null,
  };
}

/**
 * Inserts or updates the structure identified by (source, source_id); returns its id. An update
 * enqueues the structure's offers for search in the same transaction (their documents carry its name
 * and status).
 */
export function upsertStructureBySource(db: Kysely<Database>, input: StructureInput, now: Date): Promise<string> {
  return inTransaction(db, (trx) => writeStructure(trx, input, now));
}

async function writeStructure(db: Kysely<Database>, input: StructureInput, now: Date): Promise<string> {
  const existing = await db
    .selectFrom('structures')
    .select('id')
    .where('source', '=', input.source)
    .where('source_id', '=', input.source_id)
    .executeTakeFirst();
  const stamp = now.toISOString();
  if (existing) {
    await db.updateTable('structures').set({ ...toRow(input), updated_at: stamp }).where('id', '=', existing.id).execute();
    await enqueueOffersOfStructure(db, existing.id, now);
    return existing.id;
  }
  const id = newId();
  await db.insertInto('structures').values({ ...toRow(input), id, created_at: stamp, updated_at: stamp }).execute();
  return id;
}

export async function getStructure(db: Kysely<Database>, id: string): Promise<Structure | undefined> {
  const row = await db.selectFrom('structures').selectAll().where('id', '=', id).executeTakeFirst();
  return row && structureFromRow(row);
}

/** The structures with these ids, by id (unknown ids are left out). */
export async function getStructures(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Structure>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('structures').selectAll().where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, structureFromRow(row)]));
}

export async function findStructureBySource(db: Kysely<Database>, source: string, sourceId: string): Promise<Structure | undefined> {
  const row = await db
    .selectFrom('structures')
    .selectAll()
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row && structureFromRow(row);
}

export interface StructureFilters {
  dept?: string | undefined;
  commune?: string | undefined;
  q?: string | undefined;
  /** Only validated structures (the public view). */
  publicOnly: boolean;
  limit: number;
  offset: number;
}

export async function listStructures(db: Kysely<Database>, f: StructureFilters): Promise<{ total: number; items: Structure[] }> {
  let query = db.selectFrom('structures');
  if (f.publicOnly) query = query.where('status', '=', 'validated');
  if (f.dept) query = query.where('departement_code', '=', f.dept);
  if (f.commune) query = query.where('commune_code', '=', f.commune);
  if (f.q) query = query.where('name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), items: rows.map(structureFromRow) };
}
