/** The mails of structure onboarding and moderation, in French (see templates.ts for the layout). */
import type { Mail } from './mailer.ts';
import { compose, SERVICE } from './templates.ts';
import { de } from '../domain/text.ts';

const greeting = (name: string | null) => (name ? `Bonjour ${name},` : 'Bonjour,');

export function joinRequestMail(
  to: { name: string; email: string },
  request: { requesterName: string; requesterEmail: string; structureName: string; message: string | null; claim: boolean; url: string },
): Mail {
  const paragraphs = request.claim
    ? [
        `${request.requesterName} (${request.requesterEmail}) demande à gérer la structure « ${request.structureName} », qui n’a encore aucun membre sur ${SERVICE}.`,
        'Comme coordinateur ou coordinatrice du département, vérifiez que cette personne fait bien partie de la structure avant d’accepter : elle en deviendra l’administratrice.',
      ]
    : [`${request.requesterName} (${request.requesterEmail}) demande à rejoindre la structure « ${request.structureName} » sur ${SERVICE}.`];
  if (request.message) paragraphs.push(`Son message : « ${request.message} »`);
  return compose(to.email, request.claim ? `Demande de gestion ${de(request.structureName)}` : `Demande pour rejoindre ${request.structureName}`, {
    greeting: greeting(to.name),
    paragraphs,
    action: { label: 'Répondre à la demande', url: request.url },
    footer: ['Vous recevez ce message parce que vous administrez cette structure ou coordonnez son département.'],
  });
}

export function joinAnswerMail(
  to: { name: string; email: string },
  answer: { structureName: string; accepted: boolean; reason: string | null; url: string },
): Mail {
  if (answer.accepted) {
    return compose(to.email, `Vous avez rejoint ${answer.structureName}`, {
      greeting: greeting(to.name),
      paragraphs: [`Votre demande a été acceptée : vous faites maintenant partie de la structure « ${answer.structureName} » et pouvez tenir son offre à jour.`],
      action: { label: 'Ouvrir l’espace de la structure', url: answer.url },
      footer: [],
    });
  }
  return compose(to.email, `Votre demande pour ${answer.structureName}`, {
    greeting: greeting(to.name),
    paragraphs: [`Votre demande pour rejoindre la structure « ${answer.structureName} » n’a pas été acceptée.`, ...(answer.reason ? [`Motif : « ${answer.reason} »`] : [])],
    footer: [],
  });
}

export function structureDecisionMail(
  to: { name: string; email: string },
  decision: { structureName: string; validated: boolean; reason: string | null; url: string },
): Mail {
  return compose(to.email, decision.validated ? `${decision.structureName} est validée` : `${decision.structureName} n’a pas été validée`, {
    greeting: greeting(to.name),
    paragraphs: decision.validated
      ? [
          `La coordination du département a validé la structure « ${decision.structureName} ».`,
          'Ses offres publiées sont désormais visibles des professionnels et du public.',
        ]
      : [
          `La coordination du département n’a pas validé la structure « ${decision.structureName} ».`,
          `Motif : « ${decision.reason ?? ''} »`,
          'Vous pouvez compléter la fiche de la structure puis en parler avec la coordination.',
        ],
    action: { label: 'Ouvrir l’espace de la structure', url: decision.url },
    footer: [],
  });
}

export function offerModeratedMail(
  to: { name: string; email: string },
  notice: { offerName: string; structureName: string; action: 'suspend' | 'unpublish'; until: string | null; reason: string | null; url: string },
): Mail {
  const what =
    notice.action === 'suspend'
      ? `a suspendu l’offre « ${notice.offerName} »${notice.until ? ` jusqu’au ${notice.until.split('-').reverse().join('/')}` : ''}`
      : `a retiré de la publication l’offre « ${notice.offerName} » : elle est repassée en brouillon`;
  return compose(to.email, `Offre « ${notice.offerName} » modérée`, {
    greeting: greeting(to.name),
    paragraphs: [
      `La coordination du département ${what} (structure « ${notice.structureName} »).`,
      ...(notice.reason ? [`Motif : « ${notice.reason} »`] : []),
      notice.action === 'unpublish' ? 'Corrigez-la puis publiez-la de nouveau.' : 'Elle réapparaîtra à la fin de la suspension.',
    ],
    action: { label: 'Voir l’offre', url: notice.url },
    footer: [],
  });
}

export function structureToValidateMail(
  to: { name: string; email: string },
  registration: { structureName: string; communeName: string | null; registrantName: string; url: string; /** The département a validated structure moved from. */ movedFrom?: string | null },
): Mail {
  const where = registration.communeName ? ` (${registration.communeName})` : '';
  const moved = registration.movedFrom !== undefined;
  return compose(to.email, `${moved ? 'Structure arrivée dans votre département' : 'Nouvelle structure'} à valider : ${registration.structureName}`, {
    greeting: greeting(to.name),
    paragraphs: [
      moved
        ? `${registration.registrantName} a déplacé la structure « ${registration.structureName} » dans votre département${registration.communeName ? `, à ${registration.communeName}` : ''}${registration.movedFrom ? ` (elle était dans le ${registration.movedFrom})` : ''}, sur ${SERVICE}.`
        : `${registration.registrantName} vient d’inscrire la structure « ${registration.structureName} »${where} sur ${SERVICE}.`,
      'Elle attend votre validation pour que ses offres soient visibles : vérifiez qu’elle propose ou accompagne des solutions d’insertion et que cette personne en fait bien partie.',
    ],
    action: { label: 'Ouvrir la file de modération', url: registration.url },
    footer: ['Vous recevez ce message parce que vous coordonnez ce département.'],
  });
}
