/** The account mails, in French: plain text plus a minimal HTML version of the same words. */
import type { Mail } from './mailer.ts';

export const SERVICE = "Offre locale d'insertion";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export interface MailLink {
  label: string;
  url: string;
}

/** An entry of a list (an offer of a digest, an action of an orientation), with its own links. */
export interface MailItem {
  title: string;
  lines: string[];
  links: MailLink[];
}

export interface MailBody {
  greeting: string;
  paragraphs: string[];
  items?: MailItem[];
  action?: MailLink;
  footer: string[];
}

function itemText(item: MailItem): string[] {
  return [`• ${item.title}`, ...item.lines.map((l) => `  ${l}`), ...item.links.map((l) => `  ${l.label} : ${l.url}`), ''];
}

function itemHtml(item: MailItem): string {
  const lines = item.lines.map((l) => `<br>${escapeHtml(l)}`).join('');
  const links = item.links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`).join(' · ');
  return `<li style="margin-bottom:.75em"><strong>${escapeHtml(item.title)}</strong>${lines}${links ? `<br>${links}` : ''}</li>`;
}

/** A mail in both forms from the same words: plain text and a minimal HTML version. */
export function compose(to: string, subject: string, body: MailBody): Mail {
  const text = [
    body.greeting,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(body.items ?? []).flatMap(itemText),
    ...(body.action ? [`${body.action.label} : ${body.action.url}`, ''] : []),
    ...body.footer.flatMap((p) => [p, '']),
    `— ${SERVICE}`,
  ].join('\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">
<p>${escapeHtml(body.greeting)}</p>
${body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${body.items?.length ? `<ul>\n${body.items.map(itemHtml).join('\n')}\n</ul>\n` : ''}${body.action ? `<p><a href="${escapeHtml(body.action.url)}">${escapeHtml(body.action.label)}</a></p>\n<p style="font-size:.9em">Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(body.action.url)}</p>` : ''}
${body.footer.map((p) => `<p style="font-size:.9em;color:#555">${escapeHtml(p)}</p>`).join('\n')}
<p>— ${escapeHtml(SERVICE)}</p>
</body></html>`;
  return { to, subject: `${subject} — ${SERVICE}`, text, html };
}

export function verificationMail(to: string, name: string, url: string, validHours: number): Mail {
  return compose(to, 'Confirmez votre adresse électronique', {
    greeting: `Bonjour ${name},`,
    paragraphs: [
      `Un compte professionnel vient d'être créé avec cette adresse sur ${SERVICE}.`,
      'Pour l’activer, confirmez votre adresse en ouvrant le lien ci-dessous.',
    ],
    action: { label: 'Confirmer mon adresse', url },
    footer: [`Ce lien est valable ${validHours} heures et ne sert qu’une fois.`, 'Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message : aucun compte ne sera activé.'],
  });
}

/** Sent instead of a verification mail when someone signs up with an address that already has an active account. */
export function existingAccountMail(to: string, name: string, loginUrl: string, resetUrl: string): Mail {
  return compose(to, 'Vous avez déjà un compte', {
    greeting: `Bonjour ${name},`,
    paragraphs: [
      `Quelqu’un (vous, sans doute) a demandé à créer un compte sur ${SERVICE} avec cette adresse, mais un compte actif l’utilise déjà.`,
      `Connectez-vous : ${loginUrl}`,
      `Mot de passe oublié ? Vous pouvez en choisir un nouveau : ${resetUrl}`,
    ],
    footer: ['Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre compte n’a pas été modifié.'],
  });
}

export function passwordResetMail(to: string, name: string, url: string, validMinutes: number): Mail {
  return compose(to, 'Choisissez un nouveau mot de passe', {
    greeting: `Bonjour ${name},`,
    paragraphs: [`Une demande de nouveau mot de passe a été faite pour votre compte ${SERVICE}.`],
    action: { label: 'Choisir un nouveau mot de passe', url },
    footer: [
      `Ce lien est valable ${validMinutes} minutes et ne sert qu’une fois. Une fois le mot de passe changé, toutes vos sessions ouvertes sont fermées.`,
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ],
  });
}

export function invitationMail(to: string, invitation: { inviterName: string; structureName: string; role: 'member' | 'admin'; url: string; validDays: number }): Mail {
  const role = invitation.role === 'admin' ? 'administrateur ou administratrice' : 'membre';
  return compose(to, `Invitation à rejoindre ${invitation.structureName}`, {
    greeting: 'Bonjour,',
    paragraphs: [
      `${invitation.inviterName} vous invite à rejoindre la structure « ${invitation.structureName} » sur ${SERVICE}, en tant que ${role}.`,
      'Vous pourrez y tenir à jour l’offre de la structure : actions, horaires, contacts, places disponibles.',
    ],
    action: { label: 'Accepter l’invitation', url: invitation.url },
    footer: [`Cette invitation est valable ${invitation.validDays} jours.`, 'Si vous ne connaissez pas cette structure, ignorez ce message.'],
  });
}
