/**
 * Accounts with roles for the browser tests, written into the running server's SQLite file as the
 * CLI (`user:create`, `user:grant`) would: a coordinator cannot sign up through the app.
 */
import { openSqlite } from '../../api/db/sqlite.ts';
import { insertUser } from '../../api/db/users.ts';
import { grantCoordinator } from '../../api/db/roles.ts';
import { hashPassword } from '../../api/auth/password.ts';
import { TEST_PASSWORD_ITERATIONS } from '../helpers/auth.ts';

export async function createCoordinator(databasePath: string, account: { email: string; name: string; password: string; departements: string[] }): Promise<void> {
  const { db } = openSqlite(databasePath);
  try {
    const now = new Date();
    // Few PBKDF2 iterations for speed: the hash records its count, so login checks it as stored.
    const id = await insertUser(db, { email: account.email, name: account.name, password: await hashPassword(account.password, TEST_PASSWORD_ITERATIONS), verified: true, admin: false }, now);
    if (!id) throw new Error(`${account.email} already exists`);
    await grantCoordinator(db, id, account.departements, now);
  } finally {
    await db.destroy();
  }
}
