/**
 * createApp(deps): the whole HTTP API as a Hono app, built from injected dependencies only
 * (no module-level state), so Node, Workers and tests each build their own.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { AppConfig } from './config.ts';
import { HttpProblem, problem } from './http/problem.ts';
import { healthRoutes } from './routes/health.ts';
import { referentialsRoutes } from './routes/referentials.ts';
import { offersRoutes } from './routes/offers.ts';
import { structuresRoutes } from './routes/structures.ts';
import { territoriesRoutes } from './routes/territories.ts';
import { exchangeRoutes } from './routes/exchange.ts';

export interface Logger {
  error(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
}

export interface AppDeps {
  db: Kysely<Database>;
  config: AppConfig;
  clock: () => Date;
  logger: Logger;
  /** "node" or "workers", reported by /api/health. */
  runtime: 'node' | 'workers';
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problem(c, err.status, err.title, err.detail, err.errors);
    if (err instanceof HTTPException) return problem(c, err.status, err.message || 'Requête refusée');
    // Log the route and the error only: never bodies or query strings (they may hold personal data).
    deps.logger.error('unhandled error', { method: c.req.method, route: c.req.routePath, error: String(err) });
    return problem(c, 500, 'Erreur interne', 'Une erreur inattendue est survenue. Réessayez dans un instant.');
  });
  app.notFound((c) => problem(c, 404, 'Introuvable', "Cette adresse ne correspond à aucune ressource de l'API."));

  const api = new Hono();
  api.route('/', healthRoutes(deps));
  api.route('/', referentialsRoutes());
  api.route('/', offersRoutes(deps));
  api.route('/', structuresRoutes(deps));
  api.route('/', territoriesRoutes(deps));
  api.route('/', exchangeRoutes(deps));
  app.route('/api', api);
  return app;
}
