/**
 * The SMTP mailer against a real SMTP server (smtp-server on a random port): what leaves is what a
 * mailbox reads — French subject and body intact in text and HTML, sender, reply-to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type SmtpMailer } from '../../api/mail/smtp.ts';
import { compose } from '../../api/mail/templates.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

let sink: SmtpSink;
let mailer: SmtpMailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpMailer(sink.url, '"Offre locale d\'insertion" <ne-pas-repondre@exemple.fr>');
});

afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

describe('SMTP mailer', () => {
  it('delivers a French mail in text and HTML, with sender and reply-to', async () => {
    const mail = compose('structure@exemple.fr', 'Nouvelle orientation vers « Atelier vélo » — été', {
      greeting: 'Bonjour,',
      paragraphs: ['Élodie Martin vous oriente une personne : « accès à l’emploi » & co. '.repeat(4).trim()],
      action: { label: 'Voir la demande', url: 'https://exemple.fr/orientations/abc/reponse?jeton=123.abc_DEF-456' },
      footer: [],
    });
    await mailer.send({ ...mail, replyTo: 'elodie.martin@exemple.fr' });
    const received = await sink.waitFor((m) => m.to.includes('structure@exemple.fr'));
    expect(received.subject).toBe(mail.subject);
    expect(received.from).toContain('ne-pas-repondre@exemple.fr');
    expect(received.replyTo).toBe('elodie.martin@exemple.fr');
    expect(received.text).toBe(mail.text);
    expect(received.html).toBe(mail.html);
    expect(received.text).toContain('https://exemple.fr/orientations/abc/reponse?jeton=123.abc_DEF-456');
  });

  it('fails loudly when the server cannot be reached (the caller decides whether that fails its write)', async () => {
    const closed = smtpMailer('smtp://127.0.0.1:1', 'service@exemple.fr');
    await expect(closed.send({ to: 'a@exemple.fr', subject: 's', text: 't', html: '<p>t</p>' })).rejects.toThrow();
    closed.close();
  });
});
