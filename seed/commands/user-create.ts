/**
 * `user:create --email ... --name ... [--admin] [--password-env VAR]`: creates a verified account, so a
 * fresh install can get its first admin. The password comes from an environment variable (default
 * USER_PASSWORD), never from the command line (it would stay in the shell history); without it, a
 * "choose your password" link is mailed (dev outbox: /dev/outbox). Nothing secret is printed.
 */
import { parseArgs } from 'node:util';
import type { CliContext } from '../cli.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { migrate } from '../../api/db/migrate.ts';
import { findUserByEmail, insertUser } from '../../api/db/users.ts';
import { hashPassword, passwordSchema } from '../../api/auth/password.ts';
import { randomToken } from '../../api/auth/tokens.ts';
import { EMAIL_TOKEN_TTL_MS, issueEmailToken } from '../../api/auth/email-tokens.ts';
import { queueMails } from '../../api/db/mail-outbox.ts';
import { passwordResetMail } from '../../api/mail/templates.ts';
import { emailSchema } from '../../api/auth/email-address.ts';

export const summary = 'crée un compte vérifié (--email, --name, --admin ; mot de passe dans USER_PASSWORD ou --password-env)';

const USAGE = 'Usage : USER_PASSWORD=... npm run cli -- user:create --email <adresse> --name "<nom>" [--admin] [--password-env <VARIABLE>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean', default: false },
        'password-env': { type: 'string', default: 'USER_PASSWORD' },
      },
    }));
  } catch (error) {
    ctx.err(`Argument invalide : ${error instanceof Error ? error.message : String(error)}`);
    ctx.err(USAGE);
    return 2;
  }
  const email = emailSchema.safeParse(values.email ?? '');
  const name = values.name?.trim();
  if (!email.success || !name) {
    ctx.err(!email.success ? 'Adresse électronique manquante ou invalide (--email).' : 'Nom manquant (--name).');
    ctx.err(USAGE);
    return 2;
  }
  const variable = values['password-env']!;
  const clear = process.env[variable];
  if (clear !== undefined) {
    const policy = passwordSchema.safeParse(clear);
    if (!policy.success) {
      ctx.err(`Mot de passe de ${variable} refusé : ${policy.error.issues[0]?.message}`);
      return 1;
    }
  }

  const { db } = openSqlite(ctx.config.databasePath);
  try {
    await migrate(db);
    const now = new Date();
    if (await findUserByEmail(db, email.data)) {
      ctx.err(`Un compte utilise déjà ${email.data} : donnez-lui des rôles avec user:grant.`);
      return 1;
    }
    // Without a password, the account gets an unguessable one until its owner chooses theirs by mail.
    const password = await hashPassword(clear ?? randomToken(), ctx.config.passwordIterations);
    const id = await insertUser(db, { email: email.data, name, password, verified: true, admin: values.admin }, now);
    if (!id) {
      ctx.err(`Un compte utilise déjà ${email.data}.`);
      return 1;
    }
    ctx.out(`Compte créé : ${email.data}${values.admin ? ' (administrateur)' : ''}.`);
    if (clear === undefined) {
      const clock = () => new Date();
      const token = await issueEmailToken({ db, clock }, { purpose: 'reset', email: email.data, userId: id });
      const base = ctx.config.publicBaseUrl.replace(/\/+$/, '');
      // Queued: the running server's mail drain sends it (SMTP_URL), else it waits on /dev/outbox.
      await queueMails(db, [passwordResetMail(email.data, name, `${base}/reinitialiser-mot-de-passe?token=${token}`, EMAIL_TOKEN_TTL_MS.reset / 60_000)], clock());
      ctx.out(`Aucun mot de passe dans ${variable} : un lien pour le choisir a été envoyé à ${email.data} (boîte d’envoi de développement : /dev/outbox).`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
