/**
 * Orientations (prescriptions):
 *   POST /api/orientations                      a verified professional sends a person to 1..30 offers
 *   GET  /api/me/orientations                   "Mes orientations": the caller's, newest first
 *   GET  /api/structures/:id/orientations       what a structure received (its members)
 *   GET  /api/orientations/:id[?token=]         the professional who sent it, the structure (its signed
 *                                               link, or a member's session)
 *   POST /api/orientations/:id/{accept,refuse,messages,offer-full}   the structure ({token} or a member)
 *   POST /api/orientations/:id/link {token}     a fresh answer link, mailed to the structure's contact
 *   POST /api/orientations/:id/resend           the professional who sent it mails the structure again
 * Mails are queued in the unit of work of the change (mail/notify.ts) and delivered by the drain.
 * Every response carrying an orientation's personal data records a `read` event (who, when).
 * There is no list of orientations for anyone else: a link opens one orientation, never a list.
 */
import { isReservedAddress } from '../mail/reserved-domains.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, can, requireUser, type Actor as PermissionActor, type UserActor } from '../auth/permissions.ts';
import { checkLink } from '../auth/signed-links.ts';
import { parseInputBody } from '../http/body.ts';
import { editedOrProblem } from '../http/edit-result.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { paginationSchema, parseOr400 } from '../http/validate.ts';
import {
  acceptOrientation,
  addStructureMessage,
  countSentBy,
  createOrientationRequest,
  getOrientation,
  markLinkSent,
  orientationsOfPrescriber,
  orientationsOfStructure,
  recordEvents,
  refuseOrientation,
  type Actor,
  type OrientationRecord,
} from '../db/orientations.ts';
import { markOfferFull } from '../db/offer-capacity.ts';
import { getOffer } from '../db/offers.ts';
import { getStructure } from '../db/structures.ts';
import {
  acceptBody,
  isMobilisableByProfessionals,
  linkToken,
  messageBody,
  orientationRequestBody,
  refreshLinkBody,
  refuseBody,
  tokenBody,
} from '../domain/orientation.ts';
import { ORIENTATION_STATUSES } from '../domain/orientation-choices.ts';
import { effectiveStatus } from '../domain/offer-lifecycle.ts';
import type { FieldProblem } from '../domain/field-problem.ts';
import type { Offer } from '../domain/offer.ts';
import type { Structure } from '../domain/structure.ts';
import { idParam, structureOr404 } from './scope.ts';
import { noticesOf, noticeView, offersPlaces, orientationDetail, orientationSummary, type Viewer } from './orientation-view.ts';
import {
  answerContacts,
  noticeFreshLink,
  noticeOrientationsSent,
  noticeOrientationToStructure,
  noticeStatusChange,
  noticeStructureMessage,
} from '../mail/orientation-notices.ts';
import { inTransaction } from '../db/transaction.ts';
import { structureNoticeStates } from '../db/mail-outbox.ts';

const listQuery = z.object({ status: z.enum(ORIENTATION_STATUSES).optional(), ...paginationSchema });
const viewQuery = z.object({ token: linkToken.optional() });
const emptyBody = z.object({}).strict();

/** A professional sends at most this many orientations an hour: each one mails a structure. */
export const ORIENTATIONS_PER_HOUR = 60;

/** A fresh link is mailed at most once an hour per orientation. */
const FRESH_LINK_INTERVAL_MS = 3_600_000;

interface Access {
  viewer: Viewer;
  actor: Actor;
}

const invalidLink = () => new HttpProblem(403, 'Lien invalide', 'Ce lien ne correspond pas à cette orientation. Ouvrez le lien reçu par courriel, en entier.');
const expiredLink = () =>
  new HttpProblem(410, 'Lien expiré', 'Ce lien a expiré. Demandez-en un nouveau : il sera envoyé à l’adresse de contact de la structure.');

/** A user acting for the structure that received an orientation: one of its people, or a service admin. */
const structureSide = (user: UserActor, structureId: string | null): Actor => ({
  kind: user.memberships.some((m) => m.structureId === structureId) ? 'structure-member' : 'admin',
  userId: user.userId,
});

/** The professional who sent the orientation (a verified account). */
const isPrescriber = (user: UserActor, o: OrientationRecord) => o.request.prescriber_user_id === user.userId && user.verified;

/**
 * Who is asking about this orientation: the holder of its signed link (the structure), a member of
 * its structure, or the professional who sent it. Anyone else: 401 without a session, else 404 for
 * a read (its existence is not theirs to know) and 403 for an answer.
 */
async function accessTo(deps: ServiceDeps, c: Context, o: OrientationRecord, token: string | undefined, purpose: 'read' | 'answer'): Promise<Access> {
  if (token) {
    const check = await checkLink(deps, 'orientation-answer', o.id, token);
    if (check === 'invalid') throw invalidLink();
    if (check === 'expired') throw expiredLink();
    return { viewer: 'structure', actor: { kind: 'structure-link', userId: null } };
  }
  const actor: PermissionActor = c.get('actor');
  const user = requireUser(actor);
  const scope = { structureId: o.structure_id };
  if (purpose === 'answer') {
    authorize(user, 'orientation:receive', scope);
    return { viewer: 'structure', actor: structureSide(user, o.structure_id) };
  }
  if (isPrescriber(user, o)) return { viewer: 'prescriber', actor: { kind: 'prescriber', userId: user.userId } };
  if (can(user, 'orientation:receive', scope)) {
    return { viewer: 'structure', actor: structureSide(user, o.structure_id) };
  }
  throw notFound('Aucune orientation ne porte cet identifiant.');
}

async function orientationOr404(deps: ServiceDeps, id: string): Promise<OrientationRecord> {
  const o = await getOrientation(deps.db, id);
  if (!o) throw notFound('Aucune orientation ne porte cet identifiant.');
  return o;
}

/** What an answer returns: the new status and the offer's places, without the person's details. */
function answered(o: OrientationRecord, offer: Offer | null) {
  return {
    ...orientationSummary(o, offer ? { id: offer.id, name: offer.name, places_available: offer.places_available, capacity: offer.capacity } : null),
    beneficiary: undefined,
    sessions: offer?.sessions.map((s) => ({ id: s.id, label: s.label, starts_on: s.starts_on, places_available: s.places_available })) ?? [],
  };
}

const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1•••$2');

export function orientationsRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.post('/orientations', async (c) => {
    const user = authorize(c.get('actor'), 'orientation:send');
    const body = await parseInputBody(c, orientationRequestBody);
    const problems: FieldProblem[] = [];
    if (body.email && body.email === user.email) problems.push({ path: 'email', message: 'indiquez l’adresse de la personne orientée, pas la vôtre' });
    const targets: Array<{ offer: Offer; structure: Structure }> = [];
    const now = deps.clock();
    for (const [i, id] of body.offer_ids.entries()) {
      const offer = await getOffer(deps.db, id);
      const structure = offer && (await getStructure(deps.db, offer.structure_id));
      if (!offer || !structure || effectiveStatus(offer, now) !== 'published' || structure.status !== 'validated') {
        problems.push({ path: `offer_ids.${i}`, message: 'action introuvable ou qui n’est plus publiée' });
      } else if (!isMobilisableByProfessionals(offer)) {
        problems.push({ path: `offer_ids.${i}`, message: `« ${offer.name} » ne se mobilise pas par un professionnel : voyez sur sa fiche comment y accéder` });
      } else targets.push({ offer, structure });
    }
    if (problems.length) throw new HttpProblem(400, 'Données invalides', 'Corrigez les champs signalés puis réessayez.', problems);
    const sent = await countSentBy(deps.db, user.userId, new Date(now.getTime() - 3_600_000).toISOString());
    if (sent + targets.length > ORIENTATIONS_PER_HOUR) {
      c.header('Retry-After', '3600');
      throw new HttpProblem(429, 'Trop d’orientations', `Vous avez envoyé ${sent} orientations dans l’heure : au-delà de ${ORIENTATIONS_PER_HOUR}, attendez un peu avant d’en envoyer d’autres.`);
    }
    const { requestId, orientations } = await inTransaction(deps.db, async (trx) => {
      const created = await createOrientationRequest(
      trx,
      {
        prescriberUserId: user.userId,
        first_name: body.first_name,
        last_name: body.last_name,
        contact_preference: body.contact_preference,
        phone: body.phone ?? null,
        email: body.email ?? null,
        availability: body.availability ?? null,
        reasons: body.reasons,
        offers: targets,
      },
      now,
      );
      await noticeOrientationsSent({ ...deps, db: trx }, created.orientations);
      return created;
    });
    const places = await offersPlaces(deps.db, orientations);
    return c.json({ id: requestId, orientations: orientations.map((o) => orientationSummary(o, places.get(o.offer_id ?? '') ?? null)) }, 201);
  });

  const listed = async (items: OrientationRecord[], actor: Actor) => {
    await recordEvents(deps.db, items.map((o) => o.id), 'read', actor, deps.clock());
    const places = await offersPlaces(deps.db, items);
    const notices = actor.kind === 'prescriber' ? await noticesOf(deps.db, items) : null;
    return items.map((o) => ({
      ...orientationSummary(o, places.get(o.offer_id ?? '') ?? null),
      ...(notices ? { notice: noticeView(notices.get(o.id)) } : {}),
    }));
  };

  app.get('/me/orientations', async (c) => {
    const user = requireUser(c.get('actor'));
    const q = parseOr400(listQuery, c.req.query());
    const { total, items } = await orientationsOfPrescriber(deps.db, user.userId, { status: q.status, limit: q.size, offset: (q.page - 1) * q.size });
    return c.json({ total, page: q.page, size: q.size, items: await listed(items, { kind: 'prescriber', userId: user.userId }) });
  });

  app.get('/structures/:id/orientations', async (c) => {
    const { structure } = await structureOr404(deps, idParam(c));
    const user = authorize(c.get('actor'), 'orientation:receive', { structureId: structure.id });
    const q = parseOr400(listQuery, c.req.query());
    const { total, items } = await orientationsOfStructure(deps.db, structure.id, { status: q.status, limit: q.size, offset: (q.page - 1) * q.size });
    return c.json({ structure: { id: structure.id, name: structure.name }, total, page: q.page, size: q.size, items: await listed(items, structureSide(user, structure.id)) });
  });

  app.get('/orientations/:id', async (c) => {
    const q = parseOr400(viewQuery, c.req.query());
    const o = await orientationOr404(deps, idParam(c));
    const access = await accessTo(deps, c, o, q.token, 'read');
    await recordEvents(deps.db, [o.id], 'read', access.actor, deps.clock());
    return c.json(await orientationDetail(deps.db, o, access.viewer, deps.clock()));
  });

  /** The answer routes: body first (it may carry the link), then the orientation, then who asks. */
  const answerRoute = <S extends z.ZodType<{ token?: string | undefined }>>(path: string, schema: S, act: (o: OrientationRecord, body: z.output<S>, actor: Actor) => Promise<unknown>) =>
    app.post(`/orientations/:id/${path}`, async (c) => {
      const body = await parseInputBody(c, schema, { optional: true });
      const o = await orientationOr404(deps, idParam(c));
      const { actor } = await accessTo(deps, c, o, body.token, 'answer');
      return c.json(await act(o, body, actor));
    });

  answerRoute('accept', acceptBody, async (o, body, actor) => {
    const { orientation, offer } = editedOrProblem(
      await inTransaction(deps.db, async (trx) => {
        const result = await acceptOrientation(trx, o.id, { sessionId: body.session_id ?? null, message: body.message ?? null }, { actor, now: deps.clock() });
        if (result.ok) await noticeStatusChange({ ...deps, db: trx }, result.value.orientation);
        return result;
      }),
    );
    return answered(orientation, offer);
  });

  answerRoute('refuse', refuseBody, async (o, body, actor) => {
    const orientation = editedOrProblem(
      await inTransaction(deps.db, async (trx) => {
        const result = await refuseOrientation(trx, o.id, { reason: body.reason, message: body.message ?? null }, { actor, now: deps.clock() });
        if (result.ok) await noticeStatusChange({ ...deps, db: trx }, result.value);
        return result;
      }),
    );
    return answered(orientation, orientation.offer_id ? ((await getOffer(deps.db, orientation.offer_id)) ?? null) : null);
  });

  answerRoute('messages', messageBody, async (o, body, actor) => {
    editedOrProblem(
      await inTransaction(deps.db, async (trx) => {
        const result = await addStructureMessage(trx, o.id, body.message, { actor, now: deps.clock() });
        if (result.ok) await noticeStructureMessage({ ...deps, db: trx }, o, body.message);
        return result;
      }),
    );
    return { message: 'Message envoyé au professionnel qui a orienté la personne.' };
  });

  answerRoute('offer-full', tokenBody, async (o, _body, actor) => {
    if (!o.offer_id) throw new HttpProblem(409, 'Action impossible', 'Cette action n’existe plus.');
    const offer = editedOrProblem(await markOfferFull(deps.db, o.offer_id, { actorUserId: actor.userId, now: deps.clock(), reason: 'Marquée complète depuis une orientation' }));
    return { message: 'L’action est marquée complète : elle passe après les autres dans les recherches.', offer: { id: offer.id, places_available: offer.places_available } };
  });

  app.post('/orientations/:id/link', async (c) => {
    const body = await parseInputBody(c, refreshLinkBody);
    const o = await orientationOr404(deps, idParam(c));
    // An expired link may ask for a fresh one; a forged one may not.
    if ((await checkLink(deps, 'orientation-answer', o.id, body.token)) === 'invalid') throw invalidLink();
    if (o.request.anonymised_at) throw new HttpProblem(409, 'Orientation archivée', 'Cette orientation est close depuis longtemps et ses données ont été effacées.');
    const now = deps.clock();
    const wait = new Date(o.link_sent_at).getTime() + FRESH_LINK_INTERVAL_MS - now.getTime();
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpProblem(429, 'Lien déjà envoyé', 'Un lien a été envoyé il y a moins d’une heure : regardez dans la boîte de réception (et les indésirables) de la structure.');
    }
    const contacts = await answerContacts(deps, o);
    if (!contacts.length) throw new HttpProblem(409, 'Aucune adresse', 'La structure n’a pas d’adresse de contact : appelez le professionnel qui a orienté la personne.');
    await inTransaction(deps.db, async (trx) => {
      await markLinkSent(trx, o.id, 'link-sent', { kind: 'structure-link', userId: null }, now);
      await noticeFreshLink({ ...deps, db: trx }, o, contacts);
    });
    return c.json({ message: `Un nouveau lien a été envoyé à ${contacts.map(maskEmail).join(', ')}.` }, 202);
  });

  /**
   * The professional asks for the structure to be mailed again (its notice failed, or went
   * unnoticed): a fresh answer link to the structure's contact, at most hourly unless the last
   * notice could not be delivered.
   */
  app.post('/orientations/:id/resend', async (c) => {
    const user = requireUser(c.get('actor'));
    await parseInputBody(c, emptyBody, { optional: true });
    const o = await orientationOr404(deps, idParam(c));
    if (!isPrescriber(user, o)) {
      throw new HttpProblem(403, 'Action non autorisée', 'Seul le professionnel qui a envoyé cette orientation peut la renvoyer à la structure.');
    }
    if (o.status !== 'sent') throw new HttpProblem(409, 'Orientation déjà traitée', 'La structure a déjà répondu, ou l’orientation a expiré : il n’y a rien à renvoyer.');
    const now = deps.clock();
    const notice = (await structureNoticeStates(deps.db, [o.id])).get(o.id);
    const wait = new Date(o.link_sent_at).getTime() + FRESH_LINK_INTERVAL_MS - now.getTime();
    if (wait > 0 && notice?.status !== 'failed') {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpProblem(429, 'Courriel déjà envoyé', notice?.status === 'pending'
        ? 'Le courriel à la structure est en cours d’envoi : il part dès que son serveur de messagerie répond.'
        : 'La structure a reçu un courriel il y a moins d’une heure : attendez un peu avant de la relancer.');
    }
    const contacts = await answerContacts(deps, o);
    if (!contacts.length) throw new HttpProblem(409, 'Aucune adresse', 'La structure n’a pas d’adresse de contact : appelez-la directement.');
    if (contacts.every(isReservedAddress)) {
      throw new HttpProblem(409, 'Adresse sans messagerie', 'L’adresse de la structure ne peut pas recevoir de courriel (adresse de démonstration ou réservée) : appelez-la directement.');
    }
    await inTransaction(deps.db, async (trx) => {
      await markLinkSent(trx, o.id, 'resent', { kind: 'prescriber', userId: user.userId }, now);
      await noticeOrientationToStructure({ ...deps, db: trx }, o, contacts);
    });
    return c.json({ message: `La demande a été renvoyée à ${contacts.map(maskEmail).join(', ')}.`, notice: { status: 'pending', queued_at: now.toISOString(), sent_at: null, attempts: 0 } }, 202);
  });

  return app;
}
