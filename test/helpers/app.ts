/** The whole API on a temporary SQLite file, with a fixed clock and a silent logger. */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp, type Logger } from '../../api/app.ts';
import { loadConfig, type AppConfig } from '../../api/config.ts';
import type { Database } from '../../api/db/schema.ts';
import { createTestDb } from './db.ts';
import { TEST_PASSWORD_ITERATIONS } from './auth.ts';
import type { SearchService } from '../../search/service.ts';
import { createNodeSearchService } from '../../search/node.ts';
import { drainSearchOutbox, startSearchOutboxLoop, type DrainResult } from '../../api/jobs/search-outbox.ts';
import type { Geocoder } from '../../api/clients/geocoder.ts';
import type { EstablishmentDirectory } from '../../api/clients/recherche-entreprises.ts';
import { devOutboxMailer, type Mailer } from '../../api/mail/mailer.ts';
import { drainMailOutbox, startMailOutboxLoop, type MailDrainResult, type MailLoop } from '../../api/jobs/mail-outbox.ts';
import type { ClientAddress } from '../../api/auth/client-address.ts';
import { runMaintenance, type MaintenanceReport } from '../../api/jobs/maintenance.ts';
import { testEstablishments, testGeocoder } from './public-apis.ts';

export interface TestApp {
  app: Hono;
  db: Kysely<Database>;
  /** The SQLite file, for what opens it on its own (CLI commands). */
  path: string;
  now: Date;
  /** The app's search service (by default the real SQLite engine on the test database). */
  search: SearchService;
  config: AppConfig;
  /** What delivers the queued mails (the development outbox unless one was given). */
  mailer: Mailer;
  /** Delivers the due queued mails now, as the server's drain would (with the real time, or as if at `at`). */
  deliverMails(at?: Date): Promise<MailDrainResult>;
  /** Pushes every due outbox row to the search indexes (what the server's loop does), until none is due. */
  drain(): Promise<DrainResult>;
  /** Runs the maintenance tasks as the server's hourly loop would, at `at` (default: the app's clock). */
  maintain(at?: Date): Promise<MaintenanceReport>;
  close(): Promise<void>;
}

export const TEST_NOW = new Date('2026-06-15T10:00:00Z');

export const silentLogger: Logger = { error() {}, info() {} };

export async function createTestApp(
  options: {
    territories?: boolean;
    now?: Date;
    config?: Partial<AppConfig>;
    clock?: () => Date;
    /** Another search service; default: built from the config like the server does (SQLite engine unless SEARCH_ENGINE says otherwise). */
    search?: SearchService;
    logger?: Logger;
    /** Default: the msw geocoder handlers (test/mocks/geocoder.ts) through an injected fetch. */
    geocoder?: Geocoder;
    /** Default: the msw recherche-entreprises handlers (test/mocks/recherche-entreprises.ts). */
    establishments?: EstablishmentDirectory;
    /**
     * A mailer (SMTP to a sink): then a mail drain loop runs as in the server, woken by each write.
     * Without one, queued mails stay pending until `deliverMails()` (the dev outbox lists them anyway).
     */
    mailer?: Mailer;
    /** How the app finds the client's IP; default: from the config's TRUST_PROXY setting, without a socket (app.request has none). */
    clientAddress?: ClientAddress;
    /** The connection's peer address the app sees (default loopback, as a developer's browser). */
    socketAddress?: string | null;
    /**
     * Run the server's outbox drain loop (a tick every 1,000 s: only writes wake it) and give the app
     * its searchSync, as api/server.ts does; default: none, tests drain by hand (drain()).
     */
    outboxLoop?: boolean;
  } = {},
): Promise<TestApp> {
  const t = await createTestDb({ territories: options.territories ?? false });
  const now = options.now ?? TEST_NOW;
  const config = { ...loadConfig({}), passwordIterations: TEST_PASSWORD_ITERATIONS, ...options.config };
  const clock = options.clock ?? (() => new Date(now));
  const logger = options.logger ?? silentLogger;
  const mailer = options.mailer ?? devOutboxMailer;
  const loop: MailLoop | null = options.mailer ? startMailOutboxLoop({ db: t.db, mailer, clock, logger, intervalMs: 200 }) : null;
  const mailQueued = loop ? loop.wake : undefined;
  const search = options.search ?? (await createNodeSearchService(config, t.db, { logger, clock, requestTimeoutMs: 2_000 }));
  const searchLoop = options.outboxLoop ? startSearchOutboxLoop({ db: t.db, targets: search.targets, clock, logger, intervalMs: 1_000_000 }) : null;
  const app = createApp({
    ...(searchLoop ? { searchSync: () => searchLoop.wake() } : {}),
    db: t.db,
    // Few PBKDF2 iterations, for speed only (test/unit/password.test.ts checks the real default).
    config,
    clock,
    logger,
    runtime: 'node',
    search,
    geocoder: options.geocoder ?? testGeocoder(),
    establishments: options.establishments ?? testEstablishments(),
    mailQueued,
    socketAddress: () => (options.socketAddress === undefined ? '127.0.0.1' : options.socketAddress),
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
  });
  const drain = async (): Promise<DrainResult> => {
    const total: DrainResult = { done: 0, failed: 0, upserted: 0, removed: 0 };
    for (;;) {
      // Outbox rows are stamped with the writes' clock or the real time: take those due by either, so none is
      // "in the future"; documents are built at the app's clock (overdue is judged at that instant).
      const dueBy = new Date(Math.max(clock().getTime(), Date.now()));
      const r = await drainSearchOutbox(t.db, search.targets, { now: clock(), dueBy, batch: 1_000 });
      total.done += r.done;
      total.failed += r.failed;
      total.upserted += r.upserted;
      total.removed += r.removed;
      if (r.error) total.error ??= r.error;
      if (r.done + r.failed < 1_000) return total;
    }
  };
  const maintain = (at?: Date) => runMaintenance({ db: t.db, clock: at ? () => at : clock, logger, config, mailQueued });
  const deliverMails = (at?: Date) => (loop ? loop.drainNow(at) : drainMailOutbox(t.db, mailer, { now: at ?? new Date(Math.max(clock().getTime(), Date.now())) }));
  const close = async () => {
    await loop?.stop();
    await searchLoop?.stop();
    await t.close();
  };
  return { app, db: t.db, path: t.path, now, search, config, mailer, deliverMails, drain, maintain, close };
}
