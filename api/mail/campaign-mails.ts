/** The monthly freshness digest: a structure's overdue offers, each with one-click links (French). */
import type { Mail } from './mailer.ts';
import { compose, SERVICE, type MailItem } from './templates.ts';

export interface DigestOffer {
  name: string;
  lastConfirmed: string | null;
  confirmUrl: string;
  editUrl: string;
}

const frenchDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

export function freshnessDigestMail(to: { name: string | null; email: string }, n: { structureName: string; offers: DigestOffer[]; validDays: number }): Mail {
  const many = n.offers.length > 1;
  return compose(to.email, many ? `${n.offers.length} offres à vérifier : ${n.structureName}` : `Une offre à vérifier : ${n.structureName}`, {
    greeting: to.name ? `Bonjour ${to.name},` : 'Bonjour,',
    paragraphs: [
      `Les professionnels qui orientent vers la structure « ${n.structureName} » comptent sur des informations à jour. ${many ? 'Ces offres n’ont' : 'Cette offre n’a'} pas été confirmée${many ? 's' : ''} depuis un moment :`,
    ],
    items: n.offers.map(
      (o): MailItem => ({
        title: o.name,
        lines: [o.lastConfirmed ? `Dernière confirmation : ${frenchDate(o.lastConfirmed)}` : 'Jamais confirmée'],
        links: [
          { label: 'Rien n’a changé', url: o.confirmUrl },
          { label: 'Modifier', url: o.editUrl },
        ],
      }),
    ),
    footer: [
      `« Rien n’a changé » ouvre une page où un seul clic confirme l’offre, sans compte. « Modifier » ouvre l’offre dans l’espace de la structure (connexion requise). Ces liens sont valables ${n.validDays} jours.`,
      `Vous recevez ce courriel au plus une fois par mois, tant qu’une offre de la structure attend sa confirmation sur ${SERVICE}.`,
    ],
  });
}
