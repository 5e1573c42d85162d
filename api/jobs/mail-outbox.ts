/**
 * The mail drain: hands due `mail_outbox` rows to the Mailer (SMTP, or the development outbox) and
 * records each outcome. A failed delivery stays pending with its attempt count, the error (addresses
 * masked) and the next attempt time (exponential backoff, capped); after MAX_MAIL_ATTEMPTS it is
 * marked `failed`, which the professional sees on the orientation (and may ask to send again).
 * Addresses on reserved domains (mail/reserved-domains.ts) are never handed over: `undeliverable`.
 * The Node server runs the loop below (woken right after a write, and every few seconds); the Worker
 * drains on its cron trigger and after a request through waitUntil.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../app.ts';
import type { Mailer } from '../mail/mailer.ts';
import { dueMails, recordDelivery } from '../db/mail-outbox.ts';
import { isReservedAddress } from '../mail/reserved-domains.ts';
import { maskAddresses } from '../mail/notify.ts';
import { backoffMs } from './search-outbox.ts';
import { serialRunner } from './serial.ts';

/** About a day of tries with the default backoff (30 s doubling, capped at 2 h). */
export const MAX_MAIL_ATTEMPTS = 12;
const BATCH = 20;

export interface MailDrainOptions {
  now: Date;
  batch?: number;
  maxAttempts?: number;
  /** First retry delay (default 30 s), doubled at each failure up to maxBackoffMs (default 2 h). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Blank a delivered mail's text (production: the mailbox has it; default false keeps it for /dev/outbox). */
  dropBodies?: boolean;
}

export interface MailDrainResult {
  sent: number;
  /** Failed this time, to be tried again. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
  undeliverable: number;
  /** First error met, addresses masked. */
  error?: string;
}

/** One pass over the due mails (at most `batch`), one at a time. Without a mailer, only reserved addresses are settled. */
export async function drainMailOutbox(db: Kysely<Database>, mailer: Mailer | null, options: MailDrainOptions): Promise<MailDrainResult> {
  const result: MailDrainResult = { sent: 0, retrying: 0, failed: 0, undeliverable: 0 };
  const max = options.maxAttempts ?? MAX_MAIL_ATTEMPTS;
  for (const row of await dueMails(db, options.now, options.batch ?? BATCH)) {
    if (isReservedAddress(row.recipient)) {
      await recordDelivery(db, row.id, { status: 'undeliverable', attempts: row.attempts, at: options.now, error: 'adresse d’un domaine réservé (fictif) : jamais envoyée' });
      result.undeliverable += 1;
      continue;
    }
    if (!mailer) continue;
    const attempts = row.attempts + 1;
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.text, html: row.html, ...(row.reply_to ? { replyTo: row.reply_to } : {}) });
      await recordDelivery(db, row.id, { status: 'sent', attempts, at: new Date(), dropBody: options.dropBodies ?? false });
      result.sent += 1;
    } catch (error) {
      const message = maskAddresses(error instanceof Error ? error.message : String(error)).slice(0, 500);
      result.error ??= message;
      if (attempts >= max) {
        await recordDelivery(db, row.id, { status: 'failed', attempts, at: options.now, error: message });
        result.failed += 1;
      } else {
        const delay = backoffMs(attempts, options.baseBackoffMs ?? 30_000, options.maxBackoffMs ?? 7_200_000);
        await recordDelivery(db, row.id, { status: 'pending', attempts, at: options.now, error: message, nextAttemptAt: new Date(options.now.getTime() + delay) });
        result.retrying += 1;
      }
    }
  }
  return result;
}

export interface MailLoop {
  /** Asks for a pass as soon as possible (after the one in progress). */
  wake(): void;
  /** Runs a pass now (after the one in progress), as if at `at` when given, and resolves with what it did. */
  drainNow(at?: Date): Promise<MailDrainResult>;
  stop(): Promise<void>;
}

/**
 * Drains every `intervalMs` (default 5 s; mails written by another process, e.g. the CLI, are found
 * this way) and right after `wake()`. Logs counts only, and an error with addresses masked.
 */
export function startMailOutboxLoop(options: {
  db: Kysely<Database>;
  mailer: Mailer | null;
  clock: () => Date;
  logger: Logger;
  intervalMs?: number;
  drain?: Omit<MailDrainOptions, 'now'>;
}): MailLoop {
  const interval = options.intervalMs ?? 5_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const pass = async (at?: Date): Promise<MailDrainResult> => {
    try {
      // Rows carry the writes' clock: never drain "before" them when the app's clock is behind the real one.
      const now = at ?? new Date(Math.max(options.clock().getTime(), Date.now()));
      const r = await drainMailOutbox(options.db, options.mailer, { ...options.drain, now });
      if (r.retrying || r.failed) options.logger.error('mail: delivery failed', { retrying: r.retrying, failed: r.failed, error: r.error });
      // Mails to reserved domains (the demo's) are only listed on the dev outbox: not worth a line each pass.
      if (r.sent) options.logger.info('mail: delivered', { sent: r.sent, undeliverable: r.undeliverable });
      return r;
    } catch (error) {
      options.logger.error('mail: drain failed', { error: maskAddresses(String(error)) });
      return { sent: 0, retrying: 0, failed: 0, undeliverable: 0, error: String(error) };
    }
  };

  const runner = serialRunner(pass);
  const run = () => runner.run();

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = undefined;
      const r = await run();
      // A full batch sent: more may be due.
      schedule(r.sent + r.undeliverable + r.retrying + r.failed >= (options.drain?.batch ?? BATCH) ? 0 : interval);
    }, delay);
  };
  schedule(0);

  return {
    wake: () => schedule(0),
    drainNow: (at?: Date) => runner.run(at),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await runner.current();
    },
  };
}
