/**
 * createApp(deps): the whole HTTP API as a Hono app, built from injected dependencies only
 * (no module-level state), so Node, Workers and tests each build their own.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
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
import { searchRoutes } from './routes/search.ts';
import { matchRoutes } from './routes/match.ts';
import { reportsRoutes } from './routes/reports.ts';
import { configRoutes } from './routes/config.ts';
import { openingHoursRoutes } from './routes/opening-hours.ts';
import { coverageRoutes } from './routes/coverage.ts';
import type { SearchService } from '../search/service.ts';
import { authRoutes } from './routes/auth.ts';
import { adminRoutes } from './routes/admin.ts';
import { devOutboxApiRoutes, devOutboxPageRoutes } from './routes/dev.ts';
import { authMiddleware } from './auth/middleware.ts';
import { clientAddressFor } from './auth/client-address.ts';
import { createGeocoder, type Geocoder } from './clients/geocoder.ts';
import { createRechercheEntreprisesClient, type EstablishmentDirectory } from './clients/recherche-entreprises.ts';
import { offerEditingRoutes } from './routes/offer-editing.ts';
import { structureEditingRoutes } from './routes/structure-editing.ts';
import { onboardingRoutes } from './routes/onboarding.ts';
import { membersRoutes } from './routes/members.ts';
import { moderationRoutes } from './routes/moderation.ts';
import { freshnessRoutes } from './routes/freshness.ts';
import { indicatorsRoutes } from './routes/indicators.ts';
import { orientationsRoutes } from './routes/orientations.ts';
import { offerCapacityRoutes } from './routes/offer-capacity.ts';
import { freshnessCampaignRoutes } from './routes/freshness-campaigns.ts';

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
  /** Search engine(s): SQLite FTS5 by default, Meilisearch with a SQLite fallback (search/service.ts). */
  search: SearchService;
  /**
   * Called after mails were queued in `mail_outbox` (every mail is queued with its change): wakes the
   * mail drain (jobs/mail-outbox.ts). Without it, the drain's next periodic pass sends them.
   */
  mailQueued?: () => void;
  /**
   * The peer address of the connection itself (never a header): the development outbox answers
   * loopback peers only. Node: the socket's; absent (Workers), the outbox is not served.
   */
  socketAddress?: (c: Context) => string | null;
  /**
   * Called after every successful write request (its transaction committed): the Node server wakes
   * its search outbox drain, so an edit is searchable at once rather than at the next tick. Absent
   * on Workers (the cron trigger drains) and in tests that drain by hand.
   */
  searchSync?: () => void;
  /** The client's IP for per-IP limits (hashed before use); default: the headers TRUST_PROXY trusts, else none. */
  clientAddress?: (c: Context) => string | null;
  /** The national address geocoder (addresses of edited offers and structures); default: Géoplateforme over fetch. */
  geocoder?: Geocoder;
  /** The SIRENE directory for onboarding; default: recherche-entreprises.api.gouv.fr over fetch. */
  establishments?: EstablishmentDirectory;
}

/** AppDeps with the optional services resolved to their defaults: what the editing routers take. */
export type ServiceDeps = AppDeps & Required<Pick<AppDeps, 'geocoder' | 'establishments'>>;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After a successful write request, `sync()`: any write may have queued offers for the search index
 * (offers, structures, moderation, places, imports...), and this way none can be forgotten; a write
 * that queued nothing costs one empty outbox read, coalesced with others by the drain loop.
 */
function searchSyncAfterWrites(sync: () => void): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!READS.has(c.req.method) && c.res.status < 400) sync();
  };
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

  const clientAddress = deps.clientAddress ?? clientAddressFor(deps.config.trustProxy);
  const services: ServiceDeps = {
    ...deps,
    geocoder: deps.geocoder ?? createGeocoder(),
    establishments: deps.establishments ?? createRechercheEntreprisesClient(),
  };
  const api = new Hono();
  if (deps.searchSync) api.use('*', searchSyncAfterWrites(deps.searchSync));
  api.use('*', authMiddleware(deps));
  api.route('/', authRoutes({ ...deps, clientAddress }));
  api.route('/', adminRoutes(deps));
  if (!deps.config.production) {
    api.route('/', devOutboxApiRoutes(deps));
    app.route('/', devOutboxPageRoutes(deps));
  }
  api.route('/', healthRoutes(deps));
  api.route('/', referentialsRoutes());
  api.route('/', offersRoutes(deps));
  api.route('/', structuresRoutes(deps));
  api.route('/', offerEditingRoutes(services));
  api.route('/', structureEditingRoutes(services));
  api.route('/', onboardingRoutes(services));
  api.route('/', membersRoutes(services));
  api.route('/', moderationRoutes(services));
  api.route('/', freshnessRoutes(deps));
  api.route('/', indicatorsRoutes(deps));
  api.route('/', orientationsRoutes(services));
  api.route('/', offerCapacityRoutes(services));
  api.route('/', freshnessCampaignRoutes(services));
  api.route('/', territoriesRoutes(deps));
  api.route('/', exchangeRoutes(deps));
  api.route('/', searchRoutes(deps));
  api.route('/', matchRoutes(deps));
  api.route('/', reportsRoutes({ ...deps, clientAddress }));
  api.route('/', configRoutes(deps));
  api.route('/', openingHoursRoutes(deps));
  api.route('/', coverageRoutes(deps));
  app.route('/api', api);
  return app;
}
