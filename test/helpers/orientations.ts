/**
 * The cast of the orientation tests, on a real SQLite file and a real SMTP server: a structure of
 * Lot-et-Garonne with a contact address and an admin, offers mobilisable by professionals (with
 * places and a session, without their own e-mail, for users only, a draft), another structure that
 * has no address but an admin, two referents, a member of each structure, an unconfirmed account.
 * The clock moves (`clock.advanceDays`) for reminders, expiry and retention.
 */
import type { Hono } from 'hono';
import { createTestApp, TEST_NOW, type TestApp } from './app.ts';
import { createUser, openSession, requestAs, type RequestOptions, type TestUser } from './auth.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { smtpMailer, type SmtpMailer } from '../../api/mail/smtp.ts';
import type { OfferInput } from '../../api/domain/offer.ts';

export const DAY_MS = 86_400_000;

export interface MovingClock {
  now: Date;
  set(date: Date): void;
  advanceDays(days: number): Date;
}

export interface OrientationCast {
  t: TestApp;
  app: Hono;
  sink: SmtpSink;
  clock: MovingClock;
  structure: string;
  otherStructure: string;
  offers: { withPlaces: string; noEmail: string; usersOnly: string; draft: string; otherStructure: string };
  sessionId: string;
  users: { referent: TestUser; otherReferent: TestUser; member: TestUser; otherMember: TestUser; unverified: TestUser };
  /** A request as `user` with a session opened now (the clock may have moved past the first one). */
  as(user: TestUser, path: string, options?: RequestOptions): Promise<Response>;
  /** A valid request body for these offers. */
  body(offerIds: string[], overrides?: Record<string, unknown>): Record<string, unknown>;
  /** The answer link's orientation id and token, read from a mail. */
  linkIn(mail: ReceivedMail): { id: string; token: string; url: string };
  close(): Promise<void>;
}

let seq = 0;

/** `smtpUrl`: another mail server than the cast's sink (one that is down, or never greets), with its timeouts. */
export async function orientationCast(options: { retentionDays?: number; smtpUrl?: string; smtpTimeouts?: Parameters<typeof smtpMailer>[2] } = {}): Promise<OrientationCast> {
  const sink = await startSmtpSink();
  const mailer: SmtpMailer = smtpMailer(options.smtpUrl ?? sink.url, '"Offre locale d\'insertion" <ne-pas-repondre@exemple.fr>', options.smtpTimeouts);
  const clock: MovingClock = {
    now: new Date(TEST_NOW),
    set(date) {
      this.now = new Date(date);
    },
    advanceDays(days) {
      this.now = new Date(this.now.getTime() + days * DAY_MS);
      return this.now;
    },
  };
  const t = await createTestApp({
    territories: true,
    clock: () => clock.now,
    mailer,
    config: { publicBaseUrl: 'https://insertion.exemple.fr', ...(options.retentionDays ? { orientationRetentionDays: options.retentionDays } : {}) },
  });
  const tag = `o${++seq}`;
  const structure = await upsertStructureBySource(t.db, aStructure({ source_id: `${tag}-s`, name: 'Atelier du Marmandais', email: 'accueil@atelier-marmandais.fr', phone: '05 53 00 00 01' }), t.now);
  const otherStructure = await upsertStructureBySource(
    t.db,
    aStructure({ source_id: `${tag}-t`, name: 'Association des Landes', commune_code: '40192', postal_code: '40000', commune_name: 'Mont-de-Marsan', email: null }),
    t.now,
  );
  const offer = (structureId: string, key: string, overrides: Partial<OfferInput>) => upsertOfferBySource(t.db, anOffer(structureId, { source_id: `${tag}-${key}`, ...overrides }), t.now);
  const nextMonth = new Date(TEST_NOW.getTime() + 20 * DAY_MS).toISOString().slice(0, 10);
  const offers = {
    withPlaces: await offer(structure, 'places', {
      name: 'Atelier vélo solidaire',
      email: 'velo@atelier-marmandais.fr',
      capacity: 8,
      places_available: 3,
      sessions: [{ label: 'Session d’été', starts_on: nextMonth, ends_on: null, capacity: 6, places_available: 2 }],
    }),
    noEmail: await offer(structure, 'no-email', { name: 'Permis accompagné', email: null }),
    usersOnly: await offer(structure, 'users', { name: 'Accueil libre', mobilisable_par: ['usagers'] }),
    draft: await offer(structure, 'draft', { name: 'Projet en préparation', status: 'draft' }),
    otherStructure: await offer(otherStructure, 'other', { name: 'Garage solidaire landais', email: null, commune_code: '40192', postal_code: '40000', commune_name: 'Mont-de-Marsan', zone: ['40'] }),
  };
  const sessionId = (await t.db.selectFrom('offer_sessions').select('id').where('offer_id', '=', offers.withPlaces).executeTakeFirstOrThrow()).id;
  const users = {
    referent: await createUser(t, { name: 'Élodie Martin', email: `elodie.martin.${tag}@cd47.fr` }),
    otherReferent: await createUser(t, { name: 'Paul Autre', email: `paul.autre.${tag}@cd47.fr` }),
    member: await createUser(t, { name: 'Membre Atelier', email: `membre.${tag}@atelier-marmandais.fr`, memberships: [{ structureId: structure, role: 'member' }] }),
    otherMember: await createUser(t, { name: 'Admin Landes', email: `admin.${tag}@asso-landes.fr`, memberships: [{ structureId: otherStructure, role: 'admin' }] }),
    unverified: await createUser(t, { verified: false, email: `pas.confirme.${tag}@cd47.fr` }),
  };
  return {
    t,
    app: t.app,
    sink,
    clock,
    structure,
    otherStructure,
    offers,
    sessionId,
    users,
    async as(user, path, init) {
      const session = await openSession({ app: t.app, db: t.db, now: clock.now }, user.id);
      return requestAs(t.app, session, path, init);
    },
    body: (offerIds, overrides = {}) => ({
      offer_ids: offerIds,
      first_name: 'Camille',
      last_name: 'Durand',
      contact_preference: 'telephone',
      phone: '06 12 34 56 78',
      email: 'camille.durand@exemple.fr',
      availability: 'Les mardis et jeudis matin',
      reasons: 'Cherche une solution de mobilité pour se rendre à un entretien d’embauche à Marmande.',
      consent: true,
      ...overrides,
    }),
    linkIn(mail) {
      const m = /https:\/\/insertion\.exemple\.fr\/orientations\/([\w-]+)\/reponse\?jeton=([\w.-]+)/.exec(mail.text);
      if (!m) throw new Error(`no answer link in «${mail.subject}»:\n${mail.text}`);
      return { id: m[1]!, token: decodeURIComponent(m[2]!), url: m[0] };
    },
    async close() {
      mailer.close();
      await sink.close();
      await t.close();
    },
  };
}
