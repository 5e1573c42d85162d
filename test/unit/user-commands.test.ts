/** CLI user:create and user:grant: a fresh install gets its first admin and coordinators, printing nothing secret. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { verifyPassword } from '../../api/auth/password.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { run as createUser } from '../../seed/commands/user-create.ts';
import { run as grant } from '../../seed/commands/user-grant.ts';
import type { CliContext } from '../../seed/cli.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { TEST_PASSWORD_ITERATIONS } from '../helpers/auth.ts';
import { aStructure } from '../fixtures/catalogue.ts';

let t: TestDb;
let out: string[];
let err: string[];
let ctx: CliContext;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  delete process.env.USER_PASSWORD;
  delete process.env.ADMIN_SECRET;
});

function freshContext() {
  out = [];
  err = [];
  ctx = {
    config: { ...loadConfig({}), databasePath: t.path, passwordIterations: TEST_PASSWORD_ITERATIONS },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
}

const user = (email: string) => t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

describe('user:create', () => {
  it('creates a verified admin with the password from an environment variable, and prints no secret', async () => {
    freshContext();
    process.env.ADMIN_SECRET = 'secret de première installation';
    const code = await createUser(['--email', 'Admin@Departement47.fr', '--name', 'Admin 47', '--admin', '--password-env', 'ADMIN_SECRET'], ctx);
    expect(code).toBe(0);
    const row = await user('admin@departement47.fr');
    expect(row).toMatchObject({ name: 'Admin 47', is_admin: 1, email_verified_at: expect.any(String) });
    expect(await verifyPassword('secret de première installation', { hash: row!.password_hash, salt: row!.password_salt, iterations: row!.password_iterations })).toBe(true);
    expect(out.join('\n')).toBe('Compte créé : admin@departement47.fr (administrateur).');
    expect([...out, ...err].join('\n')).not.toContain('secret');
  });

  it('without a password, mails a link to choose one and prints neither the link nor its token', async () => {
    freshContext();
    expect(await createUser(['--email', 'coord@departement47.fr', '--name', 'Coordination 47'], ctx)).toBe(0);
    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', 'coord@departement47.fr').executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text)![1]!;
    expect(out.join('\n')).toMatch(/un lien pour le choisir a été envoyé/);
    expect(out.join('\n')).not.toContain(token);
    expect((await user('coord@departement47.fr'))!.is_admin).toBe(0);
  });

  it('refuses an existing email, a weak password and missing arguments, writing nothing', async () => {
    freshContext();
    expect(await createUser(['--email', 'admin@departement47.fr', '--name', 'Encore'], ctx)).toBe(1);
    expect(err.join('\n')).toMatch(/Un compte utilise déjà/);
    process.env.USER_PASSWORD = 'court';
    freshContext();
    expect(await createUser(['--email', 'faible@exemple.fr', '--name', 'Faible'], ctx)).toBe(1);
    expect(err[0]).toBe('Mot de passe de USER_PASSWORD refusé : Le mot de passe doit contenir au moins 12 caractères.');
    expect(await user('faible@exemple.fr')).toBeUndefined();
    freshContext();
    expect(await createUser(['--name', 'Sans adresse'], ctx)).toBe(2);
    expect(await createUser(['--email', 'x@exemple.fr', '--password', 'en clair'], ctx)).toBe(2);
  });
});

describe('user:grant', () => {
  it('grants coordinator départements and a structure membership', async () => {
    const structureId = await upsertStructureBySource(t.db, aStructure({ name: 'Garage solidaire' }), new Date());
    freshContext();
    expect(await grant(['--email', 'coord@departement47.fr', '--coordinator', '47, 2a', '--structure', structureId, '--role', 'admin'], ctx)).toBe(0);
    const row = await user('coord@departement47.fr');
    const scopes = await t.db.selectFrom('coordinator_scopes').select('departement_code').where('user_id', '=', row!.id).orderBy('departement_code').execute();
    expect(scopes.map((s) => s.departement_code)).toEqual(['2A', '47']);
    const memberships = await t.db.selectFrom('memberships').selectAll().where('user_id', '=', row!.id).execute();
    expect(memberships).toMatchObject([{ structure_id: structureId, role: 'admin' }]);
    // The structure's history says who was given a role there, by an operator (no author).
    const audit = await t.db.selectFrom('audit_log').selectAll().where('structure_id', '=', structureId).execute();
    expect(audit).toMatchObject([{ entity: 'structure', entity_id: structureId, action: 'member_added', actor_user_id: null }]);
    expect(JSON.parse(audit[0]!.changes)).toEqual({ member: [null, row!.name], role: [null, 'admin'] });
    expect(out).toContain('  coordination : 2A, 47');
    expect(out).toContain('  structures : Garage solidaire (administration)');
  });

  it('makes an admin, and refuses unknown accounts, structures and département codes', async () => {
    freshContext();
    expect(await grant(['--email', 'coord@departement47.fr', '--admin'], ctx)).toBe(0);
    expect((await user('coord@departement47.fr'))!.is_admin).toBe(1);
    freshContext();
    expect(await grant(['--email', 'personne@exemple.fr', '--admin'], ctx)).toBe(1);
    expect(await grant(['--email', 'coord@departement47.fr', '--structure', 'inconnue'], ctx)).toBe(1);
    expect(await grant(['--email', 'coord@departement47.fr', '--coordinator', '20,47'], ctx)).toBe(2);
    expect(err.join('\n')).toMatch(/Code\(s\) département inconnu\(s\) : 20/);
    expect(await grant(['--email', 'coord@departement47.fr'], ctx)).toBe(2);
  });
});
