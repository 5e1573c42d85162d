/**
 * Periodic maintenance: what must happen with time rather than with a request. Every task is
 * idempotent and cheap when there is nothing to do, so the Node server runs them at start and hourly,
 * and the Workers entry on its cron trigger. Logs carry counts only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../app.ts';
import { resumeEndedSuspensions } from '../db/offer-editing.ts';
import { frenchToday } from '../domain/di/schema.ts';

export interface MaintenanceReport {
  /** Offers whose suspension ended and that are public again. */
  resumedOffers: number;
}

export async function runMaintenance(deps: { db: Kysely<Database>; clock: () => Date; logger: Logger }): Promise<MaintenanceReport> {
  const now = deps.clock();
  const resumed = await resumeEndedSuspensions(deps.db, frenchToday(now), now);
  if (resumed.length) deps.logger.info('maintenance: suspensions ended', { offers: resumed.length });
  return { resumedOffers: resumed.length };
}

/** Runs the maintenance now, then every `intervalMs` (default 1 h) until stopped; failures are logged and retried next time. */
export function startMaintenanceLoop(deps: { db: Kysely<Database>; clock: () => Date; logger: Logger; intervalMs?: number }) {
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
