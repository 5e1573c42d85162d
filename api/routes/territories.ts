/**
 * GET /api/territories/communes?q= (autocomplete), /communes/:code, /departements/:code and the
 * département's GeoJSON layers (communes, areas, contour).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { parseOr400 } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import {
  communeDetails,
  departementAreasGeoJson,
  departementCommunesGeoJson,
  departementContour,
  departementDetails,
  getDepartement,
  searchCommunes,
} from '../db/territories.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(80),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

const communeParams = z.object({ code: z.string().regex(/^\w{5}$/, 'Code INSEE de commune attendu (5 caractères)') });
const departementParams = z.object({ code: z.string().regex(/^\w{2,3}$/, 'Code département attendu (ex. 47)') });

/** Territories change once a year: let browsers and proxies keep GeoJSON layers for an hour. */
function geoJson(c: Context, body: unknown): Response {
  return c.body(JSON.stringify(body), 200, {
    'content-type': 'application/geo+json; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  });
}

export function territoriesRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/territories/communes', async (c) => {
    const { q, limit } = parseOr400(searchQuery, c.req.query());
    return c.json({ items: await searchCommunes(deps.db, q, limit) });
  });

  app.get('/territories/communes/:code', async (c) => {
    const { code } = parseOr400(communeParams, c.req.param());
    const commune = await communeDetails(deps.db, code.toUpperCase());
    if (!commune) throw notFound(`Aucune commune ne porte le code INSEE ${code}.`);
    return c.json(commune);
  });

  app.get('/territories/departements/:code', async (c) => {
    const code = parseOr400(departementParams, c.req.param()).code.toUpperCase();
    const departement = await departementDetails(deps.db, code);
    if (!departement) throw unknownDepartement(code);
    return c.json(departement);
  });

  app.get('/territories/departements/:code/communes.geojson', async (c) => {
    const code = await knownDepartement(deps, c.req.param());
    return geoJson(c, await departementCommunesGeoJson(deps.db, code));
  });

  app.get('/territories/departements/:code/areas.geojson', async (c) => {
    const code = await knownDepartement(deps, c.req.param());
    return geoJson(c, await departementAreasGeoJson(deps.db, code));
  });

  app.get('/territories/departements/:code/contour.geojson', async (c) => {
    const code = await knownDepartement(deps, c.req.param());
    const contour = await departementContour(deps.db, code);
    if (!contour) throw notFound(`Le contour du département ${code} n'est pas chargé (commande load:territories ${code}).`);
    return geoJson(c, contour);
  });

  return app;
}

async function knownDepartement(deps: AppDeps, params: unknown): Promise<string> {
  const code = parseOr400(departementParams, params).code.toUpperCase();
  if (!(await getDepartement(deps.db, code))) throw unknownDepartement(code);
  return code;
}

const unknownDepartement = (code: string) => notFound(`Aucun département ne porte le code ${code}.`);
