/** GET /api/health — liveness plus what a deployment check needs to see. */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../app.ts';
import { countOffers } from '../db/offers.ts';
import { outboxStats } from '../db/search-outbox.ts';

export function healthRoutes(deps: AppDeps) {
  const app = new Hono();
  app.get('/health', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      const communes = await deps.db.selectFrom('communes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const search = await deps.search.health();
      return c.json({
        // Up, but searching from the SQLite fallback (or not at all) while the configured engine is down.
        status: search.ok ? 'ok' : 'degraded',
        database: 'ok',
        runtime: deps.runtime,
        offers: await countOffers(deps.db),
        communes: Number(communes.n),
        // The engine and how far the search index lags behind the catalogue (DESIGN §5, issue 3).
        search,
        outbox: await outboxStats(deps.db, deps.clock()),
        time: deps.clock().toISOString(),
      });
    } catch {
      return c.json({ status: 'error', database: 'indisponible' }, 503);
    }
  });
  return app;
}
