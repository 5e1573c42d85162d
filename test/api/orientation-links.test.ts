/**
 * The structure's answer links: signed (HMAC over orientation, purpose and expiry), expiring after 8
 * days, single-purpose. Forged links, links past their date and links reused on another orientation
 * are refused and change nothing; an expired link can ask for a fresh one, mailed to the structure's
 * contact only, at most hourly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orientationCast, type OrientationCast } from '../helpers/orientations.ts';
import { requestAnonymous } from '../helpers/auth.ts';
import { signLink } from '../../api/auth/signed-links.ts';
import { getOrientation } from '../../api/db/orientations.ts';

type Json = Record<string, any>;

let c: OrientationCast;
let a: { id: string; token: string };
let b: { id: string; token: string };

const anonymous = (path: string, json?: unknown) => requestAnonymous(c.app, path, json === undefined ? {} : { method: 'POST', json });

async function status(id: string) {
  return (await getOrientation(c.t.db, id))!.status;
}

beforeAll(async () => {
  c = await orientationCast();
  const r = await c.users.referent.request('/api/orientations', { method: 'POST', json: c.body([c.offers.withPlaces, c.offers.noEmail]) });
  expect(r.status).toBe(201);
  a = c.linkIn(await c.sink.waitFor((m) => m.to.includes('velo@atelier-marmandais.fr')));
  b = c.linkIn(await c.sink.waitFor((m) => m.to.includes('accueil@atelier-marmandais.fr')));
});

afterAll(async () => {
  await c?.close();
});

describe('answer links', () => {
  it('open their own orientation', async () => {
    expect((await anonymous(`/api/orientations/${a.id}?token=${a.token}`)).status).toBe(200);
    expect((await anonymous(`/api/orientations/${b.id}?token=${b.token}`)).status).toBe(200);
  });

  it('refuse a forged link (403) and write nothing', async () => {
    const forged = `${a.token.split('.')[0]}.${'A'.repeat(43)}`;
    const r = await anonymous(`/api/orientations/${a.id}?token=${forged}`);
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as Json).title).toBe('Lien invalide');
    // A later expiry with the old signature is a forgery too.
    const stretched = `${Number(a.token.split('.')[0]) + 86_400}.${a.token.split('.')[1]}`;
    expect((await anonymous(`/api/orientations/${a.id}/accept`, { token: stretched })).status).toBe(403);
    expect((await anonymous(`/api/orientations/${a.id}/accept`, { token: forged })).status).toBe(403);
    expect(await status(a.id)).toBe('sent');
  });

  it('refuse a link reused on another orientation, or signed for another purpose', async () => {
    expect((await anonymous(`/api/orientations/${b.id}?token=${a.token}`)).status).toBe(403);
    expect((await anonymous(`/api/orientations/${b.id}/refuse`, { token: a.token, reason: 'doublon' })).status).toBe(403);
    const confirmLink = await signLink({ db: c.t.db, config: c.t.config, clock: () => c.clock.now }, 'offer-confirm', b.id);
    expect((await anonymous(`/api/orientations/${b.id}/accept`, { token: confirmLink.token })).status).toBe(403);
    // And the other way round: an answer link does not confirm an offer.
    const answerAsConfirm = await signLink({ db: c.t.db, config: c.t.config, clock: () => c.clock.now }, 'orientation-answer', c.offers.withPlaces);
    expect((await anonymous(`/api/freshness/offers/${c.offers.withPlaces}/confirm`, { token: answerAsConfirm.token })).status).toBe(403);
    expect(await status(b.id)).toBe('sent');
  });

  it('say what is wrong with a mangled link (400 on the token field)', async () => {
    const r = await anonymous(`/api/orientations/${a.id}/accept`, { token: 'abc' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as Json).errors).toEqual([{ path: 'token', message: expect.stringContaining('lien incomplet') }]);
  });

  it('expire after 8 days (410) and change nothing', async () => {
    c.clock.advanceDays(8.01);
    const r = await anonymous(`/api/orientations/${a.id}?token=${a.token}`);
    expect(r.status).toBe(410);
    expect(((await r.json()) as Json).detail).toContain('Demandez-en un nouveau');
    expect((await anonymous(`/api/orientations/${a.id}/accept`, { token: a.token })).status).toBe(410);
    expect(await status(a.id)).toBe('sent');
  });

  it('an expired link asks for a fresh one, mailed to the structure’s contact only; once an hour', async () => {
    expect((await anonymous(`/api/orientations/${a.id}/link`, { token: `${a.token.split('.')[0]}.${'B'.repeat(43)}` })).status).toBe(403);
    await c.t.deliverMails();
    const before = c.sink.messages.length;
    const r = await anonymous(`/api/orientations/${a.id}/link`, { token: a.token });
    expect(r.status, await r.clone().text()).toBe(202);
    expect(((await r.json()) as Json).message).toBe('Un nouveau lien a été envoyé à v•••@atelier-marmandais.fr.');
    const mail = await c.sink.waitFor((m) => m.subject.startsWith('Nouveau lien') && m.to.includes('velo@atelier-marmandais.fr'));
    expect(c.sink.messages.length).toBe(before + 1);
    const fresh = c.linkIn(mail);
    expect(fresh.id).toBe(a.id);
    expect(fresh.token).not.toBe(a.token);
    expect((await anonymous(`/api/orientations/${a.id}?token=${fresh.token}`)).status).toBe(200);

    const again = await anonymous(`/api/orientations/${a.id}/link`, { token: a.token });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(c.sink.messages.length).toBe(before + 1);

    const accepted = await anonymous(`/api/orientations/${a.id}/accept`, { token: fresh.token });
    expect(accepted.status).toBe(200);
    expect(await status(a.id)).toBe('accepted');
  });
});
