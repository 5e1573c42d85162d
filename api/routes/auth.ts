/**
 * Accounts: POST /api/auth/{signup,verify,login,logout,password/forgot,password/reset}, GET /api/me.
 * No answer tells whether an email has an account: sign-up and "forgot password" answer the same
 * way in every case (the mailbox owner learns the rest by mail), and a failed login is one generic
 * 401 whether the email or the password was wrong.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import type { Mail } from '../mail/mailer.ts';
import { notify } from '../mail/notify.ts';
import { emailSchema } from '../auth/email-address.ts';
import type { ClientAddress } from '../auth/client-address.ts';
import { HttpProblem, problem } from '../http/problem.ts';
import { parseJsonBody } from '../http/body.ts';
import { findUserByEmail, getUser, insertUser, updateUser, type UserRow } from '../db/users.ts';
import { deleteSessionsOfUser } from '../db/sessions.ts';
import { coordinatorDepartements, membershipsOfUser } from '../db/roles.ts';
import { hashPassword, passwordSchema, PASSWORD_ITERATIONS, simulatePasswordCheck, verifyPassword } from '../auth/password.ts';
import { clearSessionCookies, csrfTokenFor, endSession, sessionTokenOf, startSession } from '../auth/sessions.ts';
import { assertNotCrossSite } from '../auth/csrf.ts';
import { EMAIL_TOKEN_TTL_MS, issueEmailToken, redeemEmailToken } from '../auth/email-tokens.ts';
import { clearLoginFailures, loginKeys, loginRetryAfter, recordLoginFailure, takeMailQuota } from '../auth/rate-limit.ts';
import { requireUser, type UserActor } from '../auth/permissions.ts';
import { existingAccountMail, passwordResetMail, verificationMail } from '../mail/templates.ts';

export type AuthDeps = Pick<AppDeps, 'db' | 'config' | 'clock' | 'logger' | 'mailQueued'> & { clientAddress: ClientAddress };

const tokenSchema = z.string({ error: 'Jeton attendu' }).regex(/^[\w-]{20,100}$/, 'Jeton mal formé : recopiez le lien reçu par courriel en entier.');

const signupBody = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string({ error: 'Nom attendu' }).trim().min(1, 'Indiquez votre nom.').max(120, 'Nom trop long (120 caractères au plus)'),
});
const verifyBody = z.object({ token: tokenSchema });
const loginBody = z.object({
  email: emailSchema,
  // No length policy here: a password set under an older policy must still open its account.
  password: z.string({ error: 'Mot de passe attendu' }).min(1, 'Mot de passe attendu').max(1000, 'Mot de passe trop long'),
});
const forgotBody = z.object({ email: emailSchema });
const resetBody = z.object({ token: tokenSchema, password: passwordSchema });

const SIGNUP_ACCEPTED =
  'Si cette adresse peut être utilisée, un courriel vient d’y être envoyé : suivez le lien qu’il contient pour activer votre compte.';
const FORGOT_ACCEPTED =
  'Si un compte utilise cette adresse, un courriel vient d’y être envoyé avec un lien pour choisir un nouveau mot de passe.';

export interface MePayload {
  user: { id: string; email: string; name: string; emailVerifiedAt: string | null };
  roles: {
    professional: boolean;
    admin: boolean;
    memberships: Array<{ structureId: string; structureName: string; role: 'member' | 'admin' }>;
    coordinatorDepartements: string[];
  };
  csrfToken: string;
}

async function mePayload(deps: AuthDeps, user: UserRow, csrfToken: string): Promise<MePayload> {
  const [memberships, departements] = await Promise.all([membershipsOfUser(deps.db, user.id), coordinatorDepartements(deps.db, user.id)]);
  return {
    user: { id: user.id, email: user.email, name: user.name, emailVerifiedAt: user.email_verified_at },
    roles: {
      professional: user.email_verified_at !== null,
      admin: user.is_admin === 1,
      memberships: memberships.map((m) => ({ structureId: m.structureId, structureName: m.structureName, role: m.role })),
      coordinatorDepartements: departements,
    },
    csrfToken,
  };
}

export function authRoutes(deps: AuthDeps) {
  if (deps.config.production && deps.config.passwordIterations < PASSWORD_ITERATIONS) {
    throw new Error(`passwordIterations must be at least ${PASSWORD_ITERATIONS} in production`);
  }
  const app = new Hono();
  const base = deps.config.publicBaseUrl.replace(/\/+$/, '');
  const link = (path: string, token?: string) => (token ? `${base}${path}?token=${encodeURIComponent(token)}` : `${base}${path}`);

  const sendIfQuota = async (to: string, compose: () => Promise<Mail>) => {
    if (await takeMailQuota(deps, to)) await notify(deps, [await compose()]);
  };

  const sendVerification = (user: Pick<UserRow, 'id' | 'email' | 'name'>) =>
    sendIfQuota(user.email, async () => {
      const token = await issueEmailToken(deps, { purpose: 'verify', email: user.email, userId: user.id, replacePrevious: true });
      return verificationMail(user.email, user.name, link('/verifier-email', token), EMAIL_TOKEN_TTL_MS.verify / 3_600_000);
    });

  // Anonymous writes are not CSRF-checked (no session to abuse), but a page of another site must
  // not sign a visitor in or up.
  app.use('/auth/*', async (c, next) => {
    if (c.req.method === 'POST' && !c.get('session')) assertNotCrossSite(c, deps.config);
    await next();
  });

  app.post('/auth/signup', async (c) => {
    const body = await parseJsonBody(c, signupBody);
    // Hash first, whatever happens next, so the time taken does not tell whether the email is known.
    const password = await hashPassword(body.password, deps.config.passwordIterations);
    const now = deps.clock();
    const existing = await findUserByEmail(deps.db, body.email);
    if (!existing) {
      const id = await insertUser(deps.db, { email: body.email, name: body.name, password, verified: false }, now);
      if (id) await sendVerification({ id, email: body.email, name: body.name });
    } else if (existing.email_verified_at === null) {
      // The mailbox decides: the newest sign-up wins, and only its link works.
      await updateUser(deps.db, existing.id, { name: body.name, password }, now);
      await sendVerification({ id: existing.id, email: existing.email, name: body.name });
    } else {
      await sendIfQuota(existing.email, async () =>
        existingAccountMail(existing.email, existing.name, link('/connexion'), link('/mot-de-passe-oublie')),
      );
    }
    return c.json({ message: SIGNUP_ACCEPTED }, 202);
  });

  app.post('/auth/verify', async (c) => {
    const body = await parseJsonBody(c, verifyBody);
    const token = await redeemEmailToken(deps, body.token, 'verify');
    const user = token?.user_id ? await getUser(deps.db, token.user_id) : undefined;
    if (!user) throw invalidLink('Ce lien de confirmation n’est plus valable : connectez-vous pour en recevoir un nouveau.');
    if (user.email_verified_at === null) await updateUser(deps.db, user.id, { verifiedAt: deps.clock().toISOString() }, deps.clock());
    return c.json({ message: 'Adresse confirmée : vous pouvez vous connecter.' });
  });

  app.post('/auth/login', async (c) => {
    const body = await parseJsonBody(c, loginBody);
    const keys = await loginKeys(deps, body.email, deps.clientAddress(c));
    const wait = await loginRetryAfter(deps, keys);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(
        c,
        429,
        'Trop de tentatives',
        `Trop de tentatives de connexion échouées. Réessayez dans ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}, ou choisissez un nouveau mot de passe.`,
      );
    }
    const user = await findUserByEmail(deps.db, body.email);
    let valid = false;
    if (user) valid = await verifyPassword(body.password, { hash: user.password_hash, salt: user.password_salt, iterations: user.password_iterations });
    else await simulatePasswordCheck(body.password, deps.config.passwordIterations);
    if (!user || !valid) {
      await recordLoginFailure(deps, keys);
      throw new HttpProblem(401, 'Identifiants incorrects', 'Adresse électronique ou mot de passe incorrect.');
    }
    if (user.email_verified_at === null) {
      await sendVerification(user);
      throw new HttpProblem(
        403,
        'Adresse non confirmée',
        'Votre adresse électronique n’est pas encore confirmée : un nouveau lien de confirmation vient de vous être envoyé par courriel.',
      );
    }
    const now = deps.clock();
    if (user.password_iterations < deps.config.passwordIterations) {
      await updateUser(deps.db, user.id, { password: await hashPassword(body.password, deps.config.passwordIterations) }, now);
    }
    await clearLoginFailures(deps, user.email);
    const csrfToken = await startSession(deps, c, user.id, sessionTokenOf(c));
    return c.json(await mePayload(deps, user, csrfToken));
  });

  app.post('/auth/logout', async (c) => {
    await endSession(deps, c, c.get('session')?.token);
    return c.body(null, 204);
  });

  app.post('/auth/password/forgot', async (c) => {
    const body = await parseJsonBody(c, forgotBody);
    const user = await findUserByEmail(deps.db, body.email);
    if (user) {
      await sendIfQuota(user.email, async () => {
        const token = await issueEmailToken(deps, { purpose: 'reset', email: user.email, userId: user.id, replacePrevious: true });
        return passwordResetMail(user.email, user.name, link('/reinitialiser-mot-de-passe', token), EMAIL_TOKEN_TTL_MS.reset / 60_000);
      });
    }
    return c.json({ message: FORGOT_ACCEPTED }, 202);
  });

  app.post('/auth/password/reset', async (c) => {
    const body = await parseJsonBody(c, resetBody);
    const password = await hashPassword(body.password, deps.config.passwordIterations);
    const token = await redeemEmailToken(deps, body.token, 'reset');
    const user = token?.user_id ? await getUser(deps.db, token.user_id) : undefined;
    if (!user) throw invalidLink('Ce lien n’est plus valable : demandez-en un nouveau depuis « Mot de passe oublié ».');
    const now = deps.clock();
    // Following the emailed link proves the mailbox, so it also confirms the address.
    await updateUser(deps.db, user.id, { password, ...(user.email_verified_at ? {} : { verifiedAt: now.toISOString() }) }, now);
    await deleteSessionsOfUser(deps.db, user.id);
    await clearLoginFailures(deps, user.email);
    clearSessionCookies(c, deps.config);
    return c.json({ message: 'Mot de passe modifié : connectez-vous avec le nouveau. Vos autres sessions ont été fermées.' });
  });

  app.get('/me', async (c) => {
    const actor: UserActor = requireUser(c.get('actor'));
    const session = c.get('session')!;
    const user = await getUser(deps.db, actor.userId);
    if (!user) throw new HttpProblem(401, 'Connexion requise', 'Connectez-vous avec votre compte professionnel pour continuer.');
    return c.json(await mePayload(deps, user, await csrfTokenFor(session.token)));
  });

  return app;
}

function invalidLink(message: string) {
  return new HttpProblem(400, 'Lien invalide ou expiré', message, [{ path: 'token', message }]);
}
