/**
 * GET /api/opening-hours?value=&departement= — an OSM `opening_hours` value read in plain French,
 * and whether the place is open now. The `opening_hours` package weighs over a megabyte: the web app
 * asks here instead of shipping it (offer page, printed orientation, and later the hours editor).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../http/validate.ts';
import { HttpProblem } from '../http/problem.ts';
import { regionNameOfDepartement } from '../db/territories.ts';
import { checkOpeningHours, describeOpeningHours, isOpenAt, timeZoneOfDepartement } from '../domain/opening-hours.ts';

const query = z.object({
  value: z.string({ error: 'Horaires attendus (paramètre value)' }).trim().min(1, 'Horaires attendus (paramètre value)').max(500, 'Horaires trop longs (500 caractères au plus)'),
  departement: z.string().trim().toUpperCase().regex(/^\w{2,3}$/, 'Code département attendu (ex. 47)').optional(),
});

export function openingHoursRoutes(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const app = new Hono();

  app.get('/opening-hours', async (c) => {
    const q = parseOr400(query, c.req.query());
    const region = q.departement ? await regionNameOfDepartement(deps.db, q.departement) : null;
    const place = { region };
    const check = checkOpeningHours(q.value, place);
    if (!check.ok) throw new HttpProblem(400, 'Horaires illisibles', check.message, [{ path: 'value', message: check.message }]);
    c.header('cache-control', 'no-store');
    return c.json({
      value: check.value,
      text: describeOpeningHours(check.value, place),
      open_now: isOpenAt(check.value, deps.clock(), { ...place, timeZone: timeZoneOfDepartement(q.departement) }),
      warnings: check.warnings,
    });
  });

  return app;
}
