/**
 * Orientations repository: a request (what the professional filled in once) and its orientations
 * (one per offer), their answers, messages and the trail of who did or read what. Units of work
 * return EditResults and write nothing on failure; who may call them is the routes' business.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContactPreference, Database, OrientationActorKind, OrientationRequestTable, OrientationStatus, OrientationTable } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { takeOfferPlace } from './offer-capacity.ts';
import { columnsAnonymisedBy } from './personal-data.ts';
import { newId } from '../domain/ids.ts';
import { answerRefusal, daysAfter, EXPIRES_AFTER_DAYS, REMINDER_AFTER_DAYS } from '../domain/orientation.ts';
import { editFailure, invalidFields, type EditResult } from '../domain/edit-result.ts';
import type { RefusalReason } from '../domain/orientation-choices.ts';
import type { Offer } from '../domain/offer.ts';
import { frenchToday } from '../domain/di/schema.ts';

export type OrientationRequestRow = Selectable<OrientationRequestTable>;

export interface OrientationRecord extends Selectable<OrientationTable> {
  request: OrientationRequestRow;
  /** Null when the professional's account no longer exists. */
  prescriber: { id: string; name: string; email: string } | null;
}

export interface Actor {
  kind: OrientationActorKind;
  userId: string | null;
}

export const SYSTEM: Actor = { kind: 'system', userId: null };

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('orientations as o')
    .innerJoin('orientation_requests as r', 'r.id', 'o.request_id')
    .leftJoin('users as u', 'u.id', 'r.prescriber_user_id')
    .selectAll('o')
    .select([
      'r.prescriber_user_id as r_prescriber_user_id',
      'r.beneficiary_first_name as r_beneficiary_first_name',
      'r.beneficiary_last_name as r_beneficiary_last_name',
      'r.contact_preference as r_contact_preference',
      'r.beneficiary_phone as r_beneficiary_phone',
      'r.beneficiary_email as r_beneficiary_email',
      'r.availability as r_availability',
      'r.reasons as r_reasons',
      'r.consent_at as r_consent_at',
      'r.created_at as r_created_at',
      'r.anonymised_at as r_anonymised_at',
      'u.id as u_id',
      'u.name as u_name',
      'u.email as u_email',
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function recordFromRow(row: JoinedRow): OrientationRecord {
  const { u_id, u_name, u_email, ...rest } = row;
  const request: OrientationRequestRow = {
    id: row.request_id,
    prescriber_user_id: row.r_prescriber_user_id,
    beneficiary_first_name: row.r_beneficiary_first_name,
    beneficiary_last_name: row.r_beneficiary_last_name,
    contact_preference: row.r_contact_preference,
    beneficiary_phone: row.r_beneficiary_phone,
    beneficiary_email: row.r_beneficiary_email,
    availability: row.r_availability,
    reasons: row.r_reasons,
    consent_at: row.r_consent_at,
    created_at: row.r_created_at,
    anonymised_at: row.r_anonymised_at,
  };
  const orientation = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('r_'))) as Selectable<OrientationTable>;
  return { ...orientation, request, prescriber: u_id && u_name && u_email ? { id: u_id, name: u_name, email: u_email } : null };
}

export async function getOrientation(db: Kysely<Database>, id: string): Promise<OrientationRecord | undefined> {
  const row = await baseQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row ? recordFromRow(row) : undefined;
}

export interface NewOrientationRequest {
  prescriberUserId: string;
  first_name: string;
  last_name: string;
  contact_preference: ContactPreference;
  phone: string | null;
  email: string | null;
  availability: string | null;
  reasons: string;
  offers: ReadonlyArray<{ offer: Pick<Offer, 'id' | 'name'>; structure: { id: string; name: string } }>;
}

/** The request and one orientation per offer, with their `sent` events, in one transaction. */
export function createOrientationRequest(db: Kysely<Database>, input: NewOrientationRequest, now: Date): Promise<{ requestId: string; orientations: OrientationRecord[] }> {
  return inTransaction(db, async (trx) => {
    const stamp = now.toISOString();
    const requestId = newId();
    await trx
      .insertInto('orientation_requests')
      .values({
        id: requestId,
        prescriber_user_id: input.prescriberUserId,
        beneficiary_first_name: input.first_name,
        beneficiary_last_name: input.last_name,
        contact_preference: input.contact_preference,
        beneficiary_phone: input.phone,
        beneficiary_email: input.email,
        availability: input.availability,
        reasons: input.reasons,
        consent_at: stamp,
        created_at: stamp,
        anonymised_at: null,
      })
      .execute();
    const ids: string[] = [];
    for (const { offer, structure } of input.offers) {
      const id = newId();
      ids.push(id);
      await trx
        .insertInto('orientations')
        .values({
          id,
          request_id: requestId,
          offer_id: offer.id,
          structure_id: structure.id,
          offer_name: offer.name,
          structure_name: structure.name,
          status: 'sent',
          refusal_reason: null,
          answer_message: null,
          session_label: null,
          session_starts_on: null,
          sent_at: stamp,
          answered_at: null,
          closed_at: null,
          reminded_at: null,
          link_sent_at: stamp,
        })
        .execute();
    }
    await recordEvents(trx, ids, 'sent', { kind: 'prescriber', userId: input.prescriberUserId }, now);
    const orientations = (await baseQuery(trx).where('o.request_id', '=', requestId).execute()).map(recordFromRow);
    // Insertion order = the order the professional chose.
    orientations.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    return { requestId, orientations };
  });
}

/** How many orientations the professional sent since `since` (a sending quota). */
export async function countSentBy(db: Kysely<Database>, userId: string, since: string): Promise<number> {
  const { n } = await db
    .selectFrom('orientations as o')
    .innerJoin('orientation_requests as r', 'r.id', 'o.request_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.prescriber_user_id', '=', userId)
    .where('o.sent_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * One event per orientation. A `read` is recorded at most once per reader, orientation and day
 * (Europe/Paris): the trail says who looked and when, without a line per page load.
 */
export async function recordEvents(db: Kysely<Database>, ids: readonly string[], action: string, actor: Actor, now: Date): Promise<void> {
  const orientationIds = action === 'read' ? await notReadToday(db, ids, actor, now) : ids;
  if (!orientationIds.length) return;
  const at = now.toISOString();
  // D1 binds at most 100 parameters per statement: 4 per row.
  for (let i = 0; i < orientationIds.length; i += 20) {
    await db
      .insertInto('orientation_events')
      .values(orientationIds.slice(i, i + 20).map((id) => ({ orientation_id: id, action, actor_kind: actor.kind, actor_user_id: actor.userId, at })))
      .execute();
  }
}

async function notReadToday(db: Kysely<Database>, ids: readonly string[], actor: Actor, now: Date): Promise<readonly string[]> {
  if (!ids.length) return ids;
  const today = frenchToday(now);
  const read = new Set<string>();
  // A French day is at most 25 hours long: the reads of the last 26 hours hold today's.
  const since = new Date(now.getTime() - 26 * 3_600_000).toISOString();
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db
      .selectFrom('orientation_events')
      .select(['orientation_id', 'at'])
      .where('orientation_id', 'in', ids.slice(i, i + 90))
      .where('action', '=', 'read')
      .where('actor_kind', '=', actor.kind)
      .where((eb) => (actor.userId === null ? eb('actor_user_id', 'is', null) : eb('actor_user_id', '=', actor.userId)))
      .where('at', '>=', since)
      .execute();
    for (const r of rows) if (frenchToday(new Date(r.at)) === today) read.add(r.orientation_id);
  }
  return ids.filter((id) => !read.has(id));
}

export async function eventsOf(db: Kysely<Database>, orientationId: string) {
  return db
    .selectFrom('orientation_events')
    .select(['action', 'actor_kind', 'actor_user_id', 'at'])
    .where('orientation_id', '=', orientationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function messagesOf(db: Kysely<Database>, orientationId: string) {
  return db.selectFrom('orientation_messages').select(['author', 'body', 'created_at']).where('orientation_id', '=', orientationId).orderBy('created_at').orderBy('id').execute();
}

export interface ListOptions {
  status?: OrientationStatus | undefined;
  limit: number;
  offset: number;
}

async function page(query: ReturnType<typeof baseQuery>, options: ListOptions): Promise<{ total: number; items: OrientationRecord[] }> {
  const filtered = options.status ? query.where('o.status', '=', options.status) : query;
  const { n } = await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered.orderBy('o.sent_at', 'desc').orderBy('o.id').limit(options.limit).offset(options.offset).execute();
  return { total: Number(n), items: rows.map(recordFromRow) };
}

/** What a professional sent, newest first: theirs only. */
export function orientationsOfPrescriber(db: Kysely<Database>, userId: string, options: ListOptions) {
  return page(baseQuery(db).where('r.prescriber_user_id', '=', userId), options);
}

/** What a structure received, newest first: its own only. */
export function orientationsOfStructure(db: Kysely<Database>, structureId: string, options: ListOptions) {
  return page(baseQuery(db).where('o.structure_id', '=', structureId), options);
}

export interface AnswerContext {
  actor: Actor;
  now: Date;
}

const NOT_FOUND = editFailure('not_found', 'Introuvable', 'Aucune orientation ne porte cet identifiant.');

async function answerable(trx: Kysely<Database>, id: string): Promise<EditResult<OrientationRecord>> {
  const orientation = await getOrientation(trx, id);
  if (!orientation) return NOT_FOUND;
  const refusal = answerRefusal(orientation.status);
  return refusal ?? { ok: true, value: orientation };
}

export interface Accepted {
  orientation: OrientationRecord;
  /** The offer after its place was taken; null when the offer no longer exists. */
  offer: Offer | null;
}

/**
 * Accepts, taking a place of the chosen session (or of the offer) through the editing layer
 * (audited, re-indexed): both or neither.
 */
export function acceptOrientation(db: Kysely<Database>, id: string, answer: { sessionId: string | null; message: string | null }, ctx: AnswerContext): Promise<EditResult<Accepted>> {
  return inTransaction(db, async (trx) => {
    const found = await answerable(trx, id);
    if (!found.ok) return found;
    const o = found.value;
    let offer: Offer | null = null;
    let session: { label: string; starts_on: string } | null = null;
    if (o.offer_id) {
      const taken = await takeOfferPlace(trx, o.offer_id, answer.sessionId, { actorUserId: ctx.actor.userId, now: ctx.now, reason: 'Orientation acceptée' });
      if (!taken.ok && taken.kind !== 'not_found') return taken;
      if (taken.ok) ({ offer, session } = taken.value);
    }
    if (answer.sessionId && !session) return invalidFields([{ path: 'session_id', message: 'cette action n’existe plus : acceptez sans choisir de session' }]);
    const stamp = ctx.now.toISOString();
    await trx
      .updateTable('orientations')
      .set({ status: 'accepted', answered_at: stamp, closed_at: stamp, answer_message: answer.message, session_label: session?.label ?? null, session_starts_on: session?.starts_on ?? null })
      .where('id', '=', id)
      .execute();
    await recordEvents(trx, [id], 'accepted', ctx.actor, ctx.now);
    return { ok: true, value: { orientation: (await getOrientation(trx, id))!, offer } };
  });
}

export function refuseOrientation(db: Kysely<Database>, id: string, answer: { reason: RefusalReason; message: string | null }, ctx: AnswerContext): Promise<EditResult<OrientationRecord>> {
  return inTransaction(db, async (trx) => {
    const found = await answerable(trx, id);
    if (!found.ok) return found;
    const stamp = ctx.now.toISOString();
    await trx
      .updateTable('orientations')
      .set({ status: 'refused', refusal_reason: answer.reason, answer_message: answer.message, answered_at: stamp, closed_at: stamp })
      .where('id', '=', id)
      .execute();
    await recordEvents(trx, [id], 'refused', ctx.actor, ctx.now);
    return { ok: true, value: (await getOrientation(trx, id))! };
  });
}

/** A message of the structure to the professional; refused once the request is anonymised. */
export function addStructureMessage(db: Kysely<Database>, id: string, body: string, ctx: AnswerContext): Promise<EditResult<OrientationRecord>> {
  return inTransaction(db, async (trx) => {
    const orientation = await getOrientation(trx, id);
    if (!orientation) return NOT_FOUND;
    if (orientation.request.anonymised_at) return editFailure('conflict', 'Orientation archivée', 'Cette orientation est close depuis longtemps et ses données ont été effacées.');
    await trx.insertInto('orientation_messages').values({ orientation_id: id, author: 'structure', body, created_at: ctx.now.toISOString() }).execute();
    await recordEvents(trx, [id], 'message', ctx.actor, ctx.now);
    return { ok: true, value: orientation };
  });
}

/** A new answer link went to the structure (first mail, reminder or refresh). */
export async function markLinkSent(db: Kysely<Database>, id: string, action: 'reminded' | 'link-sent' | 'resent', actor: Actor, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await db
    .updateTable('orientations')
    .set(action === 'reminded' ? { link_sent_at: stamp, reminded_at: stamp } : { link_sent_at: stamp })
    .where('id', '=', id)
    .execute();
  await recordEvents(db, [id], action, actor, now);
}

const daysBefore = (now: Date, days: number) => daysAfter(now.toISOString(), -days).toISOString();

/** Waiting for REMINDER_AFTER_DAYS, not reminded yet, not expiring today. */
export async function orientationsToRemind(db: Kysely<Database>, now: Date): Promise<OrientationRecord[]> {
  const rows = await baseQuery(db)
    .where('o.status', '=', 'sent')
    .where('o.reminded_at', 'is', null)
    .where('o.sent_at', '<=', daysBefore(now, REMINDER_AFTER_DAYS))
    .where('o.sent_at', '>', daysBefore(now, EXPIRES_AFTER_DAYS))
    .orderBy('o.sent_at')
    .execute();
  return rows.map(recordFromRow);
}

/**
 * Orientations unanswered for EXPIRES_AFTER_DAYS become `expired`; returns them as they are now.
 * `withEach` runs in each expiry's transaction (the mails that announce it).
 */
export async function expireUnanswered(db: Kysely<Database>, now: Date, withEach?: (trx: Kysely<Database>, expired: OrientationRecord) => Promise<void>): Promise<OrientationRecord[]> {
  const due = await db.selectFrom('orientations').select('id').where('status', '=', 'sent').where('sent_at', '<=', daysBefore(now, EXPIRES_AFTER_DAYS)).execute();
  const expired: OrientationRecord[] = [];
  for (const { id } of due) {
    const done = await inTransaction(db, async (trx) => {
      const stamp = now.toISOString();
      // The status guard makes a concurrent answer win over the expiry.
      const r = await trx.updateTable('orientations').set({ status: 'expired', closed_at: stamp }).where('id', '=', id).where('status', '=', 'sent').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return null;
      await recordEvents(trx, [id], 'expired', SYSTEM, now);
      const record = (await getOrientation(trx, id))!;
      await withEach?.(trx, record);
      return record;
    });
    if (done) expired.push(done);
  }
  return expired;
}

/**
 * Blanks the personal columns (db/personal-data.ts, task `orientation-retention`) of the requests
 * whose orientations all closed before `cutoff`: the beneficiary, the reasons, the structure's
 * messages. What stays: offers, structures, statuses, dates, the professional's account.
 */
export async function anonymiseClosedRequests(db: Kysely<Database>, cutoff: string, now: Date): Promise<number> {
  const due = await db
    .selectFrom('orientation_requests as r')
    .select('r.id')
    .where('r.anonymised_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('orientations as o')
            .select('o.id')
            .whereRef('o.request_id', '=', 'r.id')
            .where((eb) => eb.or([eb('o.closed_at', 'is', null), eb('o.closed_at', '>', cutoff)])),
        ),
      ),
    )
    .execute();
  const blank = (table: string) => Object.fromEntries(columnsAnonymisedBy(table, 'orientation-retention').map((c) => [c, null]));
  for (const { id } of due) {
    await inTransaction(db, async (trx) => {
      await trx.updateTable('orientation_requests').set({ ...blank('orientation_requests'), anonymised_at: now.toISOString() }).where('id', '=', id).execute();
      const orientationIds = (await trx.selectFrom('orientations').select('id').where('request_id', '=', id).execute()).map((o) => o.id);
      if (orientationIds.length && Object.keys(blank('orientations')).length) {
        await trx.updateTable('orientations').set(blank('orientations')).where('request_id', '=', id).execute();
      }
      if (orientationIds.length && Object.keys(blank('orientation_messages')).length) {
        await trx.updateTable('orientation_messages').set(blank('orientation_messages')).where('orientation_id', 'in', orientationIds).execute();
      }
      await recordEvents(trx, orientationIds, 'anonymised', SYSTEM, now);
    });
  }
  return due.length;
}

/** Counts per status of a structure's received orientations (for its space). */
export async function orientationCountsOfStructure(db: Kysely<Database>, structureId: string): Promise<Record<OrientationStatus, number>> {
  const rows = await db
    .selectFrom('orientations')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('structure_id', '=', structureId)
    .groupBy('status')
    .execute();
  const counts: Record<OrientationStatus, number> = { sent: 0, accepted: 0, refused: 0, expired: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
