/**
 * Notifications that accompany a write (a decision, a request, a moderation): sent after the write
 * has committed, and never failing it — a mail server that refuses is logged (without addresses)
 * and the person still sees the change in the service.
 */
import type { Logger } from '../app.ts';
import type { Mail, Mailer } from './mailer.ts';

export async function notify(deps: { mailer: Mailer; logger: Logger }, mails: readonly Mail[], what: string): Promise<void> {
  for (const mail of mails) {
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      // Mail servers quote the recipient in their refusals: addresses are masked before logging.
      const message = (error instanceof Error ? error.message : String(error)).replace(/[^\s@<>"']+@[^\s@<>"']+/g, '[adresse]');
      deps.logger.error('notification not sent', { what, error: message });
    }
  }
}

/** A link into the web app, from PUBLIC_BASE_URL. */
export function appLink(publicBaseUrl: string, path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${publicBaseUrl.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}
