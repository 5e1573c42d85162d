/** Offers repository (an offer and its dated sessions form one aggregate). */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database, OfferTable } from './schema.ts';
import { isOverdue, type Offer, type OfferInput, type OfferSession, type OfferStatus, type UpdateFrequency } from '../domain/offer.ts';
import { departementOfCommune } from '../domain/territory.ts';
import { decodeList, encodeList } from './json.ts';
import { newId } from '../domain/ids.ts';
import { offerCompleteness } from '../domain/completeness.ts';
import { enqueueOffer } from './search-outbox.ts';
import { inTransaction } from './transaction.ts';

const LIST_COLUMNS = ['thematiques', 'publics', 'modes_accueil', 'itinerant_communes', 'zone', 'modes_mobilisation', 'mobilisable_par'] as const;

export function offerFromRow(row: Selectable<OfferTable>, sessions: OfferSession[] = []): Offer {
  const offer = { ...row } as unknown as Offer;
  for (const c of LIST_COLUMNS) (offer as any)[c] = decodeList(row[c]);
  offer.contact_public = row.contact_public === 1;
  offer.sessions = sessions;
  return offer;
}

function toRow(input: OfferInput) {
  const { sessions: _sessions, ...rest } = input;
  const row: Record<string, unknown> = { ...rest, contact_public: input.contact_public ? 1 : 0 };
  for (const c of LIST_COLUMNS) row[c] = encodeList(input[c]);
  row.departement_code = input.commune_code ? departementOfCommune(input.commune_code) : null;
  return row as Omit<Selectable<OfferTable>, 'id' | 'structure_id' | 'created_at' | 'updated_at'> & {
    structure_id: string;
  };
}

/**
 * Inserts or updates the offer identified by (source, source_id), replacing its sessions; returns its id.
 * In one transaction (the caller's, or its own): the offer, its completeness, its sessions and the
 * search outbox row that will refresh its search document.
 */
export function upsertOfferBySource(db: Kysely<Database>, input: OfferInput, now: Date): Promise<string> {
  return inTransaction(db, (trx) => writeOffer(trx, input, now));
}

async function writeOffer(db: Kysely<Database>, input: OfferInput, now: Date): Promise<string> {
  const existing = await db
    .selectFrom('offers')
    .select('id')
    .where('source', '=', input.source)
    .where('source_id', '=', input.source_id)
    .executeTakeFirst();
  const stamp = now.toISOString();
  const row = toRow(input);
  row.completeness = offerCompleteness(input, now);
  if (!row.departement_code) {
    // An offer without its own place belongs to its structure's département.
    const structure = await db.selectFrom('structures').select('departement_code').where('id', '=', input.structure_id).executeTakeFirst();
    row.departement_code = structure?.departement_code ?? null;
  }
  let id: string;
  if (existing) {
    id = existing.id;
    await db.updateTable('offers').set({ ...row, updated_at: stamp }).where('id', '=', id).execute();
    await db.deleteFrom('offer_sessions').where('offer_id', '=', id).execute();
  } else {
    id = newId();
    await db.insertInto('offers').values({ ...row, id, created_at: stamp, updated_at: stamp }).execute();
  }
  await enqueueOffer(db, id, now);
  if (input.sessions.length) {
    await db
      .insertInto('offer_sessions')
      .values(input.sessions.map((s) => ({ ...s, id: newId(), offer_id: id })))
      .execute();
  }
  return id;
}

async function sessionsOf(db: Kysely<Database>, offerIds: string[]): Promise<Map<string, OfferSession[]>> {
  const bySession = new Map<string, OfferSession[]>();
  if (!offerIds.length) return bySession;
  const rows = await db
    .selectFrom('offer_sessions')
    .selectAll()
    .where('offer_id', 'in', offerIds)
    .orderBy('starts_on')
    .execute();
  for (const { offer_id, ...s } of rows) {
    const list = bySession.get(offer_id) ?? [];
    list.push(s);
    bySession.set(offer_id, list);
  }
  return bySession;
}

export async function getOffer(db: Kysely<Database>, id: string): Promise<Offer | undefined> {
  const row = await db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return offerFromRow(row, (await sessionsOf(db, [id])).get(id) ?? []);
}

export interface OfferFilters {
  dept?: string | undefined;
  /** Codes covering a commune (itself, its EPCI, its département, france): the offer's zone must contain one, or be empty. */
  eligibleZoneCodes?: string[] | undefined;
  /** The offer answers at least one of these thématiques. */
  thematiques?: string[] | undefined;
  /** The offer is open to this public (listed, or tous-publics, or no publics given). */
  public?: string | undefined;
  type?: string | undefined;
  structureId?: string | undefined;
  /** Only offers with one of these statuses (a structure's own list). */
  statuses?: readonly OfferStatus[] | undefined;
  /** Published offers of validated structures only (the public view). */
  publishedOnly: boolean;
  limit: number;
  offset: number;
}

function anyOf(column: Expression<string | null>, values: readonly string[]) {
  return sql<SqlBool>`exists (select 1 from json_each(${column}) where value in (${sql.join(values)}))`;
}

function applyFilters(eb: ExpressionBuilder<Database, 'offers'>, f: OfferFilters) {
  const conditions: Expression<SqlBool>[] = [];
  if (f.publishedOnly) {
    conditions.push(eb('offers.status', '=', 'published'));
    conditions.push(
      eb.exists(
        eb.selectFrom('structures').select('structures.id').whereRef('structures.id', '=', 'offers.structure_id').where('structures.status', '=', 'validated'),
      ),
    );
  }
  if (f.dept) conditions.push(eb('offers.departement_code', '=', f.dept));
  if (f.structureId) conditions.push(eb('offers.structure_id', '=', f.structureId));
  if (f.statuses) conditions.push(eb('offers.status', 'in', f.statuses.length ? [...f.statuses] : ['']));
  if (f.type) conditions.push(eb('offers.type', '=', f.type));
  if (f.thematiques) conditions.push(f.thematiques.length ? anyOf(eb.ref('offers.thematiques'), f.thematiques) : sql<SqlBool>`0`);
  if (f.public) {
    conditions.push(
      eb.or([
        eb('offers.publics', 'is', null),
        sql<SqlBool>`json_array_length(offers.publics) = 0`,
        anyOf(eb.ref('offers.publics'), [f.public, 'tous-publics']),
      ]),
    );
  }
  if (f.eligibleZoneCodes) {
    conditions.push(
      eb.or([eb('offers.zone', 'is', null), sql<SqlBool>`json_array_length(offers.zone) = 0`, anyOf(eb.ref('offers.zone'), f.eligibleZoneCodes)]),
    );
  }
  return eb.and(conditions);
}

export async function listOffers(db: Kysely<Database>, f: OfferFilters): Promise<{ total: number; items: Offer[] }> {
  const base = db.selectFrom('offers').where((eb) => applyFilters(eb, f));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll('offers').orderBy('offers.name').orderBy('offers.id').limit(f.limit).offset(f.offset).execute();
  const sessions = await sessionsOf(db, rows.map((r) => r.id));
  return { total: Number(total.n), items: rows.map((r) => offerFromRow(r, sessions.get(r.id) ?? [])) };
}

/** Every offer of a structure, sessions included (for exports and the structure page). */
export async function offersOfStructures(db: Kysely<Database>, structureIds: string[], publishedOnly: boolean): Promise<Offer[]> {
  if (!structureIds.length) return [];
  let q = db.selectFrom('offers').selectAll().where('structure_id', 'in', structureIds);
  if (publishedOnly) q = q.where('status', '=', 'published');
  const rows = await q.orderBy('name').orderBy('id').execute();
  const sessions = await sessionsOf(db, rows.map((r) => r.id));
  return rows.map((r) => offerFromRow(r, sessions.get(r.id) ?? []));
}

export async function countOffers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface OfferCounts {
  draft: number;
  published: number;
  suspended: number;
  archived: number;
  /** Published offers past their update frequency. */
  overdue: number;
}

/** How many offers each structure has per status, and how many are overdue (the structures' own pages). */
export async function offerCountsOfStructures(db: Kysely<Database>, structureIds: readonly string[], now: Date): Promise<Map<string, OfferCounts>> {
  const counts = new Map<string, OfferCounts>(structureIds.map((id) => [id, { draft: 0, published: 0, suspended: 0, archived: 0, overdue: 0 }]));
  if (!structureIds.length) return counts;
  const rows = await db
    .selectFrom('offers')
    .select(['structure_id', 'status', 'confirmed_at', 'updated_on', 'update_frequency_months'])
    .where('structure_id', 'in', [...structureIds])
    .execute();
  for (const r of rows) {
    const c = counts.get(r.structure_id)!;
    if (r.status in c) c[r.status as OfferStatus] += 1;
    if (r.status === 'published' && isOverdue({ ...r, update_frequency_months: r.update_frequency_months as UpdateFrequency }, now)) c.overdue += 1;
  }
  return counts;
}
