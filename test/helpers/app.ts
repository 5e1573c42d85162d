/** The whole API on a temporary SQLite file, with a fixed clock and a silent logger. */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp, type Logger } from '../../api/app.ts';
import { loadConfig, type AppConfig } from '../../api/config.ts';
import type { Database } from '../../api/db/schema.ts';
import { createTestDb } from './db.ts';

export interface TestApp {
  app: Hono;
  db: Kysely<Database>;
  now: Date;
  close(): Promise<void>;
}

export const TEST_NOW = new Date('2026-06-15T10:00:00Z');

export const silentLogger: Logger = { error() {}, info() {} };

export async function createTestApp(
  options: { territories?: boolean; now?: Date; config?: Partial<AppConfig> } = {},
): Promise<TestApp> {
  const t = await createTestDb({ territories: options.territories ?? false });
  const now = options.now ?? TEST_NOW;
  const app = createApp({
    db: t.db,
    config: { ...loadConfig({}), ...options.config },
    clock: () => new Date(now),
    logger: silentLogger,
    runtime: 'node',
  });
  return { app, db: t.db, now, close: () => t.close() };
}
