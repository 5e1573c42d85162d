/**
 * CLI `maintenance [--now]`: runs the time-driven tasks once on the database file, with the clock an
 * operator gives — here an orientation 31 days old expires (the professional's mail queued with it)
 * and a structure with an overdue offer gets this month's digest, queued once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { createOrientationRequest } from '../../api/db/orientations.ts';
import { run as maintenance } from '../../seed/commands/maintenance.ts';
import { dueMails } from '../../api/db/mail-outbox.ts';
import type { CliContext } from '../../seed/cli.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser } from '../helpers/auth.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';

let t: TestApp;
let orientationId: string;
let out: string[];
let err: string[];
const ctx = (): CliContext => {
  out = [];
  err = [];
  return { config: { ...loadConfig({}), databasePath: t.path }, out: (l) => out.push(l), err: (l) => err.push(l) };
};

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  const structure = await upsertStructureBySource(t.db, aStructure({ source_id: 'cli-s', name: 'Atelier du Marmandais', email: 'accueil@atelier-marmandais.fr' }), t.now);
  const offer = await upsertOfferBySource(t.db, anOffer(structure, { source_id: 'cli-o', name: 'Atelier vélo', confirmed_at: '2025-01-01T00:00:00.000Z', updated_on: '2025-01-01' }), t.now);
  const referent = await createUser(t, { email: 'referente@cd47.fr' });
  const { orientations } = await createOrientationRequest(
    t.db,
    { prescriberUserId: referent.id, first_name: 'Camille', last_name: 'Durand', contact_preference: 'referent', phone: null, email: null, availability: null, reasons: 'Mobilité.', offers: [{ offer: { id: offer, name: 'Atelier vélo' }, structure: { id: structure, name: 'Atelier du Marmandais' } }] },
    t.now,
  );
  orientationId = orientations[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

describe('npm run cli -- maintenance', () => {
  it('refuses a date it cannot read, changing nothing', async () => {
    expect(await maintenance(['--now', 'demain'], ctx())).toBe(2);
    expect(err.join('\n')).toContain('Date invalide');
    expect(await maintenance(['--vite'], ctx())).toBe(2);
    expect(await t.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
  });

  it('runs every task once at the given time; the mails wait in the queue', async () => {
    const at = new Date(t.now.getTime() + 31 * 86_400_000).toISOString();
    expect(await maintenance(['--now', at], ctx())).toBe(0);
    expect(out.join('\n')).toContain('orientations relancées : 0, expirées : 1');
    expect(out.join('\n')).toContain('lettres de fraîcheur mises en file : 1');
    const status = await t.db.selectFrom('orientations').select('status').where('id', '=', orientationId).executeTakeFirstOrThrow();
    expect(status.status).toBe('expired');
    const mails = await t.db.selectFrom('mail_outbox').select(['recipient', 'subject', 'status']).orderBy('id').execute();
    expect(mails).toEqual([
      { recipient: 'referente@cd47.fr', subject: expect.stringContaining('expiré'), status: 'pending' },
      { recipient: 'accueil@atelier-marmandais.fr', subject: expect.stringContaining('à vérifier'), status: 'pending' },
    ]);
    // Again the same day: nothing more (the digest is monthly, the expiry done).
    expect(await maintenance(['--now', at], ctx())).toBe(0);
    expect(out.join('\n')).toContain('lettres de fraîcheur mises en file : 0');
    expect(await t.db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(2);
  });

  it('queues the mails of a run at a later date as due now: the running server sends them at once', async () => {
    expect(await maintenance(['--now', '2099-03-01T08:00:00Z'], ctx())).toBe(0);
    expect(out.join('\n')).toContain('lettres de fraîcheur mises en file : 1');
    const due = await dueMails(t.db, new Date(), 100);
    expect(due.map((m) => [m.created_at, m.subject])).toContainEqual(['2099-03-01T08:00:00.000Z', expect.stringContaining('à vérifier')]);
  });
});
