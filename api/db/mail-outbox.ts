/** The development mail outbox: every mail the outbox mailer "sends", newest first. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, MailOutboxTable } from './schema.ts';

export type OutboxMail = Selectable<MailOutboxTable>;

export async function insertOutboxMail(db: Kysely<Database>, mail: Omit<OutboxMail, 'id'>): Promise<void> {
  await db.insertInto('mail_outbox').values(mail).execute();
}

export async function listOutboxMails(db: Kysely<Database>, limit: number): Promise<OutboxMail[]> {
  return db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
