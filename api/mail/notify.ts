/**
 * Notifications that accompany a write (an orientation, a decision, a request, a moderation): queued
 * in `mail_outbox` with the database handle of the change — inside its transaction when the caller
 * runs one, so the change and its mails commit together — then delivered by the mail drain
 * (jobs/mail-outbox.ts), with retries. The request never waits for a mail server.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { queueMails } from '../db/mail-outbox.ts';
import type { Mail } from './mailer.ts';

export interface NotifyDeps {
  db: Kysely<Database>;
  clock: () => Date;
  /** Wakes the mail drain (the Node loop, or a Worker's waitUntil); without it the next periodic pass sends. */
  mailQueued?: (() => void) | undefined;
}

export async function notify(deps: NotifyDeps, mails: readonly Mail[]): Promise<void> {
  if (!mails.length) return;
  await queueMails(deps.db, mails, deps.clock());
  deps.mailQueued?.();
}

/** Mail servers quote the recipient in their refusals: addresses are masked before logging or storing. */
export function maskAddresses(message: string): string {
  return message.replace(/[^\s@<>"']+@[^\s@<>"']+/g, '[adresse]');
}

/** A link into the web app, from PUBLIC_BASE_URL. */
export function appLink(publicBaseUrl: string, path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${publicBaseUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}
