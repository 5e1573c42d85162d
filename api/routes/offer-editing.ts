/**
 * Offer editing by its structure's members (and the coordinators of its département):
 * POST /api/offers, PATCH /api/offers/:id, POST /api/offers/:id/{publish,suspend,archive,confirm},
 * GET /api/offers/:id/audit. Addresses are geocoded on the way in (manual coordinates win);
 * completeness, the audit entry and the search outbox row are written with the offer.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, requireUser, membershipRole, type UserActor } from '../auth/permissions.ts';
import { parseInputBody, readJsonBody } from '../http/body.ts';
import { editedOrProblem, inputOr400 } from '../http/edit-result.ts';
import { HttpProblem } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { changeOfferStatus, createOffer, editOffer, prepareOfferCreate, prepareOfferEdit, type StatusChange } from '../db/offer-editing.ts';
import { getStructure } from '../db/structures.ts';
import { isDryRun } from '../http/dry-run.ts';
import { assessOffer } from '../domain/offer-assessment.ts';
import { locateNewPlace, locatePlace } from '../clients/place.ts';
import { parseOfferCreate, parseOfferPatch } from '../domain/offer-input.ts';
import { offerView } from '../domain/offer-view.ts';
import { isoDate, text } from '../domain/input-fields.ts';
import type { Offer, OfferInput } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';
import type { GeocodingOutcome } from '../domain/place.ts';
import { editContext, idParam, offerOr404, scopeOf } from './scope.ts';
import { noticeOfferModerated, writeAndNotify } from './notices.ts';
import { auditQuery, auditResponse } from './audit-view.ts';

const reason = text(500);
const publishBody = z.strictObject({});
const confirmBody = z.strictObject({});
const suspendBody = z.strictObject({ until: isoDate, reason: reason.optional() });
const archiveBody = z.strictObject({ reason: reason.optional() });

/** What a write answers: the offer as its editors see it, and what became of its address on the map. */
export function editedOffer(deps: Pick<ServiceDeps, 'clock'>, offer: Offer, structure: { id: string; name: string }, geocoding?: GeocodingOutcome | null) {
  return { ...offerView(offer, { professional: true }, deps.clock(), { id: structure.id, name: structure.name }), ...(geocoding ? { geocoding } : {}) };
}

/**
 * A dry run's answer: the offer as it would be saved (`id` null for a new one), its completeness with
 * what would raise it, what stops its publication, and whether a PATCH changes anything.
 */
function dryRunAnswer(deps: Pick<ServiceDeps, 'clock'>, offer: OfferInput, structure: Structure, existing: { id: string; changed: boolean } | null) {
  const assessment = assessOffer(offer, { structure: { address: structure.address, commune_code: structure.commune_code, lon: structure.lon, lat: structure.lat }, now: deps.clock() });
  return {
    dry_run: true,
    offer: { ...offer, id: existing?.id ?? null, completeness: assessment.completeness, structure: { id: structure.id, name: structure.name } },
    ...(existing ? { changed: existing.changed } : {}),
    ...assessment,
  };
}

export function offerEditingRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.post('/offers', async (c) => {
    const actor = requireUser(c.get('actor'));
    const create = inputOr400(parseOfferCreate(await readJsonBody(c)));
    const structure = await getStructure(deps.db, create.structure_id);
    if (!structure) throw new HttpProblem(400, 'Données invalides', 'Corrigez les champs signalés puis réessayez.', [{ path: 'structure_id', message: 'structure inconnue' }]);
    authorize(actor, 'offer:create', scopeOf(structure));
    if (isDryRun(c)) return c.json(dryRunAnswer(deps, editedOrProblem(await prepareOfferCreate(deps.db, create, editContext(deps, actor))), structure, null));
    const place = await locateNewPlace(deps.geocoder, create);
    const offer = editedOrProblem(await createOffer(deps.db, { ...create, ...place.coordinates }, editContext(deps, actor)));
    return c.json(editedOffer(deps, offer, structure, place.geocoding), 201);
  });

  app.patch('/offers/:id', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { offer: before, structure, scope } = await offerOr404(deps, idParam(c));
    authorize(actor, 'offer:edit', scope);
    const patch = inputOr400(parseOfferPatch(await readJsonBody(c)));
    if (isDryRun(c)) {
      const { next, changed } = editedOrProblem(await prepareOfferEdit(deps.db, before.id, patch, editContext(deps, actor)));
      return c.json(dryRunAnswer(deps, next, structure, { id: before.id, changed }));
    }
    const place = await locatePlace(deps.geocoder, before, patch);
    const byStructure = !actingAsCoordinator(actor, before.structure_id);
    const offer = editedOrProblem(await editOffer(deps.db, before.id, { ...patch, ...place.coordinates }, { ...editContext(deps, actor), byStructure }));
    return c.json(editedOffer(deps, offer, structure, place.geocoding));
  });

  const statusRoute = <S extends z.ZodType>(
    action: 'publish' | 'suspend' | 'archive' | 'confirm',
    schema: S,
    change: (body: z.output<S>) => Omit<StatusChange, 'action'>,
  ) =>
    app.post(`/offers/:id/${action}`, async (c) => {
      const actor = requireUser(c.get('actor'));
      const { offer: before, structure, scope } = await offerOr404(deps, idParam(c));
      authorize(actor, `offer:${action}`, scope);
      const body = await parseInputBody(c, schema, { optional: true });
      const details = change(body);
      const moderated = action === 'suspend' && actingAsCoordinator(actor, structure.id);
      const offer = editedOrProblem(
        await writeAndNotify(
          deps,
          (db) => changeOfferStatus(db, before.id, { action, ...details }, editContext(deps, actor)),
          async (d, suspended) => {
            if (moderated) await noticeOfferModerated(d, suspended, structure, 'suspend', details.reason ?? null);
          },
        ),
      );
      return c.json(editedOffer(deps, offer, structure));
    });

  statusRoute('publish', publishBody, () => ({}));
  statusRoute('suspend', suspendBody, (b) => ({ until: b.until, reason: b.reason ?? null }));
  statusRoute('archive', archiveBody, (b) => ({ reason: b.reason ?? null }));
  statusRoute('confirm', confirmBody, () => ({}));

  app.get('/offers/:id/audit', async (c) => {
    const { offer, scope } = await offerOr404(deps, idParam(c));
    authorize(c.get('actor'), 'audit:read', scope);
    const q = parseOr400(auditQuery, c.req.query());
    return c.json(await auditResponse(deps, { entity: 'offer', entityId: offer.id }, q));
  });

  return app;
}

/** Someone who is not a member of the structure (a coordinator, a service admin) acted on it. */
export function actingAsCoordinator(actor: UserActor, structureId: string): boolean {
  return membershipRole(actor, structureId) === null;
}
