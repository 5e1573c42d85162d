/**
 * The coordinators' work on their départements (service admins: every département).
 *
 *   GET  /api/moderation?dept=&size=          the queue: pending structures, claims, offers to review, overdue offers
 *   POST /api/structures/:id/validate         coordinators of the structure's département
 *   POST /api/structures/:id/reject {reason}  idem; the structure's admins get the reason by mail
 *   POST /api/offers/:id/review               the offer leaves "changed since last review"
 *   POST /api/offers/:id/unpublish {reason}   back to draft, the structure's admins get the reason by mail
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, requireUser, type Actor } from '../auth/permissions.ts';
import { parseInputBody } from '../http/body.ts';
import { editedOrProblem } from '../http/edit-result.ts';
import { parseOr400 } from '../http/validate.ts';
import { moderateStructure } from '../db/structure-editing.ts';
import { changeOfferStatus, markOfferReviewed } from '../db/offer-editing.ts';
import { offersToReview, overdueOffers, pendingStructures, type DepartementScope } from '../db/moderation.ts';
import { listJoinRequests } from '../db/join-requests.ts';
import { isDepartementCode } from '../domain/departement-code.ts';
import { daysOverdue, reviewDueAt, type Offer } from '../domain/offer.ts';
import { offerView } from '../domain/offer-view.ts';
import { editContext, idParam, offerOr404, structureOr404 } from './scope.ts';
import { noticeOfferModerated, noticeStructureDecision, writeAndNotify } from './notices.ts';
import { editedOffer } from './offer-editing.ts';

const reasonSchema = z.string({ error: 'motif attendu' }).trim().min(5, 'expliquez en quelques mots (au moins 5 caractères) : la structure le lira').max(1000);
const emptyBody = z.strictObject({});
const reasonBody = z.strictObject({ reason: reasonSchema });

export const departementQuery = {
  dept: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isDepartementCode, 'Code département inconnu (ex. 47, 2A ou 974)')
    .optional(),
};

const queueQuery = z.object({ ...departementQuery, size: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * The départements a request covers: the one asked for (if the actor coordinates it), else every
 * département the actor coordinates — all of them for a service admin (null).
 */
export function departementsFor(actor: Actor | undefined, dept: string | undefined): DepartementScope {
  const user = requireUser(actor);
  if (dept) {
    authorize(user, 'moderation:read', { departement: dept });
    return [dept];
  }
  if (user.admin) return null;
  if (!user.coordinatorOf.length) authorize(user, 'moderation:read', {});
  return user.coordinatorOf;
}

/** How an overdue offer is listed for reminders. */
export function overdueEntry(offer: Offer, now: Date) {
  return {
    id: offer.id,
    name: offer.name,
    status: offer.status,
    update_frequency_months: offer.update_frequency_months,
    confirmed_at: offer.confirmed_at,
    updated_on: offer.updated_on,
    due_at: reviewDueAt(offer).toISOString(),
    days_overdue: Math.max(0, daysOverdue(offer, now)),
  };
}

export function moderationRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.get('/moderation', async (c) => {
    const q = parseOr400(queueQuery, c.req.query());
    const departements = departementsFor(c.get('actor'), q.dept);
    const now = deps.clock();
    const [structures, claims, toReview, overdue] = await Promise.all([
      pendingStructures(deps.db, departements, q.size),
      listJoinRequests(deps.db, { claimsOf: departements, status: 'pending', limit: q.size }),
      offersToReview(deps.db, departements, q.size),
      overdueOffers(deps.db, departements, now, q.size),
    ]);
    return c.json({
      departements,
      pending_structures: structures,
      claims,
      offers_to_review: {
        total: toReview.total,
        items: toReview.items.map((i) => ({ ...offerView(i.offer, { professional: true }, now, { id: i.structure.id, name: i.structure.name }), last_change: i.last_change })),
      },
      overdue_offers: {
        total: overdue.total,
        items: overdue.items.map((i) => ({ ...overdueEntry(i.offer, now), structure: { id: i.structure.id, name: i.structure.name } })),
      },
    });
  });

  const decide = (path: 'validate' | 'reject') =>
    app.post(`/structures/:id/${path}`, async (c) => {
      const actor = requireUser(c.get('actor'));
      const { structure: before, scope } = await structureOr404(deps, idParam(c));
      authorize(actor, 'structure:moderate', scope);
      const decision =
        path === 'validate'
          ? (await parseInputBody(c, emptyBody, { optional: true }), { decision: 'validate' as const })
          : { decision: 'reject' as const, reason: (await parseInputBody(c, reasonBody)).reason };
      const structure = editedOrProblem(
        await writeAndNotify(deps, (db) => moderateStructure(db, before.id, decision, editContext(deps, actor)), noticeStructureDecision),
      );
      return c.json(structure);
    });
  decide('validate');
  decide('reject');

  app.post('/offers/:id/review', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { offer: before, structure, scope } = await offerOr404(deps, idParam(c));
    authorize(actor, 'offer:moderate', scope);
    await parseInputBody(c, emptyBody, { optional: true });
    const offer = editedOrProblem(await markOfferReviewed(deps.db, before.id, editContext(deps, actor)));
    return c.json(editedOffer(deps, offer, structure));
  });

  app.post('/offers/:id/unpublish', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { offer: before, structure, scope } = await offerOr404(deps, idParam(c));
    authorize(actor, 'offer:moderate', scope);
    const { reason } = await parseInputBody(c, reasonBody);
    const offer = editedOrProblem(
      await writeAndNotify(
        deps,
        (db) => changeOfferStatus(db, before.id, { action: 'unpublish', reason }, editContext(deps, actor)),
        (d, unpublished) => noticeOfferModerated(d, unpublished, structure, 'unpublish', reason),
      ),
    );
    return c.json(editedOffer(deps, offer, structure));
  });

  return app;
}
