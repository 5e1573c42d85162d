/**
 * Who is mailed what in the orientation workflow (mail/orientation-mails.ts for the words), queued
 * with the change (mail/notify.ts: callers pass their transaction as `db`) and delivered by the drain:
 *   - the structure's contact — the offer's e-mail, else the structure's, else its admins — gets the
 *     signed answer link (new orientation, reminder, fresh link on request);
 *   - the professional gets a mail when the request goes out and on every change;
 *   - the person, when an address was given, learns that the orientation was sent and when it is
 *     accepted — never a refusal, nor its reason.
 * Links open the web app: /orientations/:id/reponse?jeton= (structure), /mes-orientations/:id.
 */
import type { ServiceDeps } from '../app.ts';
import type { Mail } from './mailer.ts';
import { appLink, notify } from './notify.ts';
import {
  beneficiaryAcceptedMail,
  beneficiaryInformedMail,
  freshAnswerLinkMail,
  newOrientationMail,
  orientationMessageMail,
  orientationReminderMail,
  orientationsSentMail,
  orientationStatusMail,
  type AnswerLinkNotice,
  type BeneficiaryItem,
} from './orientation-mails.ts';
import { adminContacts } from '../db/roles.ts';
import { STRUCTURE_NOTICE_TOPIC } from '../db/mail-outbox.ts';
import { getOffer } from '../db/offers.ts';
import { getStructure } from '../db/structures.ts';
import type { OrientationRecord } from '../db/orientations.ts';
import { LINK_TTL_DAYS, signLink } from '../auth/signed-links.ts';
import { beneficiaryShortName, expiresAt } from '../domain/orientation.ts';
import { REFUSAL_REASON_LABELS, type RefusalReason } from '../domain/orientation-choices.ts';
import type { Offer } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';

export type OrientationNoticeDeps = Pick<ServiceDeps, 'db' | 'config' | 'clock' | 'mailQueued'>;

const link = (deps: OrientationNoticeDeps, path: string, params: Record<string, string> = {}) => appLink(deps.config.publicBaseUrl, path, params);

/** Where a structure answers from: the offer's contact, else the structure's, else its admins. */
export async function answerContacts(deps: Pick<ServiceDeps, 'db'>, o: Pick<OrientationRecord, 'offer_id' | 'structure_id'>): Promise<string[]> {
  const offer = o.offer_id ? await getOffer(deps.db, o.offer_id) : undefined;
  if (offer?.email) return [offer.email];
  const structure = o.structure_id ? await getStructure(deps.db, o.structure_id) : undefined;
  if (structure?.email) return [structure.email];
  return o.structure_id ? (await adminContacts(deps.db, o.structure_id)).map((a) => a.email) : [];
}

/** Marks a mail to the structure about `o`, so the professional sees whether it was delivered. */
const structureNotice = (o: Pick<OrientationRecord, 'id'>, mail: Mail): Mail => ({ ...mail, topic: STRUCTURE_NOTICE_TOPIC, orientationId: o.id });

/** The page a structure answers on, with a fresh signed link. */
export async function answerLink(deps: OrientationNoticeDeps, orientationId: string): Promise<string> {
  const { token } = await signLink(deps, 'orientation-answer', orientationId);
  return link(deps, `/orientations/${orientationId}/reponse`, { jeton: token });
}

async function linkNotice(deps: OrientationNoticeDeps, o: OrientationRecord): Promise<AnswerLinkNotice> {
  return {
    prescriberName: o.prescriber?.name ?? 'Un professionnel',
    prescriberEmail: o.prescriber?.email ?? '',
    offerName: o.offer_name,
    structureName: o.structure_name,
    url: await answerLink(deps, o.id),
    validDays: LINK_TTL_DAYS['orientation-answer'],
    expiresOn: expiresAt(o.sent_at),
  };
}

function placeOf(offer: Offer | undefined, structure: Structure | undefined): Pick<BeneficiaryItem, 'address' | 'phone'> {
  const own = offer?.address && offer.commune_name;
  const address = own
    ? `${offer.address}, ${[offer.postal_code, offer.commune_name].filter(Boolean).join(' ')}`
    : structure?.address
      ? `${structure.address}, ${[structure.postal_code, structure.commune_name].filter(Boolean).join(' ')}`
      : null;
  const contactPublic = offer?.contact_public ?? false;
  return { address, phone: (contactPublic ? offer?.phone : null) ?? structure?.phone ?? null };
}

async function beneficiaryItem(deps: Pick<ServiceDeps, 'db'>, o: OrientationRecord): Promise<BeneficiaryItem> {
  const offer = o.offer_id ? await getOffer(deps.db, o.offer_id) : undefined;
  const structure = o.structure_id ? await getStructure(deps.db, o.structure_id) : undefined;
  return { offerName: o.offer_name, structureName: o.structure_name, ...placeOf(offer, structure) };
}

async function structureMails(deps: OrientationNoticeDeps, o: OrientationRecord, contacts: readonly string[]): Promise<Mail[]> {
  const notice = await linkNotice(deps, o);
  return contacts.map((to) => structureNotice(o, newOrientationMail(to, notice)));
}

/** The request again, with a fresh link, to the structure's contact (asked for by the professional). */
export async function noticeOrientationToStructure(deps: OrientationNoticeDeps, o: OrientationRecord, contacts: readonly string[]): Promise<void> {
  await notify(deps, await structureMails(deps, o, contacts));
}

/** A request went out: each structure, the professional, and the person when an address was given. */
export async function noticeOrientationsSent(deps: OrientationNoticeDeps, orientations: readonly OrientationRecord[]): Promise<void> {
  const first = orientations[0];
  if (!first) return;
  const mails: Mail[] = [];
  for (const o of orientations) mails.push(...(await structureMails(deps, o, await answerContacts(deps, o))));
  const r = first.request;
  if (first.prescriber) {
    mails.push(
      orientationsSentMail(first.prescriber, {
        beneficiary: beneficiaryShortName(r.beneficiary_first_name, r.beneficiary_last_name),
        items: orientations.map((o) => ({ offerName: o.offer_name, structureName: o.structure_name })),
        url: link(deps, '/mes-orientations'),
      }),
    );
  }
  if (r.beneficiary_email) {
    const items = await Promise.all(orientations.map((o) => beneficiaryItem(deps, o)));
    mails.push(
      beneficiaryInformedMail(r.beneficiary_email, {
        firstName: r.beneficiary_first_name ?? '',
        prescriberName: first.prescriber?.name ?? 'La personne qui vous accompagne',
        items,
        retentionDays: deps.config.orientationRetentionDays,
      }),
    );
  }
  await notify(deps, mails);
}

export async function noticeReminder(deps: OrientationNoticeDeps, o: OrientationRecord): Promise<void> {
  const notice = { ...(await linkNotice(deps, o)), sentAt: o.sent_at };
  await notify(deps, (await answerContacts(deps, o)).map((to) => structureNotice(o, orientationReminderMail(to, notice))));
}

/** A fresh link, asked from an expired one: to the structure's contact only. */
export async function noticeFreshLink(deps: OrientationNoticeDeps, o: OrientationRecord, contacts: readonly string[]): Promise<void> {
  const url = await answerLink(deps, o.id);
  const mails = contacts.map((to) =>
    structureNotice(o, freshAnswerLinkMail(to, { offerName: o.offer_name, structureName: o.structure_name, url, validDays: LINK_TTL_DAYS['orientation-answer'] })),
  );
  await notify(deps, mails);
}

/** Accepted, refused or expired: the professional; accepted only: the person too. */
export async function noticeStatusChange(deps: OrientationNoticeDeps, o: OrientationRecord): Promise<void> {
  if (o.status === 'sent') return;
  const r = o.request;
  const mails: Mail[] = [];
  if (o.prescriber) {
    mails.push(
      orientationStatusMail(o.prescriber, {
        status: o.status,
        beneficiary: beneficiaryShortName(r.beneficiary_first_name, r.beneficiary_last_name),
        offerName: o.offer_name,
        structureName: o.structure_name,
        reasonLabel: o.refusal_reason ? REFUSAL_REASON_LABELS[o.refusal_reason as RefusalReason] : null,
        message: o.answer_message,
        session: o.session_label,
        url: link(deps, `/mes-orientations/${o.id}`),
      }),
    );
  }
  if (o.status === 'accepted' && r.beneficiary_email && !r.anonymised_at) {
    mails.push(beneficiaryAcceptedMail(r.beneficiary_email, { firstName: r.beneficiary_first_name ?? '', item: await beneficiaryItem(deps, o), session: o.session_label }));
  }
  await notify(deps, mails);
}

export async function noticeStructureMessage(deps: OrientationNoticeDeps, o: OrientationRecord, message: string): Promise<void> {
  if (!o.prescriber) return;
  const r = o.request;
  const mail = orientationMessageMail(o.prescriber, {
    beneficiary: beneficiaryShortName(r.beneficiary_first_name, r.beneficiary_last_name),
    offerName: o.offer_name,
    structureName: o.structure_name,
    message,
    url: link(deps, `/mes-orientations/${o.id}`),
  });
  await notify(deps, [mail]);
}
