/**
 * GET /api/indicators?dept= — the catalogue of a département in figures, for its coordinators (and
 * service admins): offers per status, per barrier, per thématique catégorie and per area, freshness
 * (share overdue) and completeness. Aggregates only (the dashboard exports them as CSV).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { authorize } from '../auth/permissions.ts';
import { departementCodeParam, parseOr400 } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import { departementAreasWithCommunes, getDepartement } from '../db/territories.ts';
import { indicatorOffers } from '../db/indicators.ts';
import { computeIndicators } from '../domain/indicators.ts';

const indicatorsQuery = z.object({ dept: departementCodeParam });

export function indicatorsRoutes(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const app = new Hono();

  app.get('/indicators', async (c) => {
    const q = parseOr400(indicatorsQuery, c.req.query());
    authorize(c.get('actor'), 'moderation:read', { departement: q.dept });
    const departement = await getDepartement(deps.db, q.dept);
    if (!departement) throw notFound(`Aucun département ne porte le code ${q.dept}.`);
    const [offers, areas] = await Promise.all([indicatorOffers(deps.db, q.dept), departementAreasWithCommunes(deps.db, q.dept)]);
    return c.json({ departement: { code: departement.code, name: departement.name }, ...computeIndicators(offers, areas, deps.clock()) });
  });

  return app;
}
