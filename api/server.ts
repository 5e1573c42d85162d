/** Node entry: SQLite file, bootstrap (migrations, territories, demo), then the API and the web app. */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { loadConfig } from './config.ts';
import { openSqlite } from './db/sqlite.ts';
import { createApp, type Logger } from './app.ts';
import { bootstrap } from '../seed/bootstrap.ts';
import { defaultGeoDir } from '../seed/paths.ts';
import { homePage } from './home.ts';

const config = loadConfig(process.env, { geoDir: defaultGeoDir() });
const logger: Logger = {
  info: (message, meta) => console.log(message, meta ? JSON.stringify(meta) : ''),
  error: (message, meta) => console.error(message, meta ? JSON.stringify(meta) : ''),
};

const { db } = openSqlite(config.databasePath);
await bootstrap(db, config, { now: new Date(), log: (line) => console.log(line) });

const root = new Hono();
root.route('/', createApp({ db, config, clock: () => new Date(), logger, runtime: 'node' }));
const webDist = new URL('../web/dist', import.meta.url).pathname;
if (existsSync(webDist)) {
  root.use('/*', serveStatic({ root: webDist }));
  root.get('*', serveStatic({ path: `${webDist}/index.html` }));
} else {
  root.get('/', (c) => c.html(homePage(config)));
}

const server = serve({ fetch: root.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  console.log(`Offre d'insertion : http://localhost:${info.port}/ (API sous /api, base ${config.databasePath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void db.destroy().then(() => process.exit(0));
  });
}
