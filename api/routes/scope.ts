/**
 * What the editing routers share: loading the offer or structure a request is about (404 when it
 * does not exist) with the permission scope it belongs to — the structure, and the structure's
 * département for coordinators — and the context of a unit of work (who, when).
 */
import type { Context } from 'hono';
import type { AppDeps } from '../app.ts';
import { notFound } from '../http/problem.ts';
import { getOffer } from '../db/offers.ts';
import { getStructure } from '../db/structures.ts';
import type { EditContext } from '../db/offer-editing.ts';
import type { Scope, UserActor } from '../auth/permissions.ts';
import type { Offer } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';

export function scopeOf(structure: Pick<Structure, 'id' | 'departement_code'>): Scope {
  return { structureId: structure.id, departement: structure.departement_code };
}

export async function structureOr404(deps: Pick<AppDeps, 'db'>, id: string): Promise<{ structure: Structure; scope: Scope }> {
  const structure = await getStructure(deps.db, id);
  if (!structure) throw notFound('Aucune structure ne porte cet identifiant.');
  return { structure, scope: scopeOf(structure) };
}

export async function offerOr404(deps: Pick<AppDeps, 'db'>, id: string): Promise<{ offer: Offer; structure: Structure; scope: Scope }> {
  const offer = await getOffer(deps.db, id);
  const structure = offer && (await getStructure(deps.db, offer.structure_id));
  if (!offer || !structure) throw notFound('Aucune offre ne porte cet identifiant.');
  return { offer, structure, scope: scopeOf(structure) };
}

export function editContext(deps: Pick<AppDeps, 'clock'>, actor: UserActor): EditContext & { actorUserId: string } {
  return { actorUserId: actor.userId, now: deps.clock() };
}

/** The id in the path, as the router matched it. */
export function idParam(c: Context, name = 'id'): string {
  return c.req.param(name) ?? '';
}
