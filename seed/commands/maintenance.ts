/**
 * `npm run cli -- maintenance [--now <ISO date>]`: runs the maintenance job once (suspensions that
 * ended, orientation reminders and expiry, anonymisation and purges, the monthly digest), as the
 * server does hourly. `--now` sets the job's clock (what "today" is), for operators and tests. Mails
 * are queued: the running server's drain sends them (SMTP_URL), else they wait on /dev/outbox.
 */
import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { runMaintenance } from '../../api/jobs/maintenance.ts';

export const summary = 'lance une fois la maintenance (relances, expirations, effacements, suspensions finies, lettre mensuelle) ; --now <date ISO> fixe l’horloge';

const USAGE = 'Usage : npm run cli -- maintenance [--now <date ISO, ex. 2026-07-01T08:00:00Z>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let now = new Date();
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--now' && args[i + 1]) {
      now = new Date(args[++i]!);
      if (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(args[i]!)) {
        ctx.err(`Date invalide : « ${args[i]} ». ${USAGE}`);
        return 2;
      }
    } else {
      ctx.err(USAGE);
      return 2;
    }
  }
  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    const report = await runMaintenance({
      db,
      clock: () => now,
      config: ctx.config,
      logger: { info: () => {}, error: (m, meta) => ctx.err(`${m} ${meta ? JSON.stringify(meta) : ''}`) },
    });
    const retention = Object.entries(report.retention ?? {}).map(([task, n]) => `${task} ${n}`).join(', ');
    ctx.out(`Maintenance au ${now.toISOString()} :`);
    ctx.out(`  offres reprises après suspension : ${report.resumedOffers}`);
    ctx.out(`  offres réindexées (session terminée) : ${report.reindexedOffers}`);
    ctx.out(`  orientations relancées : ${report.remindedOrientations}, expirées : ${report.expiredOrientations}`);
    ctx.out(`  effacements : ${retention || 'aucun'}`);
    ctx.out(`  lettres de fraîcheur mises en file : ${report.digests}`);
    if (report.failed.length) ctx.err(`Tâches en échec : ${report.failed.join(', ')}`);
    return report.failed.length ? 1 : 0;
  } finally {
    await db.destroy();
  }
}
