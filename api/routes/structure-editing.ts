/**
 * A structure's own space: registration (POST /api/structures: pending until a coordinator of its
 * département validates it; the person who registers it becomes its admin), edits, "rien n'a
 * changé", archiving, its offers in every status, its history, and the structures of the signed-in
 * person (GET /api/me/structures).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, can, requireUser } from '../auth/permissions.ts';
import { orientationCountsOfStructure } from '../db/orientations.ts';
import { parseInputBody, readJsonBody } from '../http/body.ts';
import { editedOrProblem, inputOr400 } from '../http/edit-result.ts';
import { HttpProblem } from '../http/problem.ts';
import { paginationSchema, parseOr400 } from '../http/validate.ts';
import {
  archiveStructure,
  confirmStructure,
  editStructure,
  needsRevalidation,
  prepareStructureCreate,
  prepareStructureEdit,
  registerStructure,
  type MayValidateIn,
} from '../db/structure-editing.ts';
import { isDryRun } from '../http/dry-run.ts';
import { listOffers, offerCountsOfStructures } from '../db/offers.ts';
import { membershipsOfUser } from '../db/roles.ts';
import { listJoinRequests, pendingJoinCounts } from '../db/join-requests.ts';
import { getStructures } from '../db/structures.ts';
import { locateNewPlace, locatePlace } from '../clients/place.ts';
import { parseStructureCreate, parseStructurePatch, registrationProblems } from '../domain/structure-input.ts';
import { offerView } from '../domain/offer-view.ts';
import { OFFER_STATUSES } from '../domain/offer.ts';
import { text } from '../domain/input-fields.ts';
import type { Structure } from '../domain/structure.ts';
import type { GeocodingOutcome } from '../domain/place.ts';
import { editContext, idParam, structureOr404 } from './scope.ts';
import { siretProblems } from './onboarding.ts';
import { auditQuery, auditResponse } from './audit-view.ts';
import { noticeStructureRegistered, writeAndNotify } from './notices.ts';

const confirmBody = z.strictObject({ include_offers: z.boolean().default(false) });
const archiveBody = z.strictObject({ reason: text(500).optional() });

const offersQuery = z.object({
  status: z.enum(['all', ...OFFER_STATUSES], { error: 'statut attendu : all, draft, published, suspended ou archived' }).default('all'),
  ...paginationSchema,
});

/** Told to whoever moves a validated structure to a département they do not coordinate. */
export const BACK_TO_PENDING_NOTICE =
  'La structure a changé de département : elle attend de nouveau la validation de la coordination de ce département. Ses offres ne sont plus visibles dans la recherche d’ici là.';

function editedStructure(structure: Structure, geocoding?: GeocodingOutcome | null) {
  return { ...structure, ...(geocoding ? { geocoding } : {}) };
}

export function structureEditingRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.post('/structures', async (c) => {
    const actor = authorize(c.get('actor'), 'structure:create');
    const create = inputOr400(parseStructureCreate(await readJsonBody(c)));
    const missing = registrationProblems(create);
    if (missing.length) throw new HttpProblem(400, 'Données invalides', 'Corrigez les champs signalés puis réessayez.', missing);
    // What the database alone can refuse (an unknown commune, a SIRET already registered) is refused
    // before asking SIRENE; a dry run stops there.
    const prepared = editedOrProblem(await prepareStructureCreate(deps.db, create, editContext(deps, actor)));
    if (isDryRun(c)) return c.json({ dry_run: true, structure: { ...prepared, id: null } });
    if (create.siret) {
      const problems = await siretProblems(deps, create.siret);
      if (problems.length) throw new HttpProblem(400, 'SIRET refusé', 'Vérifiez le SIRET de la structure.', problems);
    }
    const place = await locateNewPlace(deps.geocoder, create);
    const structure = editedOrProblem(
      await writeAndNotify(
        deps,
        (db) => registerStructure(db, { ...create, ...place.coordinates }, editContext(deps, actor)),
        (d, registered) => noticeStructureRegistered(d, registered, actor.name),
      ),
    );
    return c.json(editedStructure(structure, place.geocoding), 201);
  });

  app.patch('/structures/:id', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { structure: before, scope } = await structureOr404(deps, idParam(c));
    authorize(actor, 'structure:edit', scope);
    const patch = inputOr400(parseStructurePatch(await readJsonBody(c)));
    if (patch.commune_code === null) throw new HttpProblem(400, 'Données invalides', 'Corrigez les champs signalés puis réessayez.', registrationProblems({ commune_code: null }));
    // The database's checks (commune, SIRET of another structure) before asking SIRENE; a dry run stops there.
    const { next, changed } = editedOrProblem(await prepareStructureEdit(deps.db, before.id, patch, editContext(deps, actor)));
    const mayValidateIn: MayValidateIn = (departement) => can(actor, 'structure:moderate', { departement });
    const revalidation = changed && needsRevalidation(before, next, mayValidateIn);
    if (isDryRun(c)) return c.json({ dry_run: true, structure: { ...next, id: before.id, ...(revalidation ? { status: 'pending' as const } : {}) }, changed, ...(revalidation ? { notice: BACK_TO_PENDING_NOTICE } : {}) });
    if (patch.siret && patch.siret !== before.siret) {
      const problems = await siretProblems(deps, patch.siret);
      if (problems.length) throw new HttpProblem(400, 'SIRET refusé', 'Vérifiez le SIRET de la structure.', problems);
    }
    const place = await locatePlace(deps.geocoder, before, patch);
    const movedOut = (s: Structure) => before.status === 'validated' && s.status === 'pending';
    const structure = editedOrProblem(
      await writeAndNotify(
        deps,
        (db) => editStructure(db, before.id, { ...patch, ...place.coordinates }, { ...editContext(deps, actor), mayValidateIn }),
        async (d, edited) => {
          if (movedOut(edited)) await noticeStructureRegistered(d, edited, actor.name, { movedFrom: before.departement_code });
        },
      ),
    );
    if (movedOut(structure)) return c.json({ ...editedStructure(structure, place.geocoding), notice: BACK_TO_PENDING_NOTICE });
    return c.json(editedStructure(structure, place.geocoding));
  });

  app.post('/structures/:id/confirm', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(actor, 'structure:confirm', scope);
    const body = await parseInputBody(c, confirmBody, { optional: true });
    const result = editedOrProblem(await confirmStructure(deps.db, structure.id, { includeOffers: body.include_offers }, editContext(deps, actor)));
    const now = deps.clock();
    return c.json({ ...result.structure, confirmed_offers: result.offers.map((o) => offerView(o, { professional: true }, now)) });
  });

  app.post('/structures/:id/archive', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(actor, 'structure:archive', scope);
    const body = await parseInputBody(c, archiveBody, { optional: true });
    return c.json(editedOrProblem(await archiveStructure(deps.db, structure.id, body.reason ?? null, editContext(deps, actor))));
  });

  app.get('/structures/:id/offers', async (c) => {
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(c.get('actor'), 'structure:private:read', scope);
    const q = parseOr400(offersQuery, c.req.query());
    const now = deps.clock();
    const { total, items } = await listOffers(deps.db, {
      structureId: structure.id,
      statuses: q.status === 'all' ? undefined : [q.status],
      publishedOnly: false,
      limit: q.size,
      offset: (q.page - 1) * q.size,
    });
    const counts = (await offerCountsOfStructures(deps.db, [structure.id], now)).get(structure.id)!;
    // What the structure received, for those who may read it (its members): counts only, nobody named.
    const orientations = can(c.get('actor'), 'orientation:receive', scope) ? await orientationCountsOfStructure(deps.db, structure.id) : null;
    return c.json({
      structure: { id: structure.id, name: structure.name, status: structure.status },
      counts,
      orientations,
      total,
      page: q.page,
      size: q.size,
      items: items.map((o) => offerView(o, { professional: true }, now, { id: structure.id, name: structure.name })),
    });
  });

  app.get('/structures/:id/audit', async (c) => {
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(c.get('actor'), 'audit:read', scope);
    const q = parseOr400(auditQuery, c.req.query());
    return c.json(await auditResponse(deps, { structureId: structure.id }, q));
  });

  app.get('/me/structures', async (c) => {
    const actor = requireUser(c.get('actor'));
    const memberships = await membershipsOfUser(deps.db, actor.userId);
    const ids = memberships.map((m) => m.structureId);
    const now = deps.clock();
    const [structures, counts, pending, requests] = await Promise.all([
      getStructures(deps.db, ids),
      offerCountsOfStructures(deps.db, ids, now),
      pendingJoinCounts(deps.db, memberships.filter((m) => m.role === 'admin').map((m) => m.structureId)),
      listJoinRequests(deps.db, { userId: actor.userId, status: 'pending' }),
    ]);
    const items = memberships.map((m) => {
      const s = structures.get(m.structureId)!;
      return {
        structure: {
          id: s.id,
          name: s.name,
          status: s.status,
          rejection_reason: s.rejection_reason,
          commune_name: s.commune_name,
          departement_code: s.departement_code,
          confirmed_at: s.confirmed_at,
          updated_on: s.updated_on,
        },
        role: m.role,
        offers: counts.get(m.structureId),
        ...(m.role === 'admin' ? { pending_join_requests: pending.get(m.structureId) ?? 0 } : {}),
      };
    });
    return c.json({
      items,
      join_requests: requests.items.map((r) => ({ id: r.id, kind: r.kind, status: r.status, structure: { id: r.structure.id, name: r.structure.name }, created_at: r.created_at })),
    });
  });

  return app;
}
