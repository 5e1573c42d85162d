/**
 * Status changes of an offer (POST /api/offers/:id/{publish,suspend,archive,confirm}), as a pure
 * function: the current offer and the action in, the fields to write (or why not) out. The route
 * saves the changes and the audit entry in one transaction.
 *
 *   draft ──publish──▶ published ──suspend(until)──▶ suspended ──publish──▶ published
 *     └──────────────────┴───────archive──────────────────┴──▶ archived ──publish──▶ published
 *   confirm ("rien n'a changé"): published or suspended, moves confirmed_at and updated_on.
 *   unpublish (coordinators, with a reason): published or suspended ──▶ draft, to be fixed and
 *   published again by the structure.
 *
 * Refusals are EditFailures (edit-result.ts): `conflict` when the action does not apply to the
 * current status, `incomplete` when the offer or the request lacks something (`errors` says what).
 */
import { frenchToday } from './di/schema.ts';
import type { EditFailure } from './edit-result.ts';
import type { Offer, OfferInput, OfferStatus } from './offer.ts';
import { publicationProblems, suspensionProblems, type StructurePlace } from './publication.ts';

export const OFFER_ACTIONS = ['publish', 'suspend', 'archive', 'confirm', 'unpublish'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];

export type OfferChanges = Partial<Pick<OfferInput, 'status' | 'suspended_until' | 'confirmed_at' | 'updated_on'>>;

export type TransitionResult = { ok: true; changes: OfferChanges } | (EditFailure & { kind: 'conflict' | 'incomplete' });

export interface TransitionContext {
  now: Date;
  /** suspend: last day of the suspension (YYYY-MM-DD). */
  until?: string | null;
  /** publish: the structure's place, which an offer without its own address may use. */
  structure?: StructurePlace | null;
}

const ALLOWED_FROM: Readonly<Record<OfferAction, readonly OfferStatus[]>> = {
  publish: ['draft', 'suspended', 'archived'],
  suspend: ['published', 'suspended'],
  archive: ['draft', 'published', 'suspended'],
  confirm: ['published', 'suspended'],
  unpublish: ['published', 'suspended'],
};

const STATUS_LABELS: Readonly<Record<OfferStatus, string>> = {
  draft: 'un brouillon',
  published: 'publiée',
  suspended: 'suspendue',
  archived: 'archivée',
};

const CONFLICT_DETAIL: Readonly<Record<OfferAction, string>> = {
  publish: 'Seul un brouillon, une offre suspendue ou archivée peut être publiée.',
  suspend: 'Seule une offre publiée peut être suspendue.',
  archive: 'Cette offre est déjà archivée.',
  confirm: 'Seule une offre publiée ou suspendue peut être confirmée à jour.',
  unpublish: 'Seule une offre publiée ou suspendue peut être dépubliée.',
};

function conflict(action: OfferAction, status: OfferStatus): TransitionResult {
  const state = status === 'draft' ? 'est un brouillon' : `est ${STATUS_LABELS[status]}`;
  return { ok: false, kind: 'conflict', title: 'Action impossible', detail: `Cette offre ${state}. ${CONFLICT_DETAIL[action]}`, errors: [] };
}

export function transitionOffer(offer: Offer, action: OfferAction, context: TransitionContext): TransitionResult {
  if (!ALLOWED_FROM[action].includes(offer.status)) return conflict(action, offer.status);
  const stamp = context.now.toISOString();
  const today = frenchToday(context.now);
  switch (action) {
    case 'publish': {
      const errors = publicationProblems(offer, { structure: context.structure ?? null });
      if (errors.length) {
        return { ok: false, kind: 'incomplete', title: 'Offre incomplète', detail: 'Complétez les champs signalés pour publier l’offre.', errors };
      }
      // Publishing is a statement that the content is accurate today.
      return { ok: true, changes: { status: 'published', suspended_until: null, confirmed_at: stamp, updated_on: today } };
    }
    case 'suspend': {
      const errors = suspensionProblems(context.until, context.now);
      if (errors.length) {
        return { ok: false, kind: 'incomplete', title: 'Date de fin invalide', detail: 'Indiquez jusqu’à quand l’offre est suspendue.', errors };
      }
      return { ok: true, changes: { status: 'suspended', suspended_until: context.until! } };
    }
    case 'archive':
      return { ok: true, changes: { status: 'archived', suspended_until: null } };
    case 'confirm':
      return { ok: true, changes: { confirmed_at: stamp, updated_on: today } };
    case 'unpublish':
      return { ok: true, changes: { status: 'draft', suspended_until: null } };
  }
}

/** The status readers should see: a suspension whose last day has passed is over. */
export function effectiveStatus(offer: Pick<Offer, 'status' | 'suspended_until'>, now: Date): OfferStatus {
  if (offer.status === 'suspended' && offer.suspended_until && offer.suspended_until < frenchToday(now)) return 'published';
  return offer.status;
}
