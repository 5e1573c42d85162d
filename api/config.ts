/** Configuration from environment variables, with defaults that run offline. Web-standard: takes a plain record. */
import { PASSWORD_ITERATIONS } from './auth/password.ts';

export interface AppConfig {
  port: number;
  databasePath: string;
  searchEngine: 'sqlite' | 'meilisearch';
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  publicBaseUrl: string;
  /** Load the demo catalogue on first start (DEMO != "0"). */
  demo: boolean;
  /** Directory with communes-centres.json, communes-NN.geojson and departements.geojson; null = use geo.api.gouv.fr. */
  geoDir: string | null;
  smtpUrl: string | null;
  sessionSecret: string | null;
  production: boolean;
  /** MapLibre style URL (raster or vector tiles) for the web app's maps; null = the offline basemap built from our contours. */
  mapStyleUrl: string | null;
  /** PBKDF2 iterations for new password hashes: never read from the environment; tests lower it for speed only. */
  passwordIterations: number;
}

export type EnvRecord = Record<string, string | undefined>;

export function loadConfig(env: EnvRecord, defaults: { geoDir?: string | null } = {}): AppConfig {
  const port = Number(env.PORT ?? 8787);
  const engine = env.SEARCH_ENGINE ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'meilisearch') {
    throw new Error(`SEARCH_ENGINE must be "sqlite" or "meilisearch" (got "${engine}")`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return {
    port,
    databasePath: env.DATABASE_PATH ?? './data/insertion.sqlite',
    searchEngine: engine,
    meiliUrl: env.MEILI_URL ?? null,
    meiliMasterKey: env.MEILI_MASTER_KEY ?? null,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    demo: env.DEMO !== '0',
    geoDir: env.GEO_DIR ?? defaults.geoDir ?? null,
    smtpUrl: env.SMTP_URL ?? null,
    sessionSecret: env.SESSION_SECRET ?? null,
    production: env.NODE_ENV === 'production',
    mapStyleUrl: env.MAP_STYLE_URL?.trim() || null,
    passwordIterations: PASSWORD_ITERATIONS,
  };
}
