/**
 * Node-only: opens the SQLite file behind Kysely (WAL, foreign keys on). Imported by server.ts,
 * the CLI and tests, never by the Workers build.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export interface SqliteHandle {
  db: Kysely<Database>;
  /** The driver, for the embedded search engine (FTS5) and closing. */
  raw: BetterSqlite3.Database;
}

export function openSqlite(path: string): SqliteHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, raw };
}
