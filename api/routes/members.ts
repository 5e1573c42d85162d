/**
 * The people of a structure and invitations by email.
 *
 *   GET    /api/structures/:id/members                 members, coordinators (+ open invitations for admins)
 *   PATCH  /api/structures/:id/members/:userId {role}  the structure's admins, coordinators
 *   DELETE /api/structures/:id/members/:userId         the structure's admins, coordinators, or oneself
 *   POST   /api/structures/:id/invitations {email,role} the structure's admins, coordinators
 *   POST   /api/structures/:id/invitations/revoke {email} the structure's admins, coordinators
 *   GET    /api/invitations/preview?token=             whoever holds the link
 *   POST   /api/invitations/accept {token}             signed in with the invited address
 *   POST   /api/invitations/signup {token,name,password} no account yet: the link proves the address
 *
 * A structure with people always keeps an admin (db/membership-editing.ts).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServiceDeps } from '../app.ts';
import { authorize, can, requireUser } from '../auth/permissions.ts';
import { emailSchema } from '../auth/email-address.ts';
import { EMAIL_TOKEN_TTL_MS, issueEmailToken, peekEmailToken, redeemEmailToken } from '../auth/email-tokens.ts';
import { takeMailQuota } from '../auth/rate-limit.ts';
import { hashPassword, passwordSchema } from '../auth/password.ts';
import { sessionTokenOf, startSession } from '../auth/sessions.ts';
import { assertNotCrossSite } from '../auth/csrf.ts';
import { parseInputBody } from '../http/body.ts';
import { editedOrProblem } from '../http/edit-result.ts';
import { HttpProblem } from '../http/problem.ts';
import { parseOr400 } from '../http/validate.ts';
import { membersOfStructure, membershipOf } from '../db/roles.ts';
import { addMember, changeMemberRole, removeMember } from '../db/membership-editing.ts';
import { pendingInvitations, voidInvitations } from '../db/invitations.ts';
import { recordInvitation } from '../db/membership-audit.ts';
import { inTransaction } from '../db/transaction.ts';
import { findUserByEmail, getUser, insertUser } from '../db/users.ts';
import { getStructure } from '../db/structures.ts';
import type { EmailTokenRow } from '../db/email-tokens.ts';
import { appLink, notify } from '../mail/notify.ts';
import { invitationMail } from '../mail/templates.ts';
import { idParam, structureOr404 } from './scope.ts';

const role = z.enum(['member', 'admin'], { error: 'rôle attendu : « member » ou « admin »' });
const roleBody = z.strictObject({ role });
const removeBody = z.strictObject({});
const inviteBody = z.strictObject({ email: emailSchema, role: role.default('member') });
const revokeBody = z.strictObject({ email: emailSchema });
const tokenSchema = z.string({ error: 'jeton attendu' }).regex(/^[\w-]{20,100}$/, 'jeton mal formé : recopiez le lien reçu par courriel en entier');
const acceptBody = z.strictObject({ token: tokenSchema });
const signupBody = z.strictObject({
  token: tokenSchema,
  name: z.string({ error: 'nom attendu' }).trim().min(1, 'indiquez votre nom').max(120),
  password: passwordSchema,
});
const previewQuery = z.object({ token: tokenSchema });

const invalidInvitation = () =>
  new HttpProblem(400, 'Invitation invalide ou expirée', 'Ce lien d’invitation n’est plus valable : demandez une nouvelle invitation à la structure.', [
    { path: 'token', message: 'invitation invalide, déjà utilisée ou expirée' },
  ]);

export function membersRoutes(deps: ServiceDeps) {
  const app = new Hono();

  app.get('/structures/:id/members', async (c) => {
    const actor = c.get('actor');
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(actor, 'structure:members:view', scope);
    const members = (await membersOfStructure(deps.db, structure.id)).map((m) => ({ user_id: m.userId, name: m.name, email: m.email, role: m.role, since: m.since }));
    const manage = can(actor, 'structure:members:manage', scope);
    return c.json({ members, ...(manage ? { invitations: await pendingInvitations(deps.db, structure.id, deps.clock()) } : {}) });
  });

  app.patch('/structures/:id/members/:userId', async (c) => {
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(c.get('actor'), 'structure:members:manage', scope);
    const body = await parseInputBody(c, roleBody);
    const userId = idParam(c, 'userId');
    editedOrProblem(await changeMemberRole(deps.db, structure.id, userId, body.role, { actorUserId: requireUser(c.get('actor')).userId, now: deps.clock() }));
    return c.json({ user_id: userId, role: body.role });
  });

  app.delete('/structures/:id/members/:userId', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { structure, scope } = await structureOr404(deps, idParam(c));
    const userId = idParam(c, 'userId');
    // Anyone may leave; removing someone else is for the structure's admins and coordinators.
    if (userId !== actor.userId) authorize(actor, 'structure:members:manage', scope);
    await parseInputBody(c, removeBody, { optional: true });
    editedOrProblem(await removeMember(deps.db, structure.id, userId, { actorUserId: actor.userId, now: deps.clock() }));
    return c.body(null, 204);
  });

  app.post('/structures/:id/invitations', async (c) => {
    const actor = requireUser(c.get('actor'));
    const { structure, scope } = await structureOr404(deps, idParam(c));
    authorize(actor, 'structure:members:manage', scope);
    const body = await parseInputBody(c, inviteBody);
    if (structure.status === 'archived' || structure.status === 'rejected') {
      throw new HttpProblem(409, 'Structure inactive', 'Cette structure est archivée ou refusée : on ne peut plus y inviter personne.');
    }
    const invitee = await findUserByEmail(deps.db, body.email);
    if (invitee && (await membershipOf(deps.db, invitee.id, structure.id))) {
      throw new HttpProblem(409, 'Déjà membre', 'Cette personne fait déjà partie de la structure.', [{ path: 'email', message: 'déjà membre de la structure' }]);
    }
    if (!(await takeMailQuota(deps, body.email))) {
      throw new HttpProblem(429, 'Trop de courriels', 'Plusieurs courriels ont déjà été envoyés à cette adresse dans l’heure : réessayez plus tard.');
    }
    const now = deps.clock();
    // The invitation, its audit entry and its mail commit together.
    await inTransaction(deps.db, async (trx) => {
      await voidInvitations(trx, structure.id, body.email, now);
      await recordInvitation(trx, { structureId: structure.id, email: body.email, action: 'invitation_sent', role: body.role }, { actorUserId: actor.userId, now });
      const token = await issueEmailToken({ ...deps, db: trx }, { purpose: 'invite', email: body.email, structureId: structure.id, role: body.role, createdBy: actor.userId });
      await notify({ ...deps, db: trx }, [
        invitationMail(body.email, {
          inviterName: actor.name,
          structureName: structure.name,
          role: body.role,
          url: appLink(deps.config.publicBaseUrl, '/invitation', { token }),
          validDays: EMAIL_TOKEN_TTL_MS.invite / 86_400_000,
        }),
      ]);
    });
    return c.json({ email: body.email, role: body.role, expires_at: new Date(now.getTime() + EMAIL_TOKEN_TTL_MS.invite).toISOString() }, 201);
  });

  app.post('/structures/:id/invitations/revoke', async (c) => {
    const { structure, scope } = await structureOr404(deps, idParam(c));
    const actor = authorize(c.get('actor'), 'structure:members:manage', scope);
    const body = await parseInputBody(c, revokeBody);
    const now = deps.clock();
    const revoked = await inTransaction(deps.db, async (trx) => {
      if (!(await voidInvitations(trx, structure.id, body.email, now))) return false;
      await recordInvitation(trx, { structureId: structure.id, email: body.email, action: 'invitation_revoked' }, { actorUserId: actor.userId, now });
      return true;
    });
    if (!revoked) {
      throw new HttpProblem(404, 'Introuvable', 'Aucune invitation en attente pour cette adresse.', [{ path: 'email', message: 'aucune invitation en attente pour cette adresse' }]);
    }
    return c.json({ email: body.email, revoked: true });
  });

  /** The invitation behind a token, with its structure; null when the token is not a usable invitation. */
  const invitation = async (token: EmailTokenRow | null) => {
    const structure = token?.structure_id ? await getStructure(deps.db, token.structure_id) : undefined;
    if (!token || !structure) return null;
    return { token, structure, role: token.role ?? 'member' };
  };

  app.get('/invitations/preview', async (c) => {
    const q = parseOr400(previewQuery, c.req.query());
    const found = await invitation(await peekEmailToken(deps, q.token, 'invite'));
    if (!found) throw invalidInvitation();
    const inviter = found.token.created_by ? await getUser(deps.db, found.token.created_by) : undefined;
    return c.json({
      email: found.token.email,
      structure: { id: found.structure.id, name: found.structure.name },
      role: found.role,
      invited_by: inviter?.name ?? null,
      expires_at: found.token.expires_at,
      // The link's holder decides between "sign in" and "create my account".
      account_exists: (await findUserByEmail(deps.db, found.token.email)) !== undefined,
    });
  });

  app.post('/invitations/accept', async (c) => {
    const actor = requireUser(c.get('actor'));
    const body = await parseInputBody(c, acceptBody);
    const found = await invitation(await peekEmailToken(deps, body.token, 'invite'));
    if (!found) throw invalidInvitation();
    if (found.token.email !== actor.email.toLowerCase()) {
      throw new HttpProblem(403, 'Autre adresse', 'Cette invitation a été envoyée à une autre adresse : connectez-vous avec le compte de cette adresse.');
    }
    if (!(await redeemEmailToken(deps, body.token, 'invite'))) throw invalidInvitation();
    const granted = await addMember(deps.db, { userId: actor.userId, structureId: found.structure.id, role: found.role, via: 'invitation' }, { actorUserId: actor.userId, now: deps.clock() });
    return c.json({ structure: { id: found.structure.id, name: found.structure.name }, role: granted });
  });

  app.post('/invitations/signup', async (c) => {
    // Signing up from a page of another site must not create a session here.
    if (!c.get('session')) assertNotCrossSite(c, deps.config);
    const body = await parseInputBody(c, signupBody);
    const found = await invitation(await peekEmailToken(deps, body.token, 'invite'));
    if (!found) throw invalidInvitation();
    if (await findUserByEmail(deps.db, found.token.email)) {
      throw new HttpProblem(409, 'Compte existant', 'Un compte utilise déjà cette adresse : connectez-vous, puis acceptez l’invitation.');
    }
    const password = await hashPassword(body.password, deps.config.passwordIterations);
    if (!(await redeemEmailToken(deps, body.token, 'invite'))) throw invalidInvitation();
    const now = deps.clock();
    // The invitation reached this mailbox: the address is confirmed by following it.
    const userId = await insertUser(deps.db, { email: found.token.email, name: body.name, password, verified: true }, now);
    if (!userId) throw new HttpProblem(409, 'Compte existant', 'Un compte utilise déjà cette adresse : connectez-vous, puis acceptez l’invitation.');
    const granted = await addMember(deps.db, { userId, structureId: found.structure.id, role: found.role, via: 'invitation' }, { actorUserId: userId, now });
    const csrfToken = await startSession(deps, c, userId, sessionTokenOf(c));
    return c.json(
      { user: { id: userId, email: found.token.email, name: body.name }, structure: { id: found.structure.id, name: found.structure.name }, role: granted, csrfToken },
      201,
    );
  });

  return app;
}
