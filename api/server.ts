/** Node entry: SQLite file, bootstrap (migrations, territories, demo), then the API and the web app. */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { loadConfig } from './config.ts';
import { openSqlite } from './db/sqlite.ts';
import { createApp, type Logger } from './app.ts';
import { bootstrap } from '../seed/bootstrap.ts';
import { defaultGeoDir } from '../seed/paths.ts';
import { homePage } from './home.ts';
import { clientAddressFor } from './auth/client-address.ts';
import { createNodeSearchService } from '../search/node.ts';
import { reindexEmptyTargets } from '../search/sync/reindex.ts';
import { startSearchOutboxLoop } from './jobs/search-outbox.ts';
import { startMaintenanceLoop } from './jobs/maintenance.ts';
import { problem } from './http/problem.ts';
import { ensureWebBuild, WEB_DIST } from '../web/scripts/ensure-build.ts';
import { devOutboxMailer } from './mail/mailer.ts';
import { startMailOutboxLoop } from './jobs/mail-outbox.ts';
import { smtpMailer } from './mail/smtp.ts';

const config = loadConfig(process.env, { geoDir: defaultGeoDir() });
const logger: Logger = {
  info: (message, meta) => console.log(message, meta ? JSON.stringify(meta) : ''),
  error: (message, meta) => console.error(message, meta ? JSON.stringify(meta) : ''),
};

const { db } = openSqlite(config.databasePath);
try {
  await bootstrap(db, config, { now: new Date(), log: (line) => console.log(line) });
} catch (error) {
  // A start that cannot get its territories (no GEO_DIR, geo.api.gouv.fr unreachable) says why, in French, and stops.
  console.error(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Search: build the engine(s), fill an empty index from the catalogue, then drain what bootstrap
// enqueued and keep draining in the background (writes never wait for the engine).
const search = await createNodeSearchService(config, db, { logger });
const rebuilt = await reindexEmptyTargets(db, search.targets);
if (rebuilt.length) console.log(`Index de recherche reconstruit : ${rebuilt.join(', ')}`);
const outbox = startSearchOutboxLoop({ db, targets: search.targets, clock: () => new Date(), logger });
await outbox.drainDue();
// Mail: every mail is queued in mail_outbox with its change; this loop delivers them — through SMTP
// when SMTP_URL is set, else to the development outbox (/dev/outbox). In production without
// SMTP_URL they wait in the table. Woken after each write, and every few seconds (the CLI queues too).
const smtp = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
const mails = startMailOutboxLoop({
  db,
  mailer: smtp ?? (config.production ? null : devOutboxMailer),
  clock: () => new Date(),
  logger,
  // Once delivered, production keeps who and what subject, not the text (it may name the person).
  drain: { dropBodies: config.production },
});
// Time-driven changes (suspensions that ended, orientation reminders and expiry, anonymisation, the
// monthly freshness digest): at start, then hourly.
const maintenance = startMaintenanceLoop({ db, clock: () => new Date(), logger, config, mailQueued: mails.wake });

// The web app is built on first start (and after its sources change) unless WEB_BUILD=0.
const webReady = process.env.WEB_BUILD === '0' ? existsSync(`${WEB_DIST}/index.html`) : await ensureWebBuild((line) => console.log(line));

const root = new Hono();
root.use('*', compress());
root.route(
  '/',
  createApp({
    db,
    config,
    clock: () => new Date(),
    logger,
    runtime: 'node',
    search,
    // Every write wakes the outbox drain: an edit is searchable as soon as the engine took it.
    searchSync: () => outbox.wake(),
    mailQueued: mails.wake,
    // The socket names the client, unless TRUST_PROXY says which proxy headers to believe.
    clientAddress: clientAddressFor(config.trustProxy, (c) => getConnInfo(c).remote.address ?? null),
    socketAddress: (c) => getConnInfo(c).remote.address ?? null,
  }),
);
if (webReady) {
  // Hashed file names: assets never change under the same name.
  root.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  root.use('/*', serveStatic({ root: WEB_DIST }));
  // Any other page address is the app's (client-side routing); API and dev paths stay 404s.
  root.get('*', async (c, next) => {
    if (/^\/(api|dev)(\/|$)/.test(c.req.path)) {
      return problem(c, 404, 'Introuvable', "Cette adresse ne correspond à aucune ressource de l'API.");
    }
    c.header('cache-control', 'no-cache');
    return serveStatic({ path: `${WEB_DIST}/index.html` })(c, next);
  });
} else {
  root.get('/', (c) => c.html(homePage(config)));
}

const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Offre d'insertion : http://localhost:${info.port}/ (API sous /api, base ${config.databasePath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void Promise.all([outbox.stop(), maintenance.stop().then(() => mails.stop())])
      .then(() => smtp?.close())
      .then(() => db.destroy())
      .then(() => process.exit(0));
  });
}
