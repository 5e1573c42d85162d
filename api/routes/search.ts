/**
 * GET /api/search — the catalogue through the search engine: text (French synonyms, typos), filters,
 * facets, and place. With `commune`, the rules of DESIGN §5: offers whose zone covers the commune and
 * that are on site within `radius_km` (default 30) of its centre, remote, or itinerant through it.
 * With `lat`+`lon` alone: on site within `radius_km` of that point.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { csvList, paginationSchema, parseOr400 } from '../http/validate.ts';
import { HttpProblem, unknownCommune } from '../http/problem.ts';
import { cachedCommuneLookup } from '../db/commune-cache.ts';
import { noCentreNotice, zoneCodesOfCommune } from '../domain/territory.ts';
import {
  barrierSchema,
  fraisSchema,
  modeAccueilSchema,
  publicSchema,
  thematiqueSchema,
  typeServiceSchema,
} from '../domain/referentials/index.ts';
import {
  accessOf,
  candidateDistanceKm,
  DEFAULT_RADIUS_KM,
  frenchDayByMinute,
  isSummaryOverdue,
  MAX_RADIUS_KM,
  publicsRestriction,
  reasonsFor,
  requestedNeeds,
  type Access,
  type PersonPlace,
} from '../domain/matching/index.ts';
import { FACET_FIELDS, type GeoConstraint, type SearchFilters, type SearchQuery } from '../../search/port.ts';
import { isSearchUnavailable, type ServiceSearchResult } from '../../search/service.ts';
import { searchAnswerWriter, type SearchItem } from './search-response.ts';

/** The search service's answer, or a 503 problem when no engine can answer. */
export async function searchOr503(deps: Pick<AppDeps, 'search'>, query: SearchQuery): Promise<ServiceSearchResult> {
  try {
    return await deps.search.search(query);
  } catch (error) {
    if (isSearchUnavailable(error)) {
      throw new HttpProblem(503, 'Recherche indisponible', 'Le moteur de recherche ne répond pas pour le moment. Réessayez dans un instant.');
    }
    throw error;
  }
}

const searchQuery = z
  .object({
    commune: z.string().regex(/^\w{5}$/, 'Code INSEE de commune attendu (5 caractères)').optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    radius_km: z.coerce.number().positive('La distance doit être positive').max(MAX_RADIUS_KM).optional(),
    q: z
      .string()
      .max(200, 'Texte trop long (200 caractères au plus)')
      .transform((s) => s.trim())
      .optional(),
    barriers: csvList(barrierSchema).optional(),
    thematiques: csvList(thematiqueSchema).optional(),
    publics: csvList(publicSchema).optional(),
    types: csvList(typeServiceSchema).optional(),
    fees: csvList(fraisSchema).optional(),
    modes: csvList(modeAccueilSchema).optional(),
    dept: csvList(z.string().regex(/^\w{2,3}$/, 'Code département attendu (ex. 47)')).optional(),
    ...paginationSchema,
  })
  .superRefine((q, ctx) => {
    if ((q.lat == null) !== (q.lon == null)) {
      ctx.addIssue({ code: 'custom', path: [q.lat == null ? 'lat' : 'lon'], message: 'Indiquez à la fois lat et lon' });
    }
    // Report a lone lat/lon together with the other bad parameters, not after they are fixed.
  }, { when: () => true });

export function searchRoutes(deps: AppDeps) {
  const app = new Hono();
  const communeOf = cachedCommuneLookup(deps.db);
  const dayOf = frenchDayByMinute();
  const answerText = searchAnswerWriter();

  app.get('/search', async (c) => {
    const q = parseOr400(searchQuery, c.req.query());
    const radiusKm = q.radius_km ?? DEFAULT_RADIUS_KM;
    const now = deps.clock();
    const filters: SearchFilters = { activeOn: dayOf(now) };
    if (q.barriers?.length) filters.barriers = q.barriers;
    if (q.thematiques?.length) filters.thematiques = q.thematiques;
    const publics = publicsRestriction(q.publics);
    if (publics) filters.publics = [...publics];
    if (q.types?.length) filters.types = q.types;
    if (q.fees?.length) filters.fees = q.fees;
    if (q.modes?.length) filters.modes = q.modes;
    if (q.dept?.length) filters.departements = q.dept;

    let place: PersonPlace | null = null;
    let geo: GeoConstraint | undefined;
    let notice: string | undefined;
    if (q.commune) {
      const commune = await communeOf(q.commune);
      if (!commune) throw unknownCommune(q.commune);
      place = {
        commune: { code: commune.code, name: commune.name },
        zoneCodes: zoneCodesOfCommune(commune),
        lat: q.lat ?? commune.lat,
        lon: q.lon ?? commune.lon,
      };
      filters.zoneCodes = [...place.zoneCodes];
      if (place.lat != null && place.lon != null) {
        geo = { lat: place.lat, lon: place.lon, radiusKm, reachable: { includeRemote: true, itinerantCommune: commune.code } };
      } else {
        // No centre, so no reach: the offers eligible there, unsorted by distance, and the answer says so.
        notice = noCentreNotice(commune, 'search');
      }
    } else if (q.lat != null && q.lon != null) {
      geo = { lat: q.lat, lon: q.lon, radiusKm };
    }

    const result = await searchOr503(deps, {
      ...(q.q ? { q: q.q } : {}),
      filters,
      ...(geo ? { geo } : {}),
      offset: (q.page - 1) * q.size,
      limit: q.size,
      facets: FACET_FIELDS,
      // Items show summaries, never the description: lean documents are enough, and cheaper.
      lean: true,
    });

    const needs = requestedNeeds({ barriers: q.barriers, thematiques: q.thematiques });
    const items = result.hits.map((hit): SearchItem => {
      const doc = hit.document;
      let access: Access | null = null;
      if (place) access = accessOf(doc, place, radiusKm);
      else if (geo) {
        const km = candidateDistanceKm(doc, geo);
        if (km != null) access = { kind: 'on-site', km };
      }
      const distance = hit.distanceKm ?? (geo ? candidateDistanceKm(doc, geo) : null);
      return {
        document: doc,
        overdue: isSummaryOverdue(doc, now),
        distance_km: distance == null ? null : Math.round(distance * 10) / 10,
        reasons: reasonsFor(doc, { need: null, needs, access, publics, now }),
      };
    });

    c.header('X-Search-Engine', result.engine);
    c.header('Content-Type', 'application/json');
    // The items' summaries are written once per document (search-response.ts), not at every request.
    return c.body(answerText({ total: result.total, page: q.page, size: q.size, items, facets: result.facets, engine: result.engine, degraded: result.degraded, ...(notice ? { notice } : {}) }));
  });

  return app;
}
