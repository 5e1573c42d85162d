/**
 * Freshness campaigns (the monthly digest, jobs/freshness-campaign.ts):
 *   GET  /api/freshness/campaigns?dept=&month=   coordinators: progress per structure mailed that month
 *   GET  /api/freshness/offers/:id?token=        the offer a digest's « Rien n’a changé » link is about
 *   POST /api/freshness/offers/:id/confirm {token}  confirms it: no account, one signed single-purpose
 *                                                link per offer; through the editing layer (audited,
 *                                                re-indexed) like POST /api/offers/:id/confirm
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { checkLink } from '../auth/signed-links.ts';
import { parseInputBody } from '../http/body.ts';
import { editedOrProblem } from '../http/edit-result.ts';
import { HttpProblem } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { changeOfferStatus } from '../db/offer-editing.ts';
import { campaignMonths, campaignProgress, CAMPAIGN_CONFIRM_REASON } from '../db/freshness-campaigns.ts';
import { linkToken } from '../domain/orientation.ts';
import { isOverdue, type Offer } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';
import { campaignMonth } from '../jobs/freshness-campaign.ts';
import { departementQuery, departementsFor } from './moderation.ts';
import { idParam, offerOr404 } from './scope.ts';

const progressQuery = z.object({ ...departementQuery, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mois attendu au format AAAA-MM').optional() });
const linkQuery = z.object({ token: linkToken });
const confirmBody = z.strictObject({ token: linkToken });

/** What a digest's link shows of its offer: whether it is up to date, nothing else. */
function linkedView(offer: Offer, structure: Structure, now: Date) {
  return {
    offer: { id: offer.id, name: offer.name, status: offer.status, confirmed_at: offer.confirmed_at, updated_on: offer.updated_on, overdue: isOverdue(offer, now) },
    structure: { id: structure.id, name: structure.name },
  };
}

export function freshnessCampaignRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.get('/freshness/campaigns', async (c) => {
    const q = parseOr400(progressQuery, c.req.query());
    const departements = departementsFor(c.get('actor'), q.dept);
    const now = deps.clock();
    const month = q.month ?? campaignMonth(now);
    const structures = (await campaignProgress(deps.db, departements, month, now)).map((s) => ({
      ...s,
      offers_total: s.offers.length,
      confirmed: s.offers.filter((o) => o.confirmed_since).length,
      confirmed_by_link: s.offers.filter((o) => o.confirmed_by_link).length,
      still_overdue: s.offers.filter((o) => o.overdue).length,
    }));
    const sum = (key: 'offers_total' | 'confirmed' | 'confirmed_by_link' | 'still_overdue') => structures.reduce((n, s) => n + s[key], 0);
    return c.json({
      departements,
      month,
      months: await campaignMonths(deps.db, departements),
      totals: {
        structures: structures.length,
        structures_done: structures.filter((s) => s.still_overdue === 0).length,
        offers: sum('offers_total'),
        confirmed: sum('confirmed'),
        confirmed_by_link: sum('confirmed_by_link'),
        still_overdue: sum('still_overdue'),
      },
      structures,
    });
  });

  /** The link's offer, or 403 (forged, or for another offer) / 410 (expired: the next digest brings a new one). */
  const linked = async (id: string, token: string) => {
    const check = await checkLink(deps, 'offer-confirm', id, token);
    if (check === 'invalid') throw new HttpProblem(403, 'Lien invalide', 'Ce lien ne correspond pas à cette offre. Ouvrez le lien reçu par courriel, en entier.');
    const found = await offerOr404(deps, id);
    if (check === 'expired') {
      throw new HttpProblem(410, 'Lien expiré', 'Ce lien a expiré. Connectez-vous à l’espace de la structure pour confirmer l’offre, ou attendez le courriel du mois prochain.');
    }
    return found;
  };

  app.get('/freshness/offers/:id', async (c) => {
    const q = parseOr400(linkQuery, c.req.query());
    const { offer, structure } = await linked(idParam(c), q.token);
    return c.json(linkedView(offer, structure, deps.clock()));
  });

  app.post('/freshness/offers/:id/confirm', async (c) => {
    const body = await parseInputBody(c, confirmBody);
    const { offer: before, structure } = await linked(idParam(c), body.token);
    const now = deps.clock();
    const offer = editedOrProblem(await changeOfferStatus(deps.db, before.id, { action: 'confirm', reason: CAMPAIGN_CONFIRM_REASON }, { actorUserId: null, now }));
    return c.json({ message: `Merci : « ${offer.name} » est confirmée à jour.`, ...linkedView(offer, structure, now) });
  });

  return app;
}
