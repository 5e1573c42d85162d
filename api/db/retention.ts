/**
 * Retention tasks: how personal data ends (db/personal-data.ts names, for each personal column, the
 * task that blanks it or deletes its row). Each is idempotent and cheap when there is nothing to do;
 * the maintenance job runs them all.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { anonymiseClosedRequests } from './orientations.ts';
import { columnsAnonymisedBy, type RetentionTask } from './personal-data.ts';

const DAY_MS = 86_400_000;

/** The development outbox and used or expired mailed links are kept this long. */
export const SHORT_RETENTION_DAYS = 30;

export interface RetentionConfig {
  /** ORIENTATION_RETENTION_DAYS: also how long an error report keeps its sender's address. */
  orientationRetentionDays: number;
}

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** What each task did (rows anonymised or deleted). */
export type RetentionReport = Record<RetentionTask, number>;

export async function runRetention(db: Kysely<Database>, config: RetentionConfig, now: Date): Promise<RetentionReport> {
  const reportEmails = Object.fromEntries(columnsAnonymisedBy('offer_reports', 'report-emails').map((c) => [c, null]));
  const reports = await db
    .updateTable('offer_reports')
    .set(reportEmails)
    .where('created_at', '<', before(now, config.orientationRetentionDays))
    .where('email', 'is not', null)
    .executeTakeFirst();
  const outbox = await db.deleteFrom('mail_outbox').where('created_at', '<', before(now, SHORT_RETENTION_DAYS)).executeTakeFirst();
  const tokens = await db.deleteFrom('email_tokens').where('expires_at', '<', before(now, SHORT_RETENTION_DAYS)).executeTakeFirst();
  return {
    'orientation-retention': await anonymiseClosedRequests(db, before(now, config.orientationRetentionDays), now),
    'report-emails': Number(reports.numUpdatedRows),
    'mail-outbox': Number(outbox.numDeletedRows),
    'expired-tokens': Number(tokens.numDeletedRows),
  };
}
