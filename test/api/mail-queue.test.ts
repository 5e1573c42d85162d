/**
 * The mail queue through HTTP, against real SMTP servers: an orientation answers at once whatever the
 * mail server does (down, or accepting TCP and never greeting); its mails wait in `mail_outbox` and
 * leave when the server is back; after the last attempt the professional sees that the structure was
 * not reached and has it mailed again. Fictitious (reserved) addresses are never handed to SMTP, and
 * the development outbox answers this machine only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { orientationCast, type OrientationCast } from '../helpers/orientations.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/app.ts';
import { MAX_MAIL_ATTEMPTS } from '../../api/jobs/mail-outbox.ts';
import { isReservedAddress } from '../../api/mail/reserved-domains.ts';
import { isLoopback } from '../../api/routes/dev.ts';
import { queueMails } from '../../api/db/mail-outbox.ts';

type Json = Record<string, any>;

const STRUCTURE = 'velo@atelier-marmandais.fr';
const HOUR_MS = 3_600_000;

let c: OrientationCast | undefined;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await c?.close();
  await sink?.close();
  c = undefined;
  sink = undefined;
});

/** A free local port where no SMTP server listens (yet). */
async function downPort(): Promise<number> {
  const probe = await startSmtpSink();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

async function send(cast: OrientationCast): Promise<string> {
  const r = await cast.as(cast.users.referent, '/api/orientations', { method: 'POST', json: cast.body([cast.offers.withPlaces]) });
  expect(r.status, await r.clone().text()).toBe(201);
  return ((await r.json()) as Json).orientations[0].id;
}

const structureMails = (cast: OrientationCast, id: string) =>
  cast.t.db.selectFrom('mail_outbox').selectAll().where('orientation_id', '=', id).where('topic', '=', 'orientation-structure').orderBy('id').execute();

const detail = async (cast: OrientationCast, id: string) => (await (await cast.as(cast.users.referent, `/api/orientations/${id}`)).json()) as Json;

describe('a mail server that is down', () => {
  it('does not fail the orientation: 201, the mails wait, and leave once the server is back', async () => {
    const port = await downPort();
    c = await orientationCast({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const id = await send(c);
    await c.t.deliverMails();
    const [waiting] = await structureMails(c, id);
    expect(waiting).toMatchObject({ recipient: STRUCTURE, status: 'pending', attempts: 1 });
    expect(waiting!.last_error).toBeTruthy();
    expect(waiting!.last_error).not.toContain('@');
    expect((await detail(c, id)).notice).toMatchObject({ status: 'pending', label: 'Courriel à la structure en cours d’envoi' });

    sink = await startSmtpSink({ port });
    // Past the backoff (30 s after the first failure).
    await c.t.deliverMails(new Date(Date.now() + 60_000));
    const mail = await sink.waitFor((m) => m.to.includes(STRUCTURE));
    expect(mail.subject).toContain('Atelier vélo solidaire');
    expect(c.linkIn(mail).id).toBe(id);
    expect(sink.to('camille.durand@exemple.fr')).toHaveLength(1);
    expect((await structureMails(c, id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await detail(c, id)).notice).toMatchObject({ status: 'sent', label: 'Courriel remis à la structure' });
  });

  it('after the last attempt, the professional sees it failed and has the structure mailed again', async () => {
    const port = await downPort();
    c = await orientationCast({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const id = await send(c);
    await c.t.deliverMails();
    for (let i = 1; i < MAX_MAIL_ATTEMPTS; i++) await c.t.deliverMails(new Date(Date.now() + i * 3 * HOUR_MS));
    expect((await structureMails(c, id))[0]).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS });
    const failed = await detail(c, id);
    expect(failed.notice).toMatchObject({ status: 'failed', label: 'Courriel à la structure non remis' });
    expect(failed.contacts.offer).toEqual({ phone: expect.any(String), email: STRUCTURE });
    expect(failed.contacts.structure).toMatchObject({ name: 'Atelier du Marmandais', phone: '05 53 00 00 01', email: 'accueil@atelier-marmandais.fr' });

    // Only the professional who sent it may ask; the structure's member may not.
    expect((await c.as(c.users.otherReferent, `/api/orientations/${id}/resend`, { method: 'POST' })).status).toBe(403);
    expect((await c.as(c.users.member, `/api/orientations/${id}/resend`, { method: 'POST' })).status).toBe(403);
    sink = await startSmtpSink({ port });
    const r = await c.as(c.users.referent, `/api/orientations/${id}/resend`, { method: 'POST' });
    expect(r.status, await r.clone().text()).toBe(202);
    expect(((await r.json()) as Json).message).toBe('La demande a été renvoyée à v•••@atelier-marmandais.fr.');
    const mail = await sink.waitFor((m) => m.to.includes(STRUCTURE));
    const link = c.linkIn(mail);
    expect(link.id).toBe(id);
    expect((await c.app.request(`/api/orientations/${id}?token=${link.token}`)).status).toBe(200);
    await c.t.deliverMails();
    const after = await detail(c, id);
    expect(after.notice).toMatchObject({ status: 'sent' });
    expect((after.history as Json[]).map((h) => h.action)).toContain('resent');

    // Delivered a moment ago: not again within the hour.
    const again = await c.as(c.users.referent, `/api/orientations/${id}/resend`, { method: 'POST' });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBeTruthy();
  });
});

describe('a mail server that accepts the connection and never greets', () => {
  it('does not hold the request: the orientation is answered while the delivery is still in flight', async () => {
    const sockets: Socket[] = [];
    let hangUp = false;
    let connected!: () => void;
    const connection = new Promise<void>((resolve) => (connected = resolve));
    const silent = createServer((socket) => {
      if (hangUp) return void socket.destroy();
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      c = await orientationCast({ smtpUrl: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}` });
      const id = await send(c);
      await connection;
      // The drain is waiting for a greeting that never comes (10 s at most): the mail is neither sent nor failed yet.
      expect((await structureMails(c, id)).map((m) => [m.status, m.attempts])).toEqual([['pending', 0]]);
      expect((await detail(c, id)).status).toBe('sent');
      // Then it hangs up (on this and the next mails): each attempt ends, to be tried again later.
      hangUp = true;
      for (const s of sockets) s.destroy();
      await c.t.deliverMails();
      expect((await structureMails(c, id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('reserved (fictitious) domains', () => {
  it('are recognised: .example, .test, .invalid, .localhost, example.com/net/org', () => {
    for (const address of ['accueil@atelier.example', 'a@b.test', 'x@y.invalid', 'dev@localhost', 'a@mail.localhost', 'a@example.com', 'a@sous.example.org', 'A@EXAMPLE.NET']) {
      expect(isReservedAddress(address), address).toBe(true);
    }
    for (const address of ['accueil@atelier-marmandais.fr', 'a@exemple.fr', 'a@example.fr', 'a@notexample.com', 'a@test.fr']) expect(isReservedAddress(address), address).toBe(false);
  });

  it('are never handed to SMTP: recorded as undeliverable, the others leave', async () => {
    c = await orientationCast();
    await c.t.db.updateTable('offers').set({ email: 'velo@atelier-demo.example' }).where('id', '=', c.offers.withPlaces).execute();
    const id = await send(c);
    await c.t.deliverMails();
    await c.sink.waitFor((m) => m.to.includes('camille.durand@exemple.fr'));
    expect(c.sink.messages.filter((m) => m.to.some((to) => to.endsWith('.example')))).toEqual([]);
    expect((await structureMails(c, id)).map((m) => [m.recipient, m.status, m.attempts])).toEqual([['velo@atelier-demo.example', 'undeliverable', 0]]);
    expect((await detail(c, id)).notice).toMatchObject({ status: 'failed' });
    // Sending it again would fail the same way: the professional is told to call instead.
    const resend = await c.as(c.users.referent, `/api/orientations/${id}/resend`, { method: 'POST' });
    expect(resend.status).toBe(409);
    expect(((await resend.json()) as Json).detail).toContain('appelez-la directement');
  });

  it('digests to fictitious addresses stay in the outbox, never sent', async () => {
    const t = await createTestApp();
    try {
      await queueMails(t.db, [{ to: 'contact@structure.example', subject: 'Vos offres à vérifier', text: 't', html: 'h' }], t.now);
      const r = await t.deliverMails();
      expect(r).toMatchObject({ sent: 0, undeliverable: 1 });
      const outbox = (await (await t.app.request('/api/dev/outbox')).json()) as Json;
      expect(outbox.items[0]).toMatchObject({ to: 'contact@structure.example', status: 'undeliverable' });
    } finally {
      await t.close();
    }
  });
});

describe('the development outbox', () => {
  it('answers requests from this machine only, by the connection’s address', async () => {
    expect(['127.0.0.1', '127.8.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.2', '::ffff:192.168.1.4', '', null, '2001:db8::1'].some(isLoopback)).toBe(false);
    const remote = await createTestApp({ socketAddress: '192.168.1.20' });
    try {
      await queueMails(remote.db, [{ to: 'a@exemple.fr', subject: 'Lien de réponse', text: 't', html: 'h' }], remote.now);
      // A header claiming to be local changes nothing.
      expect((await remote.app.request('/api/dev/outbox', { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(404);
      expect((await remote.app.request('/dev/outbox')).status).toBe(404);
    } finally {
      await remote.close();
    }
    const local = await createTestApp();
    try {
      await queueMails(local.db, [{ to: 'a@exemple.fr', subject: 'Lien de réponse', text: 't', html: 'h' }], local.now);
      expect(((await (await local.app.request('/api/dev/outbox')).json()) as Json).items).toHaveLength(1);
      expect(await (await local.app.request('/dev/outbox')).text()).toContain('Lien de réponse');
    } finally {
      await local.close();
    }
  });
});
