/**
 * The monthly freshness digest (a maintenance task): at every run, each structure with overdue offers
 * that has not had this month's digest yet gets one mail listing them — so on the month's first run
 * for most, later in the month for a structure whose offers fall overdue then. Each offer comes with
 * a signed « Rien n’a changé » link (a page where one click confirms it, through the editing layer:
 * audited, re-indexed) and a « Modifier » link to the offer in the structure space. Recorded with
 * its mails in one unit of work, so it never goes twice in a month.
 * Recipients: the structure's admins, else its own e-mail.
 */
import type { MaintenanceDeps } from './maintenance.ts';
import { overdueOffers, type OverdueOffer } from '../db/moderation.ts';
import { adminContacts } from '../db/roles.ts';
import { recordCampaignMail } from '../db/freshness-campaigns.ts';
import { LINK_TTL_DAYS, signLink } from '../auth/signed-links.ts';
import { freshnessDigestMail, type DigestOffer } from '../mail/campaign-mails.ts';
import { appLink, notify } from '../mail/notify.ts';
import { frenchToday } from '../domain/di/schema.ts';
import { inTransaction } from '../db/transaction.ts';

/** A digest lists at most this many offers (the longest overdue first, then by name). */
export const DIGEST_MAX_OFFERS = 50;

export function campaignMonth(now: Date): string {
  return frenchToday(now).slice(0, 7);
}

/** Sends this month's digests not sent yet; returns how many structures were mailed. */
export async function sendFreshnessDigests(deps: MaintenanceDeps): Promise<number> {
  const now = deps.clock();
  const month = campaignMonth(now);
  const { items } = await overdueOffers(deps.db, null, now);
  const byStructure = new Map<string, OverdueOffer[]>();
  for (const item of items) byStructure.set(item.structure.id, [...(byStructure.get(item.structure.id) ?? []), item]);
  const already = new Set(
    (await deps.db.selectFrom('freshness_campaign_mails').select('structure_id').where('month', '=', month).execute()).map((r) => r.structure_id),
  );
  let sent = 0;
  for (const [structureId, overdue] of byStructure) {
    if (already.has(structureId)) continue;
    const listed = [...overdue]
      .sort((a, b) => (a.offer.confirmed_at ?? a.offer.updated_on).localeCompare(b.offer.confirmed_at ?? b.offer.updated_on) || a.offer.name.localeCompare(b.offer.name, 'fr'))
      .slice(0, DIGEST_MAX_OFFERS);
    const admins = await adminContacts(deps.db, structureId);
    const structure = listed[0]!.structure;
    const recipients: Array<{ name: string | null; email: string }> = admins.length ? admins : structure.email ? [{ name: null, email: structure.email }] : [];
    const offers: DigestOffer[] = [];
    for (const { offer } of listed) {
      const { token } = await signLink(deps, 'offer-confirm', offer.id);
      offers.push({
        name: offer.name,
        lastConfirmed: offer.confirmed_at ?? offer.updated_on,
        confirmUrl: appLink(deps.config.publicBaseUrl, '/fraicheur/confirmer', { offre: offer.id, jeton: token }),
        editUrl: appLink(deps.config.publicBaseUrl, `/structure/offres/${offer.id}`),
      });
    }
    // The record and the mails commit together: a digest recorded is a digest queued.
    const recorded = await inTransaction(deps.db, async (trx) => {
      if (!(await recordCampaignMail(trx, { structureId, month, sentAt: now, offerIds: listed.map((o) => o.offer.id), recipients: recipients.length }))) return false;
      await notify({ ...deps, db: trx }, recipients.map((to) => freshnessDigestMail(to, { structureName: structure.name, offers, validDays: LINK_TTL_DAYS['offer-confirm'] })));
      return true;
    });
    if (recorded && recipients.length) sent += 1;
  }
  return sent;
}
