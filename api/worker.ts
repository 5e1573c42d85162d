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
import { outboxMailer } from './mail/mailer.ts';
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

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    const db = d1Database(env.DB);
    const config = loadConfig(stringVariables(env));
    const app = createApp({ db, config, clock: () => new Date(), logger, runtime: 'workers', search: workerSearch(config) });
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
    // No SMTP client on Workers: mails wait in the outbox table (see README, Cloudflare Workers).
    await runMaintenance({ db, clock, logger, mailer: outboxMailer(db, clock), config });
  },
};
