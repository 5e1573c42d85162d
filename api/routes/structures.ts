/**
 * GET /api/structures, GET /api/structures/:id (with its published offers). A structure not
 * validated (yet) is visible to its members and the coordinators of its département only.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { paginationSchema, parseOr400 } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import { getStructure, listStructures } from '../db/structures.ts';
import { offersOfStructures } from '../db/offers.ts';
import { offerView } from '../domain/offer-view.ts';
import { can, isProfessional } from '../auth/permissions.ts';
import { scopeOf } from './scope.ts';

const listQuery = z.object({
  dept: z.string().regex(/^\w{2,3}$/, 'Code département attendu (ex. 47)').optional(),
  commune: z.string().regex(/^\w{5}$/, 'Code INSEE de commune attendu (5 caractères)').optional(),
  q: z.string().trim().min(2, 'Au moins 2 caractères').max(100).optional(),
  ...paginationSchema,
});

export function structuresRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/structures', async (c) => {
    const q = parseOr400(listQuery, c.req.query());
    const { total, items } = await listStructures(deps.db, {
      dept: q.dept,
      commune: q.commune,
      q: q.q,
      publicOnly: true,
      limit: q.size,
      offset: (q.page - 1) * q.size,
    });
    return c.json({ total, page: q.page, size: q.size, items });
  });

  app.get('/structures/:id', async (c) => {
    const actor = c.get('actor');
    const structure = await getStructure(deps.db, c.req.param('id'));
    if (!structure || (structure.status !== 'validated' && !can(actor, 'structure:private:read', scopeOf(structure)))) {
      throw notFound('Aucune structure validée ne porte cet identifiant.');
    }
    const now = deps.clock();
    const offers = await offersOfStructures(deps.db, [structure.id], true);
    return c.json({ ...structure, offers: offers.map((o) => offerView(o, { professional: isProfessional(actor) }, now)) });
  });

  return app;
}
