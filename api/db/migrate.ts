import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

/**
 * Applies pending migrations. D1 has no interactive transactions, so the Workers entry passes
 * `transactions: false`; on SQLite each migration runs in its own transaction.
 */
export async function migrate(db: Kysely<any>, options: { transactions?: boolean } = {}): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const m of MIGRATIONS) {
    migrations[m.name] = {
      async up(trx) {
        for (const statement of m.statements) await sql.raw(statement).execute(trx);
      },
    };
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    disableTransactions: options.transactions === false,
    // Features are developed in parallel, each with its own reserved migration numbers, and may land
    // in any order: a database that already has 0007 must still accept 0006 when it arrives.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
