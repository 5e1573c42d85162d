/**
 * The mails of the orientation workflow, in French (layout: templates.ts). They carry as little about
 * the person as the reader needs: the structure's mail carries none (its link opens the request, and
 * that reading is audited), the professional's names the person as "Camille D.", the person's own mail
 * never says why an orientation was refused.
 */
import type { Mail } from './mailer.ts';
import { compose, SERVICE, type MailItem } from './templates.ts';
import { de } from '../domain/text.ts';

const hello = (name: string | null | undefined) => (name ? `Bonjour ${name},` : 'Bonjour,');

const frenchDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

export interface AnswerLinkNotice {
  prescriberName: string;
  prescriberEmail: string;
  offerName: string;
  structureName: string;
  url: string;
  validDays: number;
  expiresOn: string;
}

const linkFooter = (n: AnswerLinkNotice) => [
  `Ce lien personnel est valable ${n.validDays} jours. Passé ce délai, ouvrez-le quand même : la page vous permettra d’en recevoir un nouveau à cette adresse.`,
  'Ne le transférez pas : il donne accès aux coordonnées de la personne. Sans réponse de votre part, la demande expirera le ' + frenchDate(n.expiresOn) + '.',
  'Vous recevez ce message parce que cette adresse est le contact de l’action ou de la structure sur ' + SERVICE + '.',
];

/** To the offer's contact: a new orientation, with the signed link to answer it (no account needed). */
export function newOrientationMail(to: string, n: AnswerLinkNotice): Mail {
  return {
    ...compose(to, `Nouvelle orientation vers « ${n.offerName} »`, {
      greeting: hello(null),
      paragraphs: [
        `${n.prescriberName} (${n.prescriberEmail}), professionnel ou professionnelle de l’accompagnement, vous oriente une personne vers votre action « ${n.offerName} » (${n.structureName}).`,
        'Ouvrez le lien ci-dessous pour lire la demande et y répondre : accepter, refuser en indiquant un motif, ou écrire un message. Aucun compte n’est nécessaire.',
      ],
      action: { label: 'Voir la demande et répondre', url: n.url },
      footer: linkFooter(n),
    }),
    replyTo: n.prescriberEmail,
  };
}

/** Ten days without an answer: one reminder, with a fresh link. */
export function orientationReminderMail(to: string, n: AnswerLinkNotice & { sentAt: string }): Mail {
  return {
    ...compose(to, `Relance : orientation en attente vers « ${n.offerName} »`, {
      greeting: hello(null),
      paragraphs: [
        `Le ${frenchDate(n.sentAt)}, ${n.prescriberName} vous a orienté une personne vers votre action « ${n.offerName} » (${n.structureName}). La demande attend toujours votre réponse.`,
        'Même si vous ne pouvez pas l’accueillir, répondez : le professionnel pourra proposer une autre solution à la personne sans attendre.',
      ],
      action: { label: 'Voir la demande et répondre', url: n.url },
      footer: linkFooter(n),
    }),
    replyTo: n.prescriberEmail,
  };
}

/** Asked from the page of an expired link: a new one, to the same contact only. */
export function freshAnswerLinkMail(to: string, n: { offerName: string; structureName: string; url: string; validDays: number }): Mail {
  return compose(to, `Nouveau lien pour l’orientation vers « ${n.offerName} »`, {
    greeting: hello(null),
    paragraphs: [`Voici un nouveau lien pour consulter la demande d’orientation vers votre action « ${n.offerName} » (${n.structureName}) et y répondre.`],
    action: { label: 'Voir la demande', url: n.url },
    footer: [
      `Ce lien est valable ${n.validDays} jours. Il a été demandé depuis la page d’un lien expiré ; si ce n’est pas vous, ignorez ce message.`,
      'Ne le transférez pas : il donne accès aux coordonnées de la personne.',
    ],
  });
}

export interface SentItem {
  offerName: string;
  structureName: string;
}

/** To the professional: the request went out, one line per action. */
export function orientationsSentMail(to: { name: string; email: string }, n: { beneficiary: string; items: SentItem[]; url: string }): Mail {
  const plural = n.items.length > 1;
  return compose(to.email, plural ? `Vos ${n.items.length} orientations pour ${n.beneficiary} sont transmises` : `Votre orientation pour ${n.beneficiary} est transmise`, {
    greeting: hello(to.name),
    paragraphs: [
      plural
        ? `Vos demandes d’orientation pour ${n.beneficiary} ont été transmises aux structures suivantes :`
        : `Votre demande d’orientation pour ${n.beneficiary} a été transmise :`,
    ],
    items: n.items.map((i): MailItem => ({ title: i.offerName, lines: [i.structureName], links: [] })),
    action: { label: 'Suivre mes orientations', url: n.url },
    footer: ['Vous recevrez un courriel à chaque réponse. Sans réponse sous 30 jours, une demande expire et vous en êtes averti.'],
  });
}

export interface BeneficiaryItem {
  offerName: string;
  structureName: string;
  address: string | null;
  phone: string | null;
}

const itemLines = (i: BeneficiaryItem) => [i.structureName, ...(i.address ? [i.address] : []), ...(i.phone ? [`Téléphone : ${i.phone}`] : [])];

/** To the person (when an address was given): an orientation was made in their name. */
export function beneficiaryInformedMail(to: string, n: { firstName: string; prescriberName: string; items: BeneficiaryItem[]; retentionDays: number }): Mail {
  return compose(to, 'Une orientation a été faite pour vous', {
    greeting: hello(n.firstName),
    paragraphs: [
      `${n.prescriberName}, qui vous accompagne, a transmis une demande pour vous à ${n.items.length > 1 ? 'ces structures' : 'cette structure'} :`,
    ],
    items: n.items.map((i): MailItem => ({ title: i.offerName, lines: itemLines(i), links: [] })),
    footer: [
      'La structure vous contactera, ou passera par la personne qui vous accompagne, selon ce que vous avez choisi ensemble.',
      `Seules les informations utiles à cette demande ont été transmises, avec votre accord. Elles seront effacées ${n.retentionDays} jours après la clôture de la demande (réponse de chaque structure, ou expiration). Pour toute question, adressez-vous à ${n.prescriberName}.`,
    ],
  });
}

/** To the person: a structure accepted. (A refusal is never mailed to the person, nor its reason.) */
export function beneficiaryAcceptedMail(to: string, n: { firstName: string; item: BeneficiaryItem; session: string | null }): Mail {
  return compose(to, `Votre orientation vers « ${n.item.offerName} » est acceptée`, {
    greeting: hello(n.firstName),
    paragraphs: [
      'Bonne nouvelle : la structure a accepté la demande faite pour vous.',
      ...(n.session ? [`Session : ${n.session}.`] : []),
    ],
    items: [{ title: n.item.offerName, lines: itemLines(n.item), links: [] }],
    footer: ['La structure vous contactera, ou passera par la personne qui vous accompagne, pour la suite.'],
  });
}

export interface StatusNotice {
  status: 'accepted' | 'refused' | 'expired';
  beneficiary: string;
  offerName: string;
  structureName: string;
  reasonLabel: string | null;
  message: string | null;
  session: string | null;
  url: string;
}

const STATUS_SUBJECT = { accepted: 'acceptée', refused: 'refusée', expired: 'expirée sans réponse' } as const;

/** To the professional: an orientation was accepted, refused (with the reason) or expired. */
export function orientationStatusMail(to: { name: string; email: string }, n: StatusNotice): Mail {
  const what = `l’orientation ${de(n.beneficiary)} vers « ${n.offerName} » (${n.structureName})`;
  const paragraphs =
    n.status === 'accepted'
      ? [`La structure a accepté ${what}.`, ...(n.session ? [`Session retenue : ${n.session}.`] : [])]
      : n.status === 'refused'
        ? [`La structure a refusé ${what}.`, `Motif : ${n.reasonLabel ?? 'non précisé'}.`]
        : [`Sans réponse de la structure depuis 30 jours, ${what} a expiré.`, 'Vous pouvez proposer une autre action à la personne, ou appeler la structure.'];
  if (n.message) paragraphs.push(`Message de la structure : « ${n.message} »`);
  return compose(to.email, `Orientation ${STATUS_SUBJECT[n.status]} : ${n.offerName}`, {
    greeting: hello(to.name),
    paragraphs,
    action: { label: 'Voir l’orientation', url: n.url },
    footer: n.status === 'refused' ? ['La personne n’est pas informée du motif : c’est à vous de lui en parler.'] : [],
  });
}

/** To the professional: the structure wrote about an orientation. */
export function orientationMessageMail(to: { name: string; email: string }, n: { beneficiary: string; offerName: string; structureName: string; message: string; url: string }): Mail {
  return compose(to.email, `Message ${de(n.structureName)} : ${n.offerName}`, {
    greeting: hello(to.name),
    paragraphs: [`À propos de l’orientation ${de(n.beneficiary)} vers « ${n.offerName} », la structure ${n.structureName} vous écrit :`, `« ${n.message} »`],
    action: { label: 'Voir l’orientation', url: n.url },
    footer: ['Pour répondre, écrivez directement à la structure : ses coordonnées et celles de l’action sont sur la page de l’orientation.'],
  });
}
