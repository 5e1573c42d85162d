/**
 * What the coordinators of départements look at: structures waiting for validation, offers published
 * or changed since a coordinator last reviewed them, and offers whose update is overdue. Scoped by
 * the département of the offer's structure (the one permissions check), `null` meaning every
 * département (service admins).
 */
import { sql, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './schema.ts';
import { offerFromRow } from './offers.ts';
import { structureFromRow } from './structures.ts';
import { adminContacts } from './roles.ts';
import { overdueCutoffs, UPDATE_FREQUENCIES, type Offer } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';

export type DepartementScope = readonly string[] | null;

function inScope(eb: ExpressionBuilder<Database, 'structures'>, departements: DepartementScope) {
  if (departements === null) return sql<SqlBool>`1`;
  return eb('structures.departement_code', 'in', departements.length ? [...departements] : ['']);
}

export interface PendingStructure extends Structure {
  admins: Array<{ name: string; email: string }>;
}

/** Structures waiting for a coordinator, oldest first, with their admins (who asked). */
export async function pendingStructures(db: Kysely<Database>, departements: DepartementScope, limit: number): Promise<{ total: number; items: PendingStructure[] }> {
  const base = db.selectFrom('structures').where('structures.status', '=', 'pending').where((eb) => inScope(eb, departements));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('created_at').orderBy('id').limit(limit).execute();
  const items = await Promise.all(rows.map(async (r) => ({ ...structureFromRow(r), admins: await adminContacts(db, r.id) })));
  return { total: Number(n), items };
}

/** Actions after which a coordinator should look at an offer again. */
const CHANGES_TO_REVIEW = ['create', 'update', 'publish'];

export interface OfferToReview {
  offer: Offer;
  structure: { id: string; name: string; status: string };
  /** The latest change since the last review. */
  last_change: { action: string; at: string };
}

/** Published offers changed (or published) since their last review, the longest waiting first. */
export async function offersToReview(db: Kysely<Database>, departements: DepartementScope, limit: number): Promise<{ total: number; items: OfferToReview[] }> {
  const lastChange = (eb: ExpressionBuilder<Database, 'offers'>) =>
    eb
      .selectFrom('audit_log')
      .select((s) => s.fn.max('audit_log.at').as('at'))
      .where('audit_log.entity', '=', 'offer')
      .whereRef('audit_log.entity_id', '=', 'offers.id')
      .where('audit_log.action', 'in', CHANGES_TO_REVIEW);
  const base = db
    .selectFrom('offers')
    .innerJoin('structures', 'structures.id', 'offers.structure_id')
    .where('offers.status', '=', 'published')
    .where((eb) => inScope(eb, departements))
    .where((eb) => eb(lastChange(eb), '>', eb.fn.coalesce('offers.reviewed_at', sql.lit(''))));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('offers')
    .select((eb) => [lastChange(eb).as('last_change_at'), 'structures.name as structure_name', 'structures.status as structure_status'])
    .orderBy('last_change_at')
    .orderBy('offers.id')
    .limit(limit)
    .execute();
  const items: OfferToReview[] = [];
  for (const { last_change_at, structure_name, structure_status, ...row } of rows) {
    const action = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'offer')
      .where('entity_id', '=', row.id)
      .where('action', 'in', CHANGES_TO_REVIEW)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    items.push({
      offer: offerFromRow(row),
      structure: { id: row.structure_id, name: structure_name, status: structure_status },
      last_change: { action: action?.action ?? 'update', at: String(last_change_at) },
    });
  }
  return { total: Number(n), items };
}

export interface OverdueOffer {
  offer: Offer;
  structure: { id: string; name: string; email: string | null; phone: string | null; commune_name: string | null; departement_code: string | null };
}

/**
 * Published offers not confirmed within their update frequency (the same cutoffs as isOverdue), of
 * structures still active; by structure, then the longest overdue first.
 */
export async function overdueOffers(db: Kysely<Database>, departements: DepartementScope, now: Date, limit?: number): Promise<{ total: number; items: OverdueOffer[] }> {
  const cutoffs = overdueCutoffs(now);
  const base = db
    .selectFrom('offers')
    .innerJoin('structures', 'structures.id', 'offers.structure_id')
    .where('offers.status', '=', 'published')
    .where('structures.status', 'not in', ['archived', 'rejected'])
    .where((eb) => inScope(eb, departements))
    .where((eb) =>
      eb.or(
        UPDATE_FREQUENCIES.map((months) =>
          eb.and([eb('offers.update_frequency_months', '=', months), eb(eb.fn.coalesce('offers.confirmed_at', 'offers.updated_on'), '<', cutoffs[months])]),
        ),
      ),
    );
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let query = base
    .selectAll('offers')
    .select([
      'structures.name as s_name',
      'structures.email as s_email',
      'structures.phone as s_phone',
      'structures.commune_name as s_commune_name',
      'structures.departement_code as s_departement_code',
    ])
    .orderBy('structures.name')
    .orderBy('structures.id')
    .orderBy((eb) => eb.fn.coalesce('offers.confirmed_at', 'offers.updated_on'))
    .orderBy('offers.id');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return {
    total: Number(n),
    items: rows.map(({ s_name, s_email, s_phone, s_commune_name, s_departement_code, ...row }) => ({
      offer: offerFromRow(row),
      structure: { id: row.structure_id, name: s_name, email: s_email, phone: s_phone, commune_name: s_commune_name, departement_code: s_departement_code },
    })),
  };
}
