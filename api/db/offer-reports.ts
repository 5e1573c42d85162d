/** Error reports on offers: written by anyone, listed per département for its coordinators. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, OfferReportStatus, OfferReportTable } from './schema.ts';
import { newId } from '../domain/ids.ts';

export type OfferReportRow = Selectable<OfferReportTable>;

export async function insertOfferReport(
  db: Kysely<Database>,
  report: { offerId: string; message: string; email: string | null },
  now: Date,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('offer_reports')
    .values({ id, offer_id: report.offerId, message: report.message, email: report.email, status: 'new', created_at: now.toISOString() })
    .execute();
  return id;
}

export interface OfferReportListItem {
  id: string;
  message: string;
  email: string | null;
  status: OfferReportStatus;
  created_at: string;
  offer: { id: string; name: string; departement_code: string | null };
  structure: { id: string; name: string };
}

/** Reports on the offers of a département, newest first. */
export async function listOfferReports(
  db: Kysely<Database>,
  filter: { departement: string; status?: OfferReportStatus | undefined; limit: number; offset: number },
): Promise<{ total: number; items: OfferReportListItem[] }> {
  let base = db
    .selectFrom('offer_reports as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .innerJoin('structures as s', 's.id', 'o.structure_id')
    .where('o.departement_code', '=', filter.departement);
  if (filter.status) base = base.where('r.status', '=', filter.status);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'r.id',
      'r.message',
      'r.email',
      'r.status',
      'r.created_at',
      'o.id as offer_id',
      'o.name as offer_name',
      'o.departement_code',
      's.id as structure_id',
      's.name as structure_name',
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      message: r.message,
      email: r.email,
      status: r.status,
      created_at: r.created_at,
      offer: { id: r.offer_id, name: r.offer_name, departement_code: r.departement_code },
      structure: { id: r.structure_id, name: r.structure_name },
    })),
  };
}

/** What deciding on a report needs to know: its status and the département of its offer. */
export async function getOfferReportScope(db: Kysely<Database>, id: string): Promise<{ status: OfferReportStatus; departement_code: string | null } | undefined> {
  return db
    .selectFrom('offer_reports as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .select(['r.status', 'o.departement_code'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Closes a new report (resolved or dismissed); false when it was no longer new. */
export async function closeOfferReport(
  db: Kysely<Database>,
  id: string,
  decision: { status: Exclude<OfferReportStatus, 'new'>; userId: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('offer_reports')
    .set({ status: decision.status, resolved_at: now.toISOString(), resolved_by: decision.userId })
    .where('id', '=', id)
    .where('status', '=', 'new')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
