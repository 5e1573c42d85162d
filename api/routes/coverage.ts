/**
 * GET /api/coverage?dept= — where each barrier has an answer in a département: for every commune
 * and area, per barrier, the offers a person living there is eligible for and can reach from the
 * commune centre (matching rules, `radius_km` default 30), the unmet needs recorded over a period
 * (`from`/`to`, default the last twelve months), and per area its "zones blanches". Public: only
 * aggregates. `format=csv` (or Accept: text/csv) gives the commune × barrier table for spreadsheets.
 *
 * Computed in memory from one read of the offers the département's people may reach
 * (searchDocumentsAround), not one query per commune.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import { csvResponse, wantsCsv } from '../http/csv.ts';
import { departementAreasWithCommunes, departementCommunesForCoverage, getDepartement } from '../db/territories.ts';
import { unmetNeedsOfDepartement } from '../db/unmet-needs.ts';
import { computeCoverage, lastTwelveMonths, unmetNeedsBy, zeroCounts } from '../domain/coverage.ts';
import { coverageTable } from '../domain/coverage-table.ts';
import { boxAroundPoints, type Box } from '../domain/geo.ts';
import { DEFAULT_RADIUS_KM, frenchDay, MAX_RADIUS_KM } from '../domain/matching/index.ts';
import { BARRIERS } from '../domain/referentials/index.ts';
import { searchDocumentsAround } from '../../search/sync/documents.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Date inexistante');

const coverageQuery = z
  .object({
    dept: z.string({ error: 'Code département attendu (ex. 47)' }).regex(/^\w{2,3}$/, 'Code département attendu (ex. 47)'),
    radius_km: z.coerce.number().positive('La distance doit être positive').max(MAX_RADIUS_KM).optional(),
    from: day.optional(),
    to: day.optional(),
    format: z.enum(['json', 'csv'], { error: 'Format attendu : json ou csv' }).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'La date de début doit précéder la date de fin' });
  });

/** A box no point is in: a département whose communes all lack a centre has no on-site reach. */
const NOWHERE: Box = { minLat: 1, maxLat: 0, minLon: 1, maxLon: 0 };

export function coverageRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/coverage', async (c) => {
    const q = parseOr400(coverageQuery, c.req.query());
    const dept = q.dept.toUpperCase();
    const departement = await getDepartement(deps.db, dept);
    if (!departement) throw notFound(`Aucun département ne porte le code ${q.dept}.`);

    const now = deps.clock();
    const today = frenchDay(now);
    const radiusKm = q.radius_km ?? DEFAULT_RADIUS_KM;
    const period = q.from || q.to ? { from: q.from ?? lastTwelveMonths(q.to!).from, to: q.to ?? today } : lastTwelveMonths(today);

    const [communes, areas] = await Promise.all([departementCommunesForCoverage(deps.db, dept), departementAreasWithCommunes(deps.db, dept)]);
    const centres = communes.flatMap((m) => (m.lat != null && m.lon != null ? [{ lat: m.lat, lon: m.lon }] : []));
    const [offers, unmetTotals] = await Promise.all([
      searchDocumentsAround(deps.db, dept, boxAroundPoints(centres, radiusKm) ?? NOWHERE, now),
      unmetNeedsOfDepartement(deps.db, dept, period.from, period.to),
    ]);
    const coverage = computeCoverage({ communes, areas, offers, radiusKm, day: today });
    const unmet = unmetNeedsBy(areas, unmetTotals);

    c.header('cache-control', 'public, max-age=60');
    if (wantsCsv(c, q.format)) return csvResponse(c, coverageTable(coverage, unmet), `couverture-${dept}-${today}.csv`);
    return c.json({
      departement: { code: departement.code, name: departement.name },
      radius_km: radiusKm,
      day: today,
      period,
      barriers: BARRIERS.map((b) => ({ key: b.key, label: b.label })),
      totals: { ...coverage.departement, unmet_needs: unmet.departement },
      communes: coverage.communes.map((m) => ({ ...m, unmet_needs: unmet.byCommune.get(m.code) ?? zeroCounts() })),
      areas: coverage.areas.map((a) => ({ ...a, unmet_needs: unmet.byArea.get(a.id) ?? zeroCounts() })),
    });
  });

  return app;
}
