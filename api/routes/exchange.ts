/** GET /api/exchange/data-inclusion — the published catalogue as a data·inclusion v1 file (download). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../http/validate.ts';
import { exportDataInclusion } from '../db/exchange.ts';
import { frenchToday } from '../domain/di/schema.ts';

const exportQuery = z.object({
  dept: z
    .string()
    .regex(/^(\d{2}|2[AB]|97\d)$/, 'Code département attendu (ex. 47, 2A ou 974)')
    .optional(),
});

export function exchangeRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/exchange/data-inclusion', async (c) => {
    const q = parseOr400(exportQuery, c.req.query());
    const now = deps.clock();
    const file = await exportDataInclusion(deps.db, { dept: q.dept, now });
    const filename = `data-inclusion-${q.dept ?? 'france'}-${frenchToday(now)}.json`;
    return c.body(JSON.stringify(file), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  });

  return app;
}
