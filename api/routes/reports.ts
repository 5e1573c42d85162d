/**
 * "Signaler une erreur": POST /api/offers/:id/reports lets anyone (no account needed) tell the
 * département that an offer is wrong; GET /api/reports?dept= lists them for its coordinators, who
 * close them with POST /api/reports/:id/{resolve,dismiss}.
 * Anonymous writes are rate-limited per client address and per offer (keyed hashes only), and
 * refused when a browser marks them as coming from another site.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import type { ClientAddress } from '../auth/client-address.ts';
import { parseInputBody, parseJsonBody } from '../http/body.ts';
import { departementCodeParam, paginationSchema, parseOr400 } from '../http/validate.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { assertNotCrossSite } from '../auth/csrf.ts';
import { authorize, requireUser } from '../auth/permissions.ts';
import { takeHourlyQuota } from '../auth/rate-limit.ts';
import { emailSchema } from '../auth/email-address.ts';
import { getOffer } from '../db/offers.ts';
import { getStructure } from '../db/structures.ts';
import { closeOfferReport, getOfferReportScope, insertOfferReport, listOfferReports } from '../db/offer-reports.ts';

/** Reports one client address may send per hour (a whole mairie may share one address). */
export const REPORTS_PER_ADDRESS_PER_HOUR = 10;
/** Reports one offer may receive per hour, whoever sends them. */
export const REPORTS_PER_OFFER_PER_HOUR = 20;

const reportBody = z.object({
  message: z
    .string({ error: 'Décrivez l’erreur constatée.' })
    .trim()
    .min(10, 'Décrivez l’erreur en quelques mots (10 caractères au moins).')
    .max(2000, 'Message trop long (2 000 caractères au plus).'),
  // An empty field in the form means "no answer wanted".
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), emailSchema.optional()),
});

const listQuery = z.object({
  dept: departementCodeParam,
  status: z.enum(['new', 'resolved', 'dismissed'], { error: 'Statut attendu : new, resolved ou dismissed' }).optional(),
  ...paginationSchema,
});

const closeBody = z.strictObject({});

const CLOSED_AS = { resolve: 'resolved', dismiss: 'dismissed' } as const;

const tooMany = () =>
  new HttpProblem(429, 'Trop de signalements', 'Beaucoup de signalements ont été envoyés en peu de temps : réessayez dans une heure.');

export function reportsRoutes(deps: Pick<AppDeps, 'db' | 'config' | 'clock'> & { clientAddress: ClientAddress }) {
  const app = new Hono();

  app.post('/offers/:id/reports', async (c) => {
    if (!c.get('session')) assertNotCrossSite(c, deps.config);
    const body = await parseJsonBody(c, reportBody, 'Signalement invalide');
    const offer = await getOffer(deps.db, c.req.param('id'));
    const structure = offer && (await getStructure(deps.db, offer.structure_id));
    if (!offer || !structure || offer.status !== 'published' || structure.status !== 'validated') {
      throw notFound('Aucune offre publiée ne porte cet identifiant.');
    }
    const address = deps.clientAddress(c);
    const allowed =
      (address === null || (await takeHourlyQuota(deps, 'report:ip', address, REPORTS_PER_ADDRESS_PER_HOUR))) &&
      (await takeHourlyQuota(deps, 'report:offer', offer.id, REPORTS_PER_OFFER_PER_HOUR));
    if (!allowed) {
      c.header('Retry-After', '3600');
      throw tooMany();
    }
    const id = await insertOfferReport(deps.db, { offerId: offer.id, message: body.message, email: body.email ?? null }, deps.clock());
    return c.json({ id, message: 'Merci : votre signalement a été transmis à l’équipe qui coordonne l’offre du département.' }, 201);
  });

  app.get('/reports', async (c) => {
    const q = parseOr400(listQuery, c.req.query());
    authorize(c.get('actor'), 'report:read', { departement: q.dept });
    const { total, items } = await listOfferReports(deps.db, {
      departement: q.dept,
      status: q.status,
      limit: q.size,
      offset: (q.page - 1) * q.size,
    });
    return c.json({ total, page: q.page, size: q.size, items });
  });

  for (const [decision, status] of Object.entries(CLOSED_AS)) {
    app.post(`/reports/:id/${decision}`, async (c) => {
      const actor = requireUser(c.get('actor'));
      const report = await getOfferReportScope(deps.db, c.req.param('id'));
      if (!report) throw notFound('Aucun signalement ne porte cet identifiant.');
      authorize(actor, 'report:answer', { departement: report.departement_code });
      await parseInputBody(c, closeBody, { optional: true });
      if (!(await closeOfferReport(deps.db, c.req.param('id'), { status, userId: actor.userId }, deps.clock()))) {
        throw new HttpProblem(409, 'Signalement déjà traité', 'Ce signalement a déjà été marqué comme traité ou classé sans suite.');
      }
      return c.json({ id: c.req.param('id'), status });
    });
  }

  return app;
}
