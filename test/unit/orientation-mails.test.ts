/**
 * The French mails of orientations and freshness campaigns, text and HTML, by snapshot
 * (test/unit/__snapshots__/): a change of wording shows up in review. Beside the snapshots, the
 * rules that must hold whatever the wording: the structure's mail names nobody, the person's mails
 * never carry a refusal, user text is escaped in HTML.
 */
import { describe, expect, it } from 'vitest';
import {
  beneficiaryAcceptedMail,
  beneficiaryInformedMail,
  freshAnswerLinkMail,
  newOrientationMail,
  orientationMessageMail,
  orientationReminderMail,
  orientationsSentMail,
  orientationStatusMail,
  type AnswerLinkNotice,
} from '../../api/mail/orientation-mails.ts';
import { freshnessDigestMail } from '../../api/mail/campaign-mails.ts';
import type { Mail } from '../../api/mail/mailer.ts';

const referent = { name: 'Élodie Martin', email: 'elodie.martin@cd47.fr' };
const link: AnswerLinkNotice = {
  prescriberName: referent.name,
  prescriberEmail: referent.email,
  offerName: 'Atelier vélo solidaire',
  structureName: 'Atelier du Marmandais',
  url: 'https://insertion.exemple.fr/orientations/0b8c/reponse?jeton=1781000000.abcDEF_123-xyz',
  validDays: 8,
  expiresOn: '2026-07-15T10:00:00.000Z',
};
const item = { offerName: 'Atelier vélo solidaire', structureName: 'Atelier du Marmandais', address: '3 rue de la Gare, 47200 Marmande', phone: '05 53 00 00 01' };

const MAILS: Record<string, Mail> = {
  'new orientation (structure)': newOrientationMail('velo@atelier-marmandais.fr', link),
  'reminder (structure)': orientationReminderMail('velo@atelier-marmandais.fr', { ...link, sentAt: '2026-06-15T10:00:00.000Z' }),
  'fresh link (structure)': freshAnswerLinkMail('velo@atelier-marmandais.fr', { offerName: link.offerName, structureName: link.structureName, url: link.url, validDays: 8 }),
  'sent (referent)': orientationsSentMail(referent, {
    beneficiary: 'Camille D.',
    items: [
      { offerName: 'Atelier vélo solidaire', structureName: 'Atelier du Marmandais' },
      { offerName: 'Permis accompagné', structureName: 'Auto-école sociale' },
    ],
    url: 'https://insertion.exemple.fr/mes-orientations',
  }),
  'informed (person)': beneficiaryInformedMail('camille@exemple.fr', { firstName: 'Camille', prescriberName: referent.name, items: [item], retentionDays: 180 }),
  'accepted (person)': beneficiaryAcceptedMail('camille@exemple.fr', { firstName: 'Camille', item, session: 'Session d’été (06/07/2026)' }),
  'accepted (referent)': orientationStatusMail(referent, {
    status: 'accepted',
    beneficiary: 'Camille D.',
    offerName: item.offerName,
    structureName: item.structureName,
    reasonLabel: null,
    message: 'Rendez-vous lundi à 9 h.',
    session: 'Session d’été (06/07/2026)',
    url: 'https://insertion.exemple.fr/mes-orientations/0b8c',
  }),
  'refused (referent)': orientationStatusMail(referent, {
    status: 'refused',
    beneficiary: 'Camille D.',
    offerName: item.offerName,
    structureName: item.structureName,
    reasonLabel: 'Session complète',
    message: 'Prochaine session en septembre <inscriptions ouvertes>.',
    session: null,
    url: 'https://insertion.exemple.fr/mes-orientations/0b8c',
  }),
  'expired (referent)': orientationStatusMail(referent, {
    status: 'expired',
    beneficiary: 'Camille D.',
    offerName: item.offerName,
    structureName: item.structureName,
    reasonLabel: null,
    message: null,
    session: null,
    url: 'https://insertion.exemple.fr/mes-orientations/0b8c',
  }),
  'message (referent)': orientationMessageMail(referent, {
    beneficiary: 'Camille D.',
    offerName: item.offerName,
    structureName: item.structureName,
    message: 'Pouvez-vous nous rappeler ?',
    url: 'https://insertion.exemple.fr/mes-orientations/0b8c',
  }),
  'freshness digest (structure)': freshnessDigestMail(
    { name: 'Jeanne Admin', email: 'jeanne@atelier-marmandais.fr' },
    {
      structureName: 'Atelier du Marmandais',
      validDays: 40,
      offers: [
        {
          name: 'Atelier vélo solidaire',
          lastConfirmed: '2025-10-01T08:00:00.000Z',
          confirmUrl: 'https://insertion.exemple.fr/fraicheur/confirmer?offre=o1&jeton=1.abc',
          editUrl: 'https://insertion.exemple.fr/structure/offres/o1',
        },
        { name: 'Permis accompagné', lastConfirmed: null, confirmUrl: 'https://insertion.exemple.fr/fraicheur/confirmer?offre=o2&jeton=1.def', editUrl: 'https://insertion.exemple.fr/structure/offres/o2' },
      ],
    },
  ),
};

describe('orientation and campaign mails', () => {
  for (const [name, mail] of Object.entries(MAILS)) {
    it(`${name}: text and HTML`, () => {
      expect({ to: mail.to, subject: mail.subject, replyTo: mail.replyTo ?? null, text: mail.text }).toMatchSnapshot();
      expect(mail.html).toMatchSnapshot();
    });
  }

  it('the structure’s mails carry the link but nothing about the person; answers go to the referent', () => {
    for (const mail of [MAILS['new orientation (structure)']!, MAILS['reminder (structure)']!]) {
      expect(mail.text).toContain(link.url);
      expect(mail.html).toContain(link.url.replace(/&/g, '&amp;'));
      expect(mail.replyTo).toBe(referent.email);
    }
  });

  it('the referent reads the refusal reason; the person’s mails have no word of refusal', () => {
    expect(MAILS['refused (referent)']!.text).toContain('Motif : Session complète.');
    for (const mail of [MAILS['informed (person)']!, MAILS['accepted (person)']!]) expect(mail.text).not.toMatch(/refus|motif/i);
  });

  it('elides « de » before a vowel: « Message d’Atelier du Marmandais », « l’orientation d’Émilie D. »', () => {
    expect(MAILS['message (referent)']!.subject).toMatch(/^Message d’Atelier du Marmandais : Atelier vélo solidaire/);
    const toEmilie = orientationMessageMail(referent, { beneficiary: 'Émilie D.', offerName: 'Permis', structureName: 'Relais mobilité', message: 'Bonjour', url: link.url });
    expect(toEmilie.subject).toMatch(/^Message de Relais mobilité : Permis/);
    expect(toEmilie.text).toContain('À propos de l’orientation d’Émilie D. vers « Permis »');
  });

  it('escapes what users typed in the HTML version', () => {
    expect(MAILS['refused (referent)']!.html).toContain('&lt;inscriptions ouvertes&gt;');
    expect(MAILS['refused (referent)']!.html).not.toContain('<inscriptions');
  });

  it('the digest gives each offer its two links, in text and HTML', () => {
    const digest = MAILS['freshness digest (structure)']!;
    expect(digest.text).toContain('Rien n’a changé : https://insertion.exemple.fr/fraicheur/confirmer?offre=o1&jeton=1.abc');
    expect(digest.text).toContain('Modifier : https://insertion.exemple.fr/structure/offres/o2');
    expect(digest.html).toContain('<a href="https://insertion.exemple.fr/fraicheur/confirmer?offre=o2&amp;jeton=1.def">Rien n’a changé</a>');
  });
});
