/**
 * `user:grant --email ... [--admin] [--coordinator 47,40] [--structure <id> --role member|admin]`:
 * gives roles to an existing account (the same grants as POST /api/admin/coordinators and /memberships).
 */
import { parseArgs } from 'node:util';
import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { findUserByEmail, updateUser } from '../../api/db/users.ts';
import { coordinatorDepartements, grantCoordinator, membershipsOfUser } from '../../api/db/roles.ts';
import { addMember } from '../../api/db/membership-editing.ts';
import { getStructure } from '../../api/db/structures.ts';
import { isDepartementCode } from '../../api/domain/departement-code.ts';

export const summary = 'donne des rôles à un compte (--email, --admin, --coordinator 47,40, --structure <id> --role member|admin)';

const USAGE = 'Usage : npm run cli -- user:grant --email <adresse> [--admin] [--coordinator 47,40] [--structure <id> [--role member|admin]]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        admin: { type: 'boolean', default: false },
        coordinator: { type: 'string' },
        structure: { type: 'string' },
        role: { type: 'string', default: 'member' },
      },
    }));
  } catch (error) {
    ctx.err(`Argument invalide : ${error instanceof Error ? error.message : String(error)}`);
    ctx.err(USAGE);
    return 2;
  }
  const departements = (values.coordinator ?? '')
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  const problems: string[] = [];
  if (!values.email) problems.push('Adresse électronique manquante (--email).');
  const unknown = departements.filter((code) => !isDepartementCode(code));
  if (unknown.length) problems.push(`Code(s) département inconnu(s) : ${unknown.join(', ')}.`);
  if (values.role !== 'member' && values.role !== 'admin') problems.push('Rôle attendu : member ou admin (--role).');
  if (!values.admin && !departements.length && !values.structure) problems.push('Rien à accorder : --admin, --coordinator ou --structure.');
  if (problems.length) {
    for (const p of problems) ctx.err(p);
    ctx.err(USAGE);
    return 2;
  }
  const role = values.role as 'member' | 'admin';

  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    const now = new Date();
    const user = await findUserByEmail(db, values.email!);
    if (!user) {
      ctx.err(`Aucun compte n’utilise ${values.email} : créez-le avec user:create.`);
      return 1;
    }
    if (values.structure && !(await getStructure(db, values.structure))) {
      ctx.err(`Aucune structure ne porte l’identifiant ${values.structure}.`);
      return 1;
    }
    if (values.admin) await updateUser(db, user.id, { admin: true }, now);
    await grantCoordinator(db, user.id, departements, now);
    // Recorded in the structure's history without an author (an operator, not an account).
    if (values.structure) await addMember(db, { userId: user.id, structureId: values.structure, role, via: 'grant' }, { actorUserId: null, now });

    const scopes = await coordinatorDepartements(db, user.id);
    const memberships = await membershipsOfUser(db, user.id);
    ctx.out(`Rôles de ${user.email} :`);
    ctx.out(`  administrateur : ${values.admin || user.is_admin === 1 ? 'oui' : 'non'}`);
    ctx.out(`  coordination : ${scopes.length ? scopes.join(', ') : 'aucun département'}`);
    ctx.out(`  structures : ${memberships.length ? memberships.map((m) => `${m.structureName} (${m.role === 'admin' ? 'administration' : 'membre'})`).join(', ') : 'aucune'}`);
    return 0;
  } finally {
    await db.destroy();
  }
}
