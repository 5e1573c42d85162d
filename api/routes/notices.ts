/**
 * Who is told what after an onboarding or moderation write: recipients from the database, French
 * mails from mail/structure-mails.ts, links into the web app, queued with the write (writeAndNotify,
 * mail/notify.ts) and delivered by the mail drain.
 * The web app's pages these links open: /structure/:id, /structure/:id/membres,
 * /structure/offres/:id (the structure space), /coordination (the coordinators' queue).
 */
import type { Kysely } from 'kysely';
import type { ServiceDeps } from '../app.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { adminContacts, coordinatorContacts } from '../db/roles.ts';
import type { JoinRequest } from '../db/join-requests.ts';
import { appLink, notify } from '../mail/notify.ts';
import { joinAnswerMail, joinRequestMail, offerModeratedMail, structureDecisionMail, structureToValidateMail } from '../mail/structure-mails.ts';
import type { EditResult } from '../domain/edit-result.ts';
import type { Offer } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';

type NoticeDeps = Pick<ServiceDeps, 'db' | 'config' | 'clock' | 'mailQueued'>;

const link = (deps: NoticeDeps, path: string) => appLink(deps.config.publicBaseUrl, path);

/**
 * A write and the notice it calls for, in one transaction: the change and its mails commit together
 * (a mail that cannot be queued undoes the change; a refused change mails nobody).
 */
export function writeAndNotify<T>(
  deps: NoticeDeps,
  write: (db: Kysely<Database>) => Promise<EditResult<T>>,
  notice: (deps: NoticeDeps, value: T) => Promise<void>,
): Promise<EditResult<T>> {
  return inTransaction(deps.db, async (trx) => {
    const result = await write(trx);
    if (result.ok) await notice({ ...deps, db: trx }, result.value);
    return result;
  });
}

/** A new request: the structure's admins, or for a claim the coordinators of its département. */
export async function noticeJoinRequest(deps: NoticeDeps, request: JoinRequest): Promise<void> {
  const claim = request.kind === 'claim';
  const recipients = claim
    ? request.structure.departement_code
      ? await coordinatorContacts(deps.db, request.structure.departement_code)
      : []
    : await adminContacts(deps.db, request.structure.id);
  const url = link(deps, claim ? '/coordination' : `/structure/${request.structure.id}/membres`);
  const mails = recipients.map((to) =>
    joinRequestMail(to, {
      requesterName: request.requester.name,
      requesterEmail: request.requester.email,
      structureName: request.structure.name,
      message: request.message,
      claim,
      url,
    }),
  );
  await notify(deps, mails);
}

export async function noticeJoinAnswer(deps: NoticeDeps, request: JoinRequest): Promise<void> {
  const accepted = request.status === 'accepted';
  const mail = joinAnswerMail(request.requester, {
    structureName: request.structure.name,
    accepted,
    reason: request.answer_reason,
    url: link(deps, `/structure/${request.structure.id}`),
  });
  await notify(deps, [mail]);
}

/**
 * A structure registered, or a validated one moved in from another département (`movedFrom`): the
 * coordinators of its département have one more to validate.
 */
export async function noticeStructureRegistered(deps: NoticeDeps, structure: Structure, registrantName: string, options: { movedFrom?: string | null } = {}): Promise<void> {
  if (!structure.departement_code) return;
  const url = link(deps, '/coordination');
  const mails = (await coordinatorContacts(deps.db, structure.departement_code)).map((to) =>
    structureToValidateMail(to, { structureName: structure.name, communeName: structure.commune_name, registrantName, url, ...(options.movedFrom !== undefined ? { movedFrom: options.movedFrom } : {}) }),
  );
  await notify(deps, mails);
}

export async function noticeStructureDecision(deps: NoticeDeps, structure: Structure): Promise<void> {
  const validated = structure.status === 'validated';
  const url = link(deps, `/structure/${structure.id}`);
  const mails = (await adminContacts(deps.db, structure.id)).map((to) =>
    structureDecisionMail(to, { structureName: structure.name, validated, reason: structure.rejection_reason, url }),
  );
  await notify(deps, mails);
}

/** A coordinator suspended or unpublished an offer: the structure's admins learn it and why. */
export async function noticeOfferModerated(
  deps: NoticeDeps,
  offer: Offer,
  structure: Structure,
  action: 'suspend' | 'unpublish',
  reason: string | null,
): Promise<void> {
  const url = link(deps, `/structure/offres/${offer.id}`);
  const mails = (await adminContacts(deps.db, structure.id)).map((to) =>
    offerModeratedMail(to, { offerName: offer.name, structureName: structure.name, action, until: offer.suspended_until, reason, url }),
  );
  await notify(deps, mails);
}
