/**
 * GET /api/offers, GET /api/offers/:id — the read view of the catalogue. The public sees published
 * offers of validated structures; the members of the offer's structure and the coordinators of its
 * département also see it as a draft, suspended or archived. Professionals see the contacts reserved
 * to them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { csvList, paginationSchema, parseOr400 } from '../http/validate.ts';
import { notFound, unknownCommune } from '../http/problem.ts';
import { getOffer, listOffers } from '../db/offers.ts';
import { getStructure } from '../db/structures.ts';
import { getCommune } from '../db/territories.ts';
import { offerView } from '../domain/offer-view.ts';
import { can, isProfessional } from '../auth/permissions.ts';
import { scopeOf } from './scope.ts';
import { zoneCodesOfCommune } from '../domain/territory.ts';
import { barrierSchema, thematiqueSchema, publicSchema, typeServiceSchema, thematiquesOfBarrier } from '../domain/referentials/index.ts';

const listQuery = z.object({
  dept: z.string().regex(/^\w{2,3}$/, 'Code département attendu (ex. 47)').optional(),
  commune: z.string().regex(/^\w{5}$/, 'Code INSEE de commune attendu (5 caractères)').optional(),
  barrier: csvList(barrierSchema).optional(),
  thematique: csvList(thematiqueSchema).optional(),
  public: publicSchema.optional(),
  type: typeServiceSchema.optional(),
  ...paginationSchema,
});

export function offersRoutes(deps: AppDeps) {
  const app = new Hono();

  app.get('/offers', async (c) => {
    const q = parseOr400(listQuery, c.req.query());
    let eligibleZoneCodes: string[] | undefined;
    if (q.commune) {
      const commune = await getCommune(deps.db, q.commune);
      if (!commune) throw unknownCommune(q.commune);
      eligibleZoneCodes = zoneCodesOfCommune(commune);
    }
    let thematiques: string[] | undefined;
    if (q.barrier?.length || q.thematique?.length) {
      thematiques = [...(q.thematique ?? []), ...(q.barrier ?? []).flatMap((b) => thematiquesOfBarrier(b))];
    }
    const { total, items } = await listOffers(deps.db, {
      dept: q.dept,
      eligibleZoneCodes,
      thematiques,
      public: q.public,
      type: q.type,
      publishedOnly: true,
      limit: q.size,
      offset: (q.page - 1) * q.size,
    });
    const names = await structureNames(deps, items.map((o) => o.structure_id));
    const now = deps.clock();
    return c.json({
      total,
      page: q.page,
      size: q.size,
      items: items.map((o) => offerView(o, { professional: false }, now, names.get(o.structure_id))),
    });
  });

  app.get('/offers/:id', async (c) => {
    const actor = c.get('actor');
    const offer = await getOffer(deps.db, c.req.param('id'));
    const structure = offer && (await getStructure(deps.db, offer.structure_id));
    const insider = !!structure && can(actor, 'structure:private:read', scopeOf(structure));
    if (!offer || !structure || (!insider && (offer.status !== 'published' || structure.status !== 'validated'))) {
      throw notFound('Aucune offre publiée ne porte cet identifiant.');
    }
    return c.json({ ...offerView(offer, { professional: isProfessional(actor) }, deps.clock()), structure });
  });

  return app;
}

async function structureNames(deps: AppDeps, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await deps.db.selectFrom('structures').select(['id', 'name']).where('id', 'in', unique).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}
