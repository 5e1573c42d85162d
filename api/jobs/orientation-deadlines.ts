/**
 * Orientation deadlines (a maintenance task): one reminder to the structure after 10 days without an
 * answer (with a fresh link, the first one lasting 8 days), expiry after 30 (the professional is told).
 * Each change and its mails are one unit of work: the mail drain delivers them.
 */
import type { MaintenanceDeps } from './maintenance.ts';
import { expireUnanswered, markLinkSent, orientationsToRemind, SYSTEM } from '../db/orientations.ts';
import { inTransaction } from '../db/transaction.ts';
import { noticeReminder, noticeStatusChange } from '../mail/orientation-notices.ts';

export async function runOrientationDeadlines(deps: MaintenanceDeps): Promise<{ reminded: number; expired: number }> {
  const now = deps.clock();
  const expired = await expireUnanswered(deps.db, now, (trx, o) => noticeStatusChange({ ...deps, db: trx }, o));
  const due = await orientationsToRemind(deps.db, now);
  for (const o of due) {
    await inTransaction(deps.db, async (trx) => {
      await markLinkSent(trx, o.id, 'reminded', SYSTEM, now);
      await noticeReminder({ ...deps, db: trx }, o);
    });
  }
  return { reminded: due.length, expired: expired.length };
}
