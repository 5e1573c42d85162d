/** Notifications never fail the write they follow, and their failures are logged without addresses. */
import { describe, expect, it } from 'vitest';
import { appLink, notify } from '../../api/mail/notify.ts';
import type { Mail } from '../../api/mail/mailer.ts';

const mail = (to: string): Mail => ({ to, subject: 's', text: 't', html: 'h' });

describe('notify', () => {
  it('sends every mail even when one is refused, and logs the refusal with the address masked', async () => {
    const sent: string[] = [];
    const logged: Array<Record<string, unknown> | undefined> = [];
    const mailer = {
      async send(m: Mail) {
        if (m.to === 'refus@exemple.fr') throw new Error('550 5.1.1 <refus@exemple.fr>: Recipient address rejected');
        sent.push(m.to);
      },
    };
    const logger = { error: (_: string, meta?: Record<string, unknown>) => void logged.push(meta), info() {} };
    await notify({ mailer, logger }, [mail('refus@exemple.fr'), mail('ok@exemple.fr')], 'test');
    expect(sent).toEqual(['ok@exemple.fr']);
    expect(logged).toEqual([{ what: 'test', error: '550 5.1.1 <[adresse]>: Recipient address rejected' }]);
  });
});

describe('appLink', () => {
  it('joins the public base URL, the path and the parameters', () => {
    expect(appLink('https://insertion.exemple.fr/', '/invitation', { token: 'a b' })).toBe('https://insertion.exemple.fr/invitation?token=a+b');
    expect(appLink('http://localhost:8787', '/moderation')).toBe('http://localhost:8787/moderation');
  });
});
