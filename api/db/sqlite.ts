/**
 * Node-only: opens the SQLite file behind Kysely (WAL, foreign keys on). Imported by server.ts,
 * the CLI and tests, never by the Workers build.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';

export interface SqliteHandle {
  db: Kysely<Database>;
  /** The driver, for the embedded search engine (FTS5) and closing. */
  raw: BetterSqlite3.Database;
}

/** Prepared statements kept per connection (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The driver as Kysely sees it, with its statements prepared once per SQL text: Kysely prepares
 * every query it runs, and preparing costs more than running most of ours (a search's commune
 * lookup, the index generation check, a reindex's rows). A statement still being iterated
 * (Kysely's stream) is busy: the same SQL then gets a statement of its own. SQLite re-prepares a
 * statement by itself when the schema changes under it.
 */
export function withStatementCache(raw: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      const known = statements.get(sql);
      if (known && !known.busy) {
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = raw.prepare(sql);
      if (!known) {
        statements.set(sql, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

export function openSqlite(path: string): SqliteHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw };
}
