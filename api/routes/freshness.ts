/**
 * GET /api/freshness/overdue?dept= — published offers not confirmed within their update frequency,
 * grouped by structure with whom to remind (the structure's contacts and its admins), for the
 * coordinators of the département (service admins: every département).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../http/validate.ts';
import { overdueOffers } from '../db/moderation.ts';
import { adminContacts } from '../db/roles.ts';
import { departementQuery, departementsFor, overdueEntry } from './moderation.ts';

const overdueQuery = z.object(departementQuery);

export function freshnessRoutes(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const app = new Hono();

  app.get('/freshness/overdue', async (c) => {
    const q = parseOr400(overdueQuery, c.req.query());
    const departements = departementsFor(c.get('actor'), q.dept);
    const now = deps.clock();
    const { total, items } = await overdueOffers(deps.db, departements, now);
    const groups = new Map<string, { structure: (typeof items)[number]['structure']; offers: ReturnType<typeof overdueEntry>[] }>();
    for (const item of items) {
      const group = groups.get(item.structure.id) ?? { structure: item.structure, offers: [] };
      group.offers.push(overdueEntry(item.offer, now));
      groups.set(item.structure.id, group);
    }
    const structures = [];
    for (const group of groups.values()) {
      structures.push({
        structure: group.structure,
        admins: await adminContacts(deps.db, group.structure.id),
        max_days_overdue: Math.max(...group.offers.map((o) => o.days_overdue)),
        offers: group.offers,
      });
    }
    return c.json({ departements, total_offers: total, total_structures: structures.length, structures });
  });

  return app;
}
