/** Users repository: accounts and their credentials. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from './schema.ts';
import { newId } from '../domain/ids.ts';

export type UserRow = Selectable<UserTable>;

export interface PasswordColumns {
  hash: string;
  salt: string;
  iterations: number;
}

/** The form every stored email takes: the unique index and every lookup agree on it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a user; returns undefined when the email is taken (a concurrent sign-up included). */
export async function insertUser(
  db: Kysely<Database>,
  input: { email: string; name: string; password: PasswordColumns; verified: boolean; admin?: boolean },
  now: Date,
): Promise<string | undefined> {
  const id = newId();
  const stamp = now.toISOString();
  const result = await db
    .insertInto('users')
    .values({
      id,
      email: normalizeEmail(input.email),
      name: input.name,
      password_hash: input.password.hash,
      password_salt: input.password.salt,
      password_iterations: input.password.iterations,
      email_verified_at: input.verified ? stamp : null,
      is_admin: input.admin ? 1 : 0,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; password?: PasswordColumns; verifiedAt?: string; admin?: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.password
        ? { password_hash: changes.password.hash, password_salt: changes.password.salt, password_iterations: changes.password.iterations }
        : {}),
      ...(changes.verifiedAt !== undefined ? { email_verified_at: changes.verifiedAt } : {}),
      ...(changes.admin !== undefined ? { is_admin: changes.admin ? 1 : 0 } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}
