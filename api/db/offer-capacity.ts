/**
 * Places as units of work of the editing layer: an accepted orientation takes a place, a structure
 * marks an offer "complet". Each writes only the places columns (session ids stay stable, so an
 * answer page opened earlier still names the right session), the audit entry and the search outbox
 * row, in the caller's transaction or its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { getOffer } from './offers.ts';
import { recordChange } from './audit.ts';
import { enqueueOffer } from './search-outbox.ts';
import { inTransaction } from './transaction.ts';
import type { EditContext } from './offer-editing.ts';
import { changesNothing, fullChange, takePlace, type PlacesChange, type TakenPlace } from '../domain/capacity.ts';
import { editFailure, type EditResult } from '../domain/edit-result.ts';
import { frenchToday } from '../domain/di/schema.ts';
import type { Offer } from '../domain/offer.ts';

async function writePlaces(trx: Kysely<Database>, before: Offer, change: PlacesChange, action: 'take-place' | 'full', ctx: EditContext & { reason?: string | null }): Promise<Offer> {
  const stamp = ctx.now.toISOString();
  await trx
    .updateTable('offers')
    .set({ ...(change.offerPlaces !== undefined ? { places_available: change.offerPlaces } : {}), updated_at: stamp })
    .where('id', '=', before.id)
    .execute();
  for (const s of change.sessions) await trx.updateTable('offer_sessions').set({ places_available: s.places }).where('id', '=', s.id).where('offer_id', '=', before.id).execute();
  await enqueueOffer(trx, before.id, ctx.now);
  const after = (await getOffer(trx, before.id))!;
  await recordChange(trx, { entity: 'offer', entityId: before.id, structureId: before.structure_id, actorUserId: ctx.actorUserId, action, before, after, reason: ctx.reason ?? null, at: ctx.now });
  return after;
}

/** Takes a place of the chosen session (or of the offer) for an accepted orientation. */
export async function takeOfferPlace(db: Kysely<Database>, offerId: string, sessionId: string | null, ctx: EditContext & { reason?: string | null }): Promise<EditResult<TakenPlace & { offer: Offer }>> {
  return inTransaction(db, async (trx) => {
    const before = await getOffer(trx, offerId);
    if (!before) return editFailure('not_found', 'Introuvable', 'Cette action n’existe plus.');
    const taken = takePlace(before, sessionId, frenchToday(ctx.now));
    if (!taken.ok) return taken;
    const offer = changesNothing(taken.value.change, before) ? before : await writePlaces(trx, before, taken.value.change, 'take-place', ctx);
    return { ok: true, value: { ...taken.value, offer } };
  });
}

/** "Complet": places 0 on the offer and on its sessions to come; nothing written when it already is. */
export async function markOfferFull(db: Kysely<Database>, offerId: string, ctx: EditContext & { reason?: string | null }): Promise<EditResult<Offer>> {
  return inTransaction(db, async (trx) => {
    const before = await getOffer(trx, offerId);
    if (!before) return editFailure('not_found', 'Introuvable', 'Aucune offre ne porte cet identifiant.');
    if (before.status === 'archived') return editFailure('conflict', 'Action impossible', 'Cette offre est archivée.');
    const change = fullChange(before, frenchToday(ctx.now));
    if (changesNothing(change, before)) return { ok: true, value: before };
    return { ok: true, value: await writePlaces(trx, before, change, 'full', ctx) };
  });
}
