/** Notifications are queued with the change they announce; links into the web app. */
import { afterEach, describe, expect, it } from 'vitest';
import { appLink, maskAddresses, notify } from '../../api/mail/notify.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('notify', () => {
  it('queues the mails in the caller’s transaction (rolled back with it) and wakes the drain', async () => {
    t = await createTestDb();
    const db = t.db;
    let woken = 0;
    const deps = { db, clock: () => new Date('2026-06-15T10:00:00Z'), mailQueued: () => void woken++ };
    await db
      .transaction()
      .execute(async (trx) => {
        await notify({ ...deps, db: trx }, [{ to: 'a@exemple.fr', subject: 's', text: 't', html: 'h' }]);
        throw new Error('the change fails');
      })
      .catch(() => {});
    expect(await db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
    await notify(deps, [{ to: 'b@exemple.fr', subject: 's', text: 't', html: 'h', replyTo: 'pro@exemple.fr' }]);
    const rows = await db.selectFrom('mail_outbox').selectAll().execute();
    expect(rows.map((r) => [r.recipient, r.reply_to, r.status, r.next_attempt_at])).toEqual([['b@exemple.fr', 'pro@exemple.fr', 'pending', '2026-06-15T10:00:00.000Z']]);
    await notify(deps, []);
    expect(woken).toBe(2);
  });

  it('masks addresses in delivery errors', () => {
    expect(maskAddresses('550 5.1.1 <refus@exemple.fr>: Recipient address rejected')).toBe('550 5.1.1 <[adresse]>: Recipient address rejected');
  });
});

describe('appLink', () => {
  it('joins the public base URL, the path and the parameters', () => {
    expect(appLink('https://insertion.exemple.fr/', '/invitation', { token: 'a b' })).toBe('https://insertion.exemple.fr/invitation?token=a+b');
    expect(appLink('http://localhost:8787', '/moderation')).toBe('http://localhost:8787/moderation');
  });
});
