/**
 * Cloudflare Workers entry: the same createApp on D1 (through kysely-d1). Migrations are applied by
 * `wrangler d1 migrations apply` from the SQL files that `npm run cli -- d1:migrations` writes.
 * Territories and catalogue data are loaded into D1 by import (see README).
 */
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { createApp, type Logger } from './app.ts';
import { loadConfig, type AppConfig, type EnvRecord } from './config.ts';
import { d1Database } from './db/d1.ts';
import { drainSearchOutbox } from './jobs/search-outbox.ts';
import { runMaintenance } from './jobs/maintenance.ts';
import { devOutboxMailer, type Mailer } from './mail/mailer.ts';
import { drainMailOutbox } from './jobs/mail-outbox.ts';
import { cloudflareClientAddress } from './auth/client-address.ts';
import { createSearchService, MEILI_INDEX_UID, type SearchService } from '../search/service.ts';
import { createMeilisearchIndex } from '../search/meilisearch/index.ts';
import { unavailableSearchIndex } from '../search/unavailable.ts';

export interface WorkerEnv {
  DB: D1Database;
  [variable: string]: unknown;
}

const logger: Logger = {
  info: (message, meta) => console.log(message, meta ?? {}),
  error: (message, meta) => console.error(message, meta ?? {}),
};

function stringVariables(env: WorkerEnv): EnvRecord {
  const vars: EnvRecord = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === 'string') vars[key] = value;
  return vars;
}

/** Workers search through Meilisearch over HTTP; the embedded SQLite engine needs the Node driver. */
function workerSearch(config: AppConfig): SearchService {
  if (config.searchEngine === 'meilisearch' && config.meiliUrl) {
    return createSearchService({
      primary: createMeilisearchIndex({
        url: config.meiliUrl,
        apiKey: config.meiliMasterKey ?? '',
        indexUid: MEILI_INDEX_UID,
        searchTimeoutMs: config.meiliSearchTimeoutMs,
        healthTimeoutMs: config.meiliHealthTimeoutMs,
      }),
    });
  }
  return createSearchService({
    primary: unavailableSearchIndex('sqlite', 'Sur Workers, la recherche passe par Meilisearch : définissez SEARCH_ENGINE=meilisearch et MEILI_URL.'),
  });
}

/**
 * Workers have no SMTP client: outside production, mails are "delivered" to the development outbox
 * (the table itself); in production they wait in mail_outbox for an HTTP relay behind the Mailer
 * port (not built yet). Reserved (fictitious) addresses are settled either way.
 */
function workerMailer(config: AppConfig): Mailer | null {
  return config.production ? null : devOutboxMailer;
}

async function drainMails(db: ReturnType<typeof d1Database>, config: AppConfig): Promise<void> {
  const r = await drainMailOutbox(db, workerMailer(config), { now: new Date(), dropBodies: config.production });
  if (r.retrying || r.failed) logger.error('mail: delivery failed', { retrying: r.retrying, failed: r.failed, error: r.error });
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    const db = d1Database(env.DB);
    const config = loadConfig(stringVariables(env));
    // After the response, the request's mails are delivered (waitUntil); the cron catches up on the rest.
    const mailQueued = () => ctx.waitUntil(drainMails(db, config).catch((error) => logger.error('mail: drain failed', { error: String(error) })));
    // On Workers, Cloudflare sets cf-connecting-ip itself: a client cannot forge it there.
    const app = createApp({ db, config, clock: () => new Date(), logger, runtime: 'workers', search: workerSearch(config), mailQueued, clientAddress: cloudflareClientAddress });
    return app.fetch(request, env, ctx);
  },

  /**
   * Cron trigger (wrangler.toml): a Worker has no background loop, so this is where the search outbox
   * reaches Meilisearch and where time-driven changes happen (ended suspensions, orientation
   * reminders and expiry, anonymisation, the monthly freshness digest).
   */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, _ctx: ExecutionContext): Promise<void> {
    const db = d1Database(env.DB);
    const config = loadConfig(stringVariables(env));
    const search = workerSearch(config);
    const clock = () => new Date();
    if (config.searchEngine === 'meilisearch' && config.meiliUrl) {
      const result = await drainSearchOutbox(db, search.targets, { now: clock() });
      if (result.failed) logger.error('search outbox: push failed, will retry', { failed: result.failed, error: result.error });
    }
    await runMaintenance({ db, clock, logger, config });
    await drainMails(db, config);
  },
};
