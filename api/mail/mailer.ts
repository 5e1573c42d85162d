/**
 * The Mailer port: how the API sends mail. The outbox mailer stores mails in `mail_outbox` (read on
 * the development outbox page); the SMTP mailer (mail/smtp.ts, Node only) sends them for real when
 * SMTP_URL is set.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { insertOutboxMail } from '../db/mail-outbox.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where answers should go (e.g. the professional who sent an orientation); the outbox ignores it. */
  replyTo?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function outboxMailer(db: Kysely<Database>, clock: () => Date): Mailer {
  return {
    async send(mail) {
      await insertOutboxMail(db, { recipient: mail.to, subject: mail.subject, text: mail.text, html: mail.html, created_at: clock().toISOString() });
    },
  };
}
