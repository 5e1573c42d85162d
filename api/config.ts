/** Configuration from environment variables, with defaults that run offline. Web-standard: takes a plain record. */
import { PASSWORD_ITERATIONS } from './auth/password.ts';

export interface AppConfig {
  port: number;
  /** Interface `npm start` listens on: this machine only (127.0.0.1) unless HOST says otherwise or in production. */
  host: string;
  databasePath: string;
  searchEngine: 'sqlite' | 'meilisearch';
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  /** How long a search waits for Meilisearch before answering from the SQLite index (MEILI_SEARCH_TIMEOUT_MS, default 2,000). */
  meiliSearchTimeoutMs: number;
  /** How long /api/health waits for each Meilisearch check (MEILI_HEALTH_TIMEOUT_MS, default 1,000). */
  meiliHealthTimeoutMs: number;
  publicBaseUrl: string;
  /** Load the demo catalogue on first start (DEMO != "0"). */
  demo: boolean;
  /** Directory with communes-centres.json, communes-NN.geojson and departements.geojson; null = use geo.api.gouv.fr. */
  geoDir: string | null;
  /** Outgoing mail server (smtp://user:pass@host:587, smtps://...); null = the mail outbox table. */
  smtpUrl: string | null;
  /** The From of every mail. */
  mailFrom: string;
  /** Days after an orientation request closed before its beneficiary fields are anonymised. */
  orientationRetentionDays: number;
  sessionSecret: string | null;
  production: boolean;
  /** MapLibre style URL (raster or vector tiles) for the web app's maps; null = the offline basemap built from our contours. */
  mapStyleUrl: string | null;
  /**
   * Which request headers name the client for per-IP limits: `none` (the socket address only),
   * `cloudflare` (cf-connecting-ip), or the number of reverse proxies in front of the server (the
   * X-Forwarded-For entry that many places from the end). `x-forwarded-for` means 1.
   */
  trustProxy: TrustProxy;
  /** PBKDF2 iterations for new password hashes: never read from the environment; tests lower it for speed only. */
  passwordIterations: number;
}

export type TrustProxy = 'none' | 'cloudflare' | { forwardedHops: number };

export type EnvRecord = Record<string, string | undefined>;

export function loadConfig(env: EnvRecord, defaults: { geoDir?: string | null } = {}): AppConfig {
  const port = Number(env.PORT ?? 8787);
  const engine = env.SEARCH_ENGINE ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'meilisearch') {
    throw new Error(`SEARCH_ENGINE must be "sqlite" or "meilisearch" (got "${engine}")`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const retention = Number(env.ORIENTATION_RETENTION_DAYS ?? 180);
  if (!Number.isInteger(retention) || retention < 1 || retention > 3650) {
    throw new Error(`ORIENTATION_RETENTION_DAYS must be a whole number of days between 1 and 3650 (got "${env.ORIENTATION_RETENTION_DAYS}")`);
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const meiliSearchTimeoutMs = milliseconds(env, 'MEILI_SEARCH_TIMEOUT_MS', 2_000);
  const meiliHealthTimeoutMs = milliseconds(env, 'MEILI_HEALTH_TIMEOUT_MS', 1_000);
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    databasePath: env.DATABASE_PATH ?? './data/insertion.sqlite',
    searchEngine: engine,
    meiliUrl: env.MEILI_URL ?? null,
    meiliMasterKey: env.MEILI_MASTER_KEY ?? null,
    meiliSearchTimeoutMs,
    meiliHealthTimeoutMs,
    publicBaseUrl,
    demo: env.DEMO !== '0',
    geoDir: env.GEO_DIR ?? defaults.geoDir ?? null,
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM?.trim() || `"Offre locale d'insertion" <ne-pas-repondre@${mailDomain(publicBaseUrl)}>`,
    orientationRetentionDays: retention,
    sessionSecret: env.SESSION_SECRET ?? null,
    production,
    mapStyleUrl: env.MAP_STYLE_URL?.trim() || null,
    trustProxy,
    passwordIterations: PASSWORD_ITERATIONS,
  };
}

/** TRUST_PROXY: unset or `none`, `cloudflare`, `x-forwarded-for` (one proxy), or a number of proxies (1 to 10). */
function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim().toLowerCase() ?? '';
  if (v === '' || v === 'none' || v === '0') return 'none';
  if (v === 'cloudflare') return 'cloudflare';
  if (v === 'x-forwarded-for') return { forwardedHops: 1 };
  const hops = Number(v);
  if (/^\d+$/.test(v) && hops >= 1 && hops <= 10) return { forwardedHops: hops };
  throw new Error(`TRUST_PROXY must be "none", "cloudflare", "x-forwarded-for" or a number of proxies from 1 to 10 (got "${value}")`);
}

/** A whole number of milliseconds from 1 to 60,000, or the default when unset. */
function milliseconds(env: EnvRecord, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1 || ms > 60_000) throw new Error(`${name} must be a whole number of milliseconds between 1 and 60000 (got "${raw}")`);
  return ms;
}

/** The host of the public URL, for the default sender address ("localhost" when unreadable). */
function mailDomain(publicBaseUrl: string): string {
  try {
    return new URL(publicBaseUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}
