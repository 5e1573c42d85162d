/**
 * Mail: what the API sends and how it leaves. Every mail is first queued in `mail_outbox` with the
 * change it announces (mail/notify.ts); the drain job (jobs/mail-outbox.ts) then hands it to a
 * Mailer: SMTP (mail/smtp.ts, Node only) when SMTP_URL is set, or the development outbox, where a
 * mail is "delivered" by staying in the table, read on /dev/outbox.
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where answers should go (e.g. the professional who sent an orientation); the outbox ignores it. */
  replyTo?: string;
  /** What the mail is about, for the mails someone follows (db/mail-outbox.ts STRUCTURE_NOTICE_TOPIC). */
  topic?: string;
  orientationId?: string;
}

/** Delivers one mail, or throws (the drain retries later). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** The development outbox: nothing leaves, the queued row itself is what /dev/outbox shows. */
export const devOutboxMailer: Mailer = {
  async send() {},
};
