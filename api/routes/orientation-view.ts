/**
 * What the API shows of an orientation: a summary for lists (the person's name, status, offer and
 * its places) and the whole request for its detail page (contact, availability, reasons, messages,
 * history). Both carry personal data: routes record a `read` event for each orientation they show.
 * Nobody's account id is shown, and a refusal's reason is shown to the professional and the
 * structure only (the person is never mailed it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { eventsOf, messagesOf, type OrientationRecord } from '../db/orientations.ts';
import { getOffer } from '../db/offers.ts';
import { getStructure } from '../db/structures.ts';
import { structureNoticeStates, type NoticeState } from '../db/mail-outbox.ts';
import { isUpcoming } from '../domain/capacity.ts';
import { frenchToday } from '../domain/di/schema.ts';
import { expiresAt } from '../domain/orientation.ts';
import {
  CONTACT_PREFERENCE_LABELS,
  ORIENTATION_STATUS_LABELS,
  REFUSAL_REASON_LABELS,
  type RefusalReason,
} from '../domain/orientation-choices.ts';

export type Viewer = 'prescriber' | 'structure';

const EVENT_LABELS: Readonly<Record<string, string>> = {
  sent: 'Envoyée',
  read: 'Consultée',
  accepted: 'Acceptée',
  refused: 'Refusée',
  message: 'Message de la structure',
  reminded: 'Relance envoyée à la structure',
  'link-sent': 'Nouveau lien envoyé à la structure',
  resent: 'Renvoyée à la structure par le professionnel',
  expired: 'Expirée sans réponse',
  anonymised: 'Données personnelles effacées',
};

const ACTOR_LABELS: Readonly<Record<string, string>> = {
  prescriber: 'le professionnel qui oriente',
  'structure-link': 'la structure (lien reçu par courriel)',
  'structure-member': 'un membre de la structure',
  admin: 'un administrateur du service',
  system: 'le service',
};

type OfferPlaces = { id: string; name: string; places_available: number | null; capacity: number | null } | null;

/** The current places of the orientations' offers, in one query. */
export async function offersPlaces(db: Kysely<Database>, orientations: readonly OrientationRecord[]): Promise<Map<string, OfferPlaces>> {
  const ids = [...new Set(orientations.map((o) => o.offer_id).filter((id): id is string => !!id))];
  const rows = ids.length ? await db.selectFrom('offers').select(['id', 'name', 'places_available', 'capacity']).where('id', 'in', ids).execute() : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export function orientationSummary(o: OrientationRecord, offer: OfferPlaces) {
  const r = o.request;
  return {
    id: o.id,
    status: o.status,
    status_label: ORIENTATION_STATUS_LABELS[o.status],
    sent_at: o.sent_at,
    answered_at: o.answered_at,
    closed_at: o.closed_at,
    expires_at: o.status === 'sent' ? expiresAt(o.sent_at) : null,
    refusal_reason: o.refusal_reason,
    refusal_reason_label: o.refusal_reason ? REFUSAL_REASON_LABELS[o.refusal_reason as RefusalReason] : null,
    session: o.session_label ? { label: o.session_label, starts_on: o.session_starts_on } : null,
    offer: { id: o.offer_id, name: offer?.name ?? o.offer_name, places_available: offer?.places_available ?? null, capacity: offer?.capacity ?? null },
    structure: { id: o.structure_id, name: o.structure_name },
    prescriber: o.prescriber ? { name: o.prescriber.name } : null,
    beneficiary: r.anonymised_at ? null : { first_name: r.beneficiary_first_name, last_name: r.beneficiary_last_name },
    anonymised: r.anonymised_at !== null,
  };
}

export type OrientationSummary = ReturnType<typeof orientationSummary>;

/** Where the mails announcing each orientation to its structure stand (shown to the professional). */
export async function noticesOf(db: Kysely<Database>, orientations: readonly OrientationRecord[]): Promise<Map<string, NoticeState>> {
  return structureNoticeStates(db, orientations.map((o) => o.id));
}

const NOTICE_LABELS: Readonly<Record<NoticeState['status'], string>> = {
  sent: 'Courriel remis à la structure',
  pending: 'Courriel à la structure en cours d’envoi',
  failed: 'Courriel à la structure non remis',
};

export function noticeView(state: NoticeState | undefined) {
  return state ? { ...state, label: NOTICE_LABELS[state.status] } : null;
}

/** How to reach the structure and the action: for the professional, who may call them. */
async function contactsOf(db: Kysely<Database>, o: OrientationRecord, offer: Awaited<ReturnType<typeof getOffer>>) {
  const structure = o.structure_id ? await getStructure(db, o.structure_id) : undefined;
  return {
    structure: structure ? { name: structure.name, phone: structure.phone, email: structure.email } : null,
    offer: offer && (offer.phone || offer.email) ? { phone: offer.phone, email: offer.email } : null,
  };
}

/**
 * The trail as shown: the professional's own reads are left out (they would bury the rest — each
 * is still recorded), the structure's and others' stay.
 */
function visibleHistory(events: Awaited<ReturnType<typeof eventsOf>>) {
  return events
    .filter((e) => !(e.action === 'read' && e.actor_kind === 'prescriber'))
    .map((e) => ({ action: e.action, label: EVENT_LABELS[e.action] ?? e.action, by: ACTOR_LABELS[e.actor_kind] ?? e.actor_kind, at: e.at }));
}

/** The whole orientation as its professional or its structure reads it. */
export async function orientationDetail(db: Kysely<Database>, o: OrientationRecord, viewer: Viewer, now: Date) {
  const offer = o.offer_id ? await getOffer(db, o.offer_id) : undefined;
  const [events, messages] = await Promise.all([eventsOf(db, o.id), messagesOf(db, o.id)]);
  const prescriberOnly = viewer === 'prescriber' ? { notice: noticeView((await noticesOf(db, [o])).get(o.id)), contacts: await contactsOf(db, o, offer) } : {};
  const r = o.request;
  const today = frenchToday(now);
  return {
    ...orientationSummary(o, offer ? { id: offer.id, name: offer.name, places_available: offer.places_available, capacity: offer.capacity } : null),
    viewer,
    can_answer: viewer === 'structure' && o.status === 'sent',
    offer: {
      id: o.offer_id,
      name: offer?.name ?? o.offer_name,
      status: offer?.status ?? null,
      places_available: offer?.places_available ?? null,
      capacity: offer?.capacity ?? null,
      sessions: (offer?.sessions ?? [])
        .filter((s) => isUpcoming(s, today))
        .map((s) => ({ id: s.id, label: s.label, starts_on: s.starts_on, ends_on: s.ends_on, places_available: s.places_available })),
    },
    prescriber: o.prescriber ? { name: o.prescriber.name, email: o.prescriber.email } : null,
    beneficiary: r.anonymised_at
      ? null
      : {
          first_name: r.beneficiary_first_name,
          last_name: r.beneficiary_last_name,
          contact_preference: r.contact_preference,
          contact_preference_label: CONTACT_PREFERENCE_LABELS[r.contact_preference],
          phone: r.beneficiary_phone,
          email: r.beneficiary_email,
          availability: r.availability,
        },
    reasons: r.reasons,
    answer_message: o.answer_message,
    consent_at: r.consent_at,
    messages: messages.map((m) => ({ author: m.author, body: m.body, created_at: m.created_at })),
    history: visibleHistory(events),
    ...prescriberOnly,
  };
}

export type OrientationDetail = Awaited<ReturnType<typeof orientationDetail>>;
