/**
 * GET /api/territories/communes?q= (autocomplete), /communes/:code, /departements/:code and the
 * département's GeoJSON layers (communes, areas, contour); for eligibility zones, /epci?q=,
 * /departements?q= and /zones?codes= (names of zone codes).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { csvList, departementCodeParam, parseOr400 } from '../http/validate.ts';
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
import { nameZoneCodes, searchDepartements, searchEpci } from '../db/zones.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(80),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

const epciQuery = z.object({
  q: z.string().trim().min(1).max(80),
  departement: departementCodeParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
const departementsQuery = z.object({ q: z.string().trim().max(80).optional(), limit: z.coerce.number().int().min(1).max(200).default(200) });
const zonesQuery = z.object({ codes: csvList(z.string().max(20)).pipe(z.array(z.string()).min(1, 'Indiquez au moins un code').max(500, '500 codes au plus')) });

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

  app.get('/territories/epci', async (c) => {
    const q = parseOr400(epciQuery, c.req.query());
    return c.json({ items: await searchEpci(deps.db, q.q, { departement: q.departement ?? null, limit: q.limit }) });
  });

  app.get('/territories/departements', async (c) => {
    const q = parseOr400(departementsQuery, c.req.query());
    return c.json({ items: await searchDepartements(deps.db, q.q, q.limit) });
  });

  app.get('/territories/zones', async (c) => {
    const q = parseOr400(zonesQuery, c.req.query());
    return c.json({ items: await nameZoneCodes(deps.db, q.codes) });
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
