/**
 * Freshness campaigns: the monthly digests sent (one row per structure and month) and how far each
 * structure got since — which of the offers it listed were confirmed (by the mail's link or
 * otherwise), which are still overdue.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { DepartementScope } from './moderation.ts';
import { decodeList, encodeList } from './json.ts';
import { isOverdue, type UpdateFrequency } from '../domain/offer.ts';

/** The audit reason of a confirmation made from a digest's link (how the progress tells them apart). */
export const CAMPAIGN_CONFIRM_REASON = 'Confirmée depuis le courriel mensuel de mise à jour';

/** Records the digest of `month` for the structure; false when one was already recorded (nothing to send). */
export async function recordCampaignMail(db: Kysely<Database>, row: { structureId: string; month: string; sentAt: Date; offerIds: string[]; recipients: number }): Promise<boolean> {
  const r = await db
    .insertInto('freshness_campaign_mails')
    .values({ structure_id: row.structureId, month: row.month, sent_at: row.sentAt.toISOString(), offer_ids: encodeList(row.offerIds) ?? '[]', recipients: row.recipients })
    .onConflict((oc) => oc.columns(['structure_id', 'month']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function campaignMonths(db: Kysely<Database>, departements: DepartementScope): Promise<string[]> {
  let q = db.selectFrom('freshness_campaign_mails as f').innerJoin('structures as s', 's.id', 'f.structure_id').select('f.month').distinct();
  if (departements) q = q.where('s.departement_code', 'in', departements.length ? [...departements] : ['']);
  return (await q.orderBy('f.month', 'desc').execute()).map((r) => r.month);
}

export interface CampaignOffer {
  id: string;
  name: string;
  status: string | null;
  confirmed_at: string | null;
  /** Confirmed after the digest was sent (from its link or otherwise). */
  confirmed_since: boolean;
  confirmed_by_link: boolean;
  overdue: boolean;
}

export interface CampaignStructure {
  structure: { id: string; name: string; commune_name: string | null; departement_code: string | null };
  sent_at: string;
  recipients: number;
  offers: CampaignOffer[];
}

/** Each structure mailed in `month` (within the départements), with its offers as they are now. */
export async function campaignProgress(db: Kysely<Database>, departements: DepartementScope, month: string, now: Date): Promise<CampaignStructure[]> {
  let q = db
    .selectFrom('freshness_campaign_mails as f')
    .innerJoin('structures as s', 's.id', 'f.structure_id')
    .select(['f.structure_id', 'f.sent_at', 'f.offer_ids', 'f.recipients', 's.name', 's.commune_name', 's.departement_code'])
    .where('f.month', '=', month);
  if (departements) q = q.where('s.departement_code', 'in', departements.length ? [...departements] : ['']);
  const rows = await q.orderBy('s.name').orderBy('s.id').execute();
  const result: CampaignStructure[] = [];
  for (const row of rows) {
    const ids = decodeList(row.offer_ids) ?? [];
    const offers = ids.length
      ? await db.selectFrom('offers').select(['id', 'name', 'status', 'confirmed_at', 'updated_on', 'update_frequency_months']).where('id', 'in', ids).execute()
      : [];
    const byLink = ids.length
      ? new Set(
          (
            await db
              .selectFrom('audit_log')
              .select('entity_id')
              .where('entity', '=', 'offer')
              .where('entity_id', 'in', ids)
              .where('action', '=', 'confirm')
              .where('reason', '=', CAMPAIGN_CONFIRM_REASON)
              .where('at', '>=', row.sent_at)
              .execute()
          ).map((r) => r.entity_id),
        )
      : new Set<string>();
    const byId = new Map(offers.map((o) => [o.id, o]));
    result.push({
      structure: { id: row.structure_id, name: row.name, commune_name: row.commune_name, departement_code: row.departement_code },
      sent_at: row.sent_at,
      recipients: row.recipients,
      offers: ids.map((id) => {
        const o = byId.get(id);
        const confirmedSince = !!o?.confirmed_at && o.confirmed_at >= row.sent_at;
        return {
          id,
          name: o?.name ?? '(offre supprimée)',
          status: o?.status ?? null,
          confirmed_at: o?.confirmed_at ?? null,
          confirmed_since: confirmedSince,
          confirmed_by_link: byLink.has(id),
          overdue: !!o && o.status === 'published' && isOverdue({ ...o, update_frequency_months: o.update_frequency_months as UpdateFrequency }, now),
        };
      }),
    });
  }
  return result;
}
