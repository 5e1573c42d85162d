/**
 * The mail queue (`mail_outbox`): mails are written here in the unit of work of the change they
 * announce, then the drain job (api/jobs/mail-outbox.ts) delivers them and records the outcome. The
 * development outbox page lists the same rows, newest first.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, MailOutboxTable, MailStatus } from './schema.ts';

export type OutboxMail = Selectable<MailOutboxTable>;

export interface QueuedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string | undefined;
  /** What the mail is about, for mails someone follows (MAIL_TOPICS). */
  topic?: string | undefined;
  orientationId?: string | undefined;
}

/** The mail that announces an orientation to its structure (first mail, reminder, fresh link, resend). */
export const STRUCTURE_NOTICE_TOPIC = 'orientation-structure';

export async function queueMails(db: Kysely<Database>, mails: readonly QueuedMail[], now: Date): Promise<void> {
  const stamp = now.toISOString();
  // D1 binds at most 100 parameters per statement: 9 per row.
  for (let i = 0; i < mails.length; i += 10) {
    await db
      .insertInto('mail_outbox')
      .values(
        mails.slice(i, i + 10).map((m) => ({
          recipient: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          reply_to: m.replyTo ?? null,
          created_at: stamp,
          status: 'pending' as const,
          next_attempt_at: stamp,
          topic: m.topic ?? null,
          orientation_id: m.orientationId ?? null,
        })),
      )
      .execute();
  }
}

export async function listOutboxMails(db: Kysely<Database>, limit: number): Promise<OutboxMail[]> {
  return db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Pending mails whose next attempt is due, oldest first. A mail never tried is due at once, whatever
 * the clock of the change that queued it (`maintenance --now` runs ahead of the real time).
 */
export async function dueMails(db: Kysely<Database>, now: Date, limit: number): Promise<OutboxMail[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('attempts', '=', 0), eb('next_attempt_at', '<=', now.toISOString())]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The outcome of one delivery attempt; the status guard lets a concurrent drain's outcome stand. */
export async function recordDelivery(
  db: Kysely<Database>,
  id: number,
  outcome: { status: MailStatus; attempts: number; at: Date; nextAttemptAt?: Date | null; error?: string | null; dropBody?: boolean },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt ? outcome.nextAttemptAt.toISOString() : null,
      last_error: outcome.error ?? null,
      ...(outcome.status === 'sent' ? { sent_at: outcome.at.toISOString() } : {}),
      ...(outcome.dropBody ? { text: '', html: '' } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export type NoticeDelivery = 'pending' | 'sent' | 'failed';

export interface NoticeState {
  status: NoticeDelivery;
  /** When the last notice was queued, and when it left (if it did). */
  queued_at: string;
  sent_at: string | null;
  attempts: number;
}

/**
 * Where the latest notice to the structure of each orientation stands: sent when one of its
 * recipients got it, pending while one is still tried, failed when none could be delivered
 * (refused by the server, or a reserved address that is never handed to SMTP).
 */
export async function structureNoticeStates(db: Kysely<Database>, orientationIds: readonly string[]): Promise<Map<string, NoticeState>> {
  const states = new Map<string, NoticeState>();
  for (let i = 0; i < orientationIds.length; i += 90) {
    const rows = await db
      .selectFrom('mail_outbox')
      .select(['orientation_id', 'status', 'created_at', 'sent_at', 'attempts'])
      .where('topic', '=', STRUCTURE_NOTICE_TOPIC)
      .where('orientation_id', 'in', orientationIds.slice(i, i + 90))
      .orderBy('id')
      .execute();
    const latest = new Map<string, typeof rows>();
    for (const r of rows) {
      const batch = latest.get(r.orientation_id!);
      if (!batch || batch[0]!.created_at < r.created_at) latest.set(r.orientation_id!, [r]);
      else batch.push(r);
    }
    for (const [id, batch] of latest) {
      const sent = batch.find((r) => r.status === 'sent');
      const status: NoticeDelivery = sent ? 'sent' : batch.some((r) => r.status === 'pending') ? 'pending' : 'failed';
      states.set(id, { status, queued_at: batch[0]!.created_at, sent_at: sent?.sent_at ?? null, attempts: Math.max(...batch.map((r) => r.attempts)) });
    }
  }
  return states;
}
