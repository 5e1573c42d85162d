/**
 * The SMTP Mailer (nodemailer), used when SMTP_URL is set. Node only: the Node entry (api/server.ts)
 * builds it and hands it to the mail drain; the Workers entry has no SMTP client, which is why this
 * file is listed beside server.ts in the architecture test.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';

export interface SmtpMailer extends Mailer {
  close(): void;
}

/**
 * How long a step of one delivery may take. nodemailer's defaults (2 min to connect, 30 s for the
 * greeting, 10 min of silence) would hold the drain for minutes on a server that accepts TCP and
 * never answers; a delivery that times out is simply tried again later.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 };

/** `url`: smtp://user:pass@host:587 (STARTTLS when offered), smtps://host:465; `from`: the sender. */
export function smtpMailer(url: string, from: string, timeouts: Partial<typeof SMTP_TIMEOUTS> = {}): SmtpMailer {
  const transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS, ...timeouts });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      });
    },
    close: () => transport.close(),
  };
}
