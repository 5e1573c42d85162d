/**
 * An orientation's life with time, as the hourly maintenance runs it: one reminder to the structure
 * after 10 days (with a fresh link), expiry after 30 (the referent is told), and the person's details
 * anonymised ORIENTATION_RETENTION_DAYS after the whole request closed — not a day before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orientationCast, DAY_MS, type OrientationCast } from '../helpers/orientations.ts';
import { requestAnonymous } from '../helpers/auth.ts';
import { getOrientation } from '../../api/db/orientations.ts';

type Json = Record<string, any>;

let c: OrientationCast;
let ids: string[];
const RETENTION = 60;

beforeAll(async () => {
  c = await orientationCast({ retentionDays: RETENTION });
  const r = await c.users.referent.request('/api/orientations', { method: 'POST', json: c.body([c.offers.withPlaces, c.offers.noEmail]) });
  ids = (((await r.json()) as Json).orientations as Json[]).map((o) => o.id);
});

afterAll(async () => {
  await c?.close();
});

const at = (days: number) => new Date(c.t.now.getTime() + days * DAY_MS);

describe('deadlines', () => {
  it('no reminder before 10 days', async () => {
    const report = await c.t.maintain(at(9.9));
    expect(report).toMatchObject({ remindedOrientations: 0, expiredOrientations: 0, failed: [] });
  });

  it('one reminder after 10 days, to the structure, with a link that works', async () => {
    const link = c.linkIn(await c.sink.waitFor((m) => m.to.includes('accueil@atelier-marmandais.fr')));
    // The structure answers the second one before the reminder.
    c.clock.set(at(2));
    expect((await requestAnonymous(c.app, `/api/orientations/${link.id}/refuse`, { method: 'POST', json: { token: link.token, reason: 'non-eligible' } })).status).toBe(200);

    c.clock.set(at(10.1));
    const report = await c.t.maintain(c.clock.now);
    expect(report.remindedOrientations).toBe(1);
    const reminder = await c.sink.waitFor((m) => m.subject.startsWith('Relance') && m.to.includes('velo@atelier-marmandais.fr'));
    const fresh = c.linkIn(reminder);
    expect(fresh.id).toBe(ids[0]);
    expect((await requestAnonymous(c.app, `/api/orientations/${fresh.id}?token=${fresh.token}`)).status).toBe(200);
    expect((await c.t.maintain(at(11))).remindedOrientations).toBe(0);
    expect(c.sink.messages.filter((m) => m.subject.startsWith('Relance'))).toHaveLength(1);
  });

  it('expires after 30 days without an answer; the referent is told; answering is then refused', async () => {
    expect((await c.t.maintain(at(29.9))).expiredOrientations).toBe(0);
    const report = await c.t.maintain(at(30.1));
    expect(report.expiredOrientations).toBe(1);
    expect((await getOrientation(c.t.db, ids[0]!))!).toMatchObject({ status: 'expired', closed_at: at(30.1).toISOString() });
    const mail = await c.sink.waitFor((m) => m.to.includes(c.users.referent.email) && m.subject.startsWith('Orientation expirée'));
    expect(mail.text).toContain('Atelier vélo solidaire');
    c.clock.set(at(30.2));
    const session = await c.users.member.request(`/api/orientations/${ids[0]}/accept`, { method: 'POST', json: {} });
    expect(session.status).toBe(401); // the member's session of day 0 has ended
    const late = await c.as(c.users.member, `/api/orientations/${ids[0]}/accept`, { method: 'POST', json: {} });
    expect(late.status).toBe(409);
    expect((await c.t.maintain(at(31))).expiredOrientations).toBe(0);
  });
});

describe('retention', () => {
  it('keeps the details until ORIENTATION_RETENTION_DAYS after the last orientation of the request closed', async () => {
    // Closed on day 2 (refused) and day 30.1 (expired): the request closed on day 30.1.
    await c.t.maintain(at(30.1 + RETENTION - 0.5));
    const kept = (await getOrientation(c.t.db, ids[1]!))!;
    expect(kept.request).toMatchObject({ beneficiary_first_name: 'Camille', anonymised_at: null });
  });

  it('then blanks the person’s details, the reasons and the structure’s messages, and records it', async () => {
    await c.t.db.insertInto('orientation_messages').values({ orientation_id: ids[1]!, author: 'structure', body: 'Camille a appelé, merci.', created_at: at(3).toISOString() }).execute();
    const report = await c.t.maintain(at(30.1 + RETENTION + 0.5));
    expect(report.retention?.['orientation-retention']).toBe(1);
    for (const id of ids) {
      const o = (await getOrientation(c.t.db, id))!;
      expect(o.request).toMatchObject({
        beneficiary_first_name: null,
        beneficiary_last_name: null,
        beneficiary_phone: null,
        beneficiary_email: null,
        availability: null,
        reasons: null,
        anonymised_at: at(30.1 + RETENTION + 0.5).toISOString(),
      });
      expect(o.answer_message).toBeNull();
      // What stays: the offer, the structure, the status, the dates, the referent's account.
      expect(o).toMatchObject({ offer_id: expect.any(String), structure_name: 'Atelier du Marmandais', sent_at: c.t.now.toISOString() });
      expect(o.request.prescriber_user_id).toBe(c.users.referent.id);
    }
    const messages = await c.t.db.selectFrom('orientation_messages').select('body').where('orientation_id', 'in', ids).execute();
    expect(messages.map((m) => m.body)).toEqual([null]);
    const events = await c.t.db.selectFrom('orientation_events').select(['orientation_id', 'actor_kind']).where('action', '=', 'anonymised').execute();
    expect(events.map((e) => e.orientation_id).sort()).toEqual([...ids].sort());

    c.clock.set(at(30.1 + RETENTION + 1));
    const view = (await (await c.as(c.users.referent, `/api/orientations/${ids[1]}`)).json()) as Json;
    expect(view).toMatchObject({ anonymised: true, beneficiary: null, reasons: null, status: 'refused', refusal_reason: 'non-eligible' });
    const list = (await (await c.as(c.users.referent, '/api/me/orientations')).json()) as Json;
    expect((list.items as Json[]).map((i) => i.beneficiary)).toEqual([null, null]);
    expect((await c.t.maintain(at(30.1 + RETENTION + 2))).retention?.['orientation-retention']).toBe(0);
  });
});
