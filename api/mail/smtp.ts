/**
 * The SMTP Mailer (nodemailer), used when SMTP_URL is set. Node only: the Node entry (api/server.ts)
 * builds it and hands it to createApp; the Workers entry keeps the outbox mailer (no SMTP client
 * there), which is why this file is listed beside server.ts in the architecture test.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';

export interface SmtpMailer extends Mailer {
  close(): void;
}

/** `url`: smtp://user:pass@host:587 (STARTTLS when offered), smtps://host:465; `from`: the sender. */
export function smtpMailer(url: string, from: string): SmtpMailer {
  const transport = nodemailer.createTransport(url);
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
