/**
 * Periodic maintenance: what must happen with time rather than with a request. Every task is
 * idempotent and cheap when there is nothing to do, so the Node server runs them at start and hourly,
 * and the Workers entry on its cron trigger. Logs carry counts only. Tasks:
 *   - suspensions that ended → published again (audited as a system `resume`);
 *   - sessions that ended yesterday → their offers' search documents rebuilt (« complet » reads the
 *     sessions to come; an hourly run enqueues an offer again only once the outbox has taken it);
 *   - offers that fell due for confirmation since the last run (db/maintenance-runs.ts; the day
 *     before on a first run) → their search documents rebuilt, now « overdue » (ranked lower);
 *   - orientations: a reminder to the structure after 10 days, expiry after 30 (jobs/orientation-deadlines.ts);
 *   - personal data: anonymisation and purges of db/retention.ts (ORIENTATION_RETENTION_DAYS...);
 *   - the monthly freshness digest to structures with overdue offers (jobs/freshness-campaign.ts).
 * One task failing does not stop the others; the failure is logged and retried next time.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../app.ts';
import type { AppConfig } from '../config.ts';
import { resumeEndedSuspensions } from '../db/offer-editing.ts';
import { enqueueOffersFallenDue, enqueueOffersWithSessionEndedOn } from '../db/search-outbox.ts';
import { lastRunAt, recordRun } from '../db/maintenance-runs.ts';
import { runRetention, type RetentionReport } from '../db/retention.ts';
import { frenchToday } from '../domain/di/schema.ts';
import { runOrientationDeadlines } from './orientation-deadlines.ts';
import { sendFreshnessDigests } from './freshness-campaign.ts';

export interface MaintenanceDeps {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  config: AppConfig;
  /** Wakes the mail drain after mails were queued (jobs/mail-outbox.ts). */
  mailQueued?: (() => void) | undefined;
}

export interface MaintenanceReport {
  /** Offers whose suspension ended and that are public again. */
  resumedOffers: number;
  /** Offers with a session that ended yesterday, queued for the search index. */
  reindexedOffers: number;
  /** Offers that fell due for confirmation since the last run, queued for the search index (now overdue there). */
  overdueOffers: number;
  remindedOrientations: number;
  expiredOrientations: number;
  retention: RetentionReport | null;
  /** Structures that got this month's freshness digest in this run. */
  digests: number;
  /** Tasks that failed (logged; retried next run). */
  failed: string[];
}

/** The task's name in maintenance_runs. */
const OVERDUE_TASK = 'search-overdue';
const DAY_MS = 86_400_000;

export async function runMaintenance(deps: MaintenanceDeps): Promise<MaintenanceReport> {
  const report: MaintenanceReport = { resumedOffers: 0, reindexedOffers: 0, overdueOffers: 0, remindedOrientations: 0, expiredOrientations: 0, retention: null, digests: 0, failed: [] };
  const task = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      report.failed.push(name);
      deps.logger.error('maintenance task failed', { task: name, error: String(error) });
    }
  };
  await task('suspensions', async () => {
    const now = deps.clock();
    report.resumedOffers = (await resumeEndedSuspensions(deps.db, frenchToday(now), now)).length;
  });
  await task('sessions', async () => {
    const now = deps.clock();
    report.reindexedOffers = await enqueueOffersWithSessionEndedOn(deps.db, previousDay(frenchToday(now)), now);
  });
  await task('overdue offers', async () => {
    const now = deps.clock();
    const since = (await lastRunAt(deps.db, OVERDUE_TASK)) ?? new Date(now.getTime() - DAY_MS);
    if (since.getTime() < now.getTime()) report.overdueOffers = await enqueueOffersFallenDue(deps.db, since, now);
    await recordRun(deps.db, OVERDUE_TASK, now);
  });
  await task('orientations', async () => {
    const r = await runOrientationDeadlines(deps);
    report.remindedOrientations = r.reminded;
    report.expiredOrientations = r.expired;
  });
  await task('retention', async () => {
    report.retention = await runRetention(deps.db, deps.config, deps.clock());
  });
  await task('freshness digest', async () => {
    report.digests = await sendFreshnessDigests(deps);
  });
  const counts = {
    resumed: report.resumedOffers,
    reindexed: report.reindexedOffers,
    overdue: report.overdueOffers,
    reminded: report.remindedOrientations,
    expired: report.expiredOrientations,
    digests: report.digests,
    ...Object.fromEntries(Object.entries(report.retention ?? {}).filter(([, n]) => n > 0)),
  };
  if (Object.values(counts).some((n) => n > 0)) deps.logger.info('maintenance', counts);
  return report;
}

/** The calendar day before `day` (YYYY-MM-DD). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
}

/** Runs the maintenance now, then every `intervalMs` (default 1 h) until stopped; failures are logged and retried next time. */
export function startMaintenanceLoop(deps: MaintenanceDeps & { intervalMs?: number }) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runMaintenance(deps)
      .catch((error) => deps.logger.error('maintenance failed', { error: String(error) }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, deps.intervalMs ?? 3_600_000);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
