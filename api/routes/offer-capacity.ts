/**
 * POST /api/offers/:id/full — a structure says an offer is full ("complet"): no place left on it nor on
 * its sessions to come. Members of its structure and coordinators of its département; audited,
 * re-indexed (full offers rank after the others). Places come back with PATCH /api/offers/:id.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, requireUser } from '../auth/permissions.ts';
import { parseInputBody } from '../http/body.ts';
import { editedOrProblem } from '../http/edit-result.ts';
import { markOfferFull } from '../db/offer-capacity.ts';
import { editContext, idParam, offerOr404 } from './scope.ts';
import { editedOffer } from './offer-editing.ts';

const fullBody = z.strictObject({});

export function offerCapacityRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.post('/offers/:id/full', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { offer: before, structure, scope } = await offerOr404(deps, idParam(c));
    authorize(actor, 'offer:edit', scope);
    await parseInputBody(c, fullBody, { optional: true });
    const offer = editedOrProblem(await markOfferFull(deps.db, before.id, editContext(deps, actor)));
    return c.json(editedOffer(deps, offer, structure));
  });

  return app;
}
