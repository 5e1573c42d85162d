/**
 * Bootstrapping roles (admin only): POST /api/admin/coordinators grants départements to a
 * coordinator, POST /api/admin/memberships puts a user in a structure. The CLI does the same for
 * the first admin (`npm run cli -- user:create`, `user:grant`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { HttpProblem } from '../http/problem.ts';
import { parseJsonBody } from '../http/body.ts';
import { authorize } from '../auth/permissions.ts';
import { findUserByEmail } from '../db/users.ts';
import { coordinatorDepartements, grantCoordinator, membershipsOfUser } from '../db/roles.ts';
import { addMember } from '../db/membership-editing.ts';
import { getStructure } from '../db/structures.ts';
import { isDepartementCode } from '../domain/departement-code.ts';
import { emailSchema } from '../auth/email-address.ts';

const departementSchema = z
  .string({ error: 'Code département attendu' })
  .trim()
  .toUpperCase()
  .refine(isDepartementCode, 'Code département inconnu (ex. 47, 2A ou 974)');

const coordinatorBody = z.object({
  email: emailSchema,
  departements: z.array(departementSchema, { error: 'Liste de codes département attendue' }).min(1, 'Indiquez au moins un département.').max(101),
});

const membershipBody = z.object({
  email: emailSchema,
  structureId: z.string({ error: 'Identifiant de structure attendu' }).min(1, 'Identifiant de structure attendu').max(100),
  role: z.enum(['member', 'admin'], { error: 'Rôle attendu : « member » ou « admin »' }),
});

const unknownAccount = () =>
  new HttpProblem(400, 'Données invalides', 'Corrigez les champs signalés puis réessayez.', [{ path: 'email', message: 'Aucun compte n’utilise cette adresse.' }]);

export function adminRoutes(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const app = new Hono();

  app.post('/admin/coordinators', async (c) => {
    authorize(c.get('actor'), 'admin:grant');
    const body = await parseJsonBody(c, coordinatorBody);
    const user = await findUserByEmail(deps.db, body.email);
    if (!user) throw unknownAccount();
    await grantCoordinator(deps.db, user.id, [...new Set(body.departements)], deps.clock());
    return c.json({
      user: { id: user.id, email: user.email, name: user.name },
      coordinatorDepartements: await coordinatorDepartements(deps.db, user.id),
    });
  });

  app.post('/admin/memberships', async (c) => {
    const actor = authorize(c.get('actor'), 'admin:grant');
    const body = await parseJsonBody(c, membershipBody);
    const user = await findUserByEmail(deps.db, body.email);
    if (!user) throw unknownAccount();
    if (!(await getStructure(deps.db, body.structureId))) {
      throw new HttpProblem(400, 'Données invalides', 'Corrigez les champs signalés puis réessayez.', [
        { path: 'structureId', message: 'Aucune structure ne porte cet identifiant.' },
      ]);
    }
    await addMember(deps.db, { userId: user.id, structureId: body.structureId, role: body.role, via: 'grant' }, { actorUserId: actor.userId, now: deps.clock() });
    return c.json({ user: { id: user.id, email: user.email, name: user.name }, memberships: await membershipsOfUser(deps.db, user.id) });
  });

  return app;
}
