/**
 * Kysely on Cloudflare D1. kysely-d1 refuses transactions (D1 has no interactive transactions: a
 * Worker cannot hold BEGIN … COMMIT across awaits), and every unit of work of the editing layer runs
 * in `db.transaction()`. On D1 a unit of work therefore runs its statements one after the other.
 *
 * What this keeps: every check (validation, permissions, conflicts) runs before the first write, so bad
 * input still writes nothing. What it loses: atomicity when D1 itself fails between two statements of
 * one unit of work (e.g. an offer written, its audit row not). SQLite on Node keeps real transactions.
 */
import { Kysely, type DatabaseConnection, type Driver } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { D1Database } from '@cloudflare/workers-types';
import type { Database } from './schema.ts';

class D1SequentialDialect extends D1Dialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    return {
      init: () => driver.init(),
      acquireConnection: () => driver.acquireConnection(),
      releaseConnection: (connection: DatabaseConnection) => driver.releaseConnection(connection),
      destroy: () => driver.destroy(),
      // The statements of a unit of work run as they come (see above).
      beginTransaction: async () => {},
      commitTransaction: async () => {},
      rollbackTransaction: async () => {},
    };
  }
}

export function d1Database(database: D1Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new D1SequentialDialect({ database: database as never }) });
}
