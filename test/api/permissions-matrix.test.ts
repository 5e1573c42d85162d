/**
 * Every write route of the app × every role, through HTTP on a real SQLite file. The list of routes
 * comes from the Hono app itself: a new POST/PATCH/PUT/DELETE route without an entry here fails the
 * first test. For each route, on a resource built for it:
 *   - anonymous → 401, an unconfirmed account → 403, and, where a role is needed, a verified
 *     professional without it, a member of another structure and a coordinator of another
 *     département → 403 (plus the near misses of each route: a plain member where an admin is
 *     needed, a structure admin where a coordinator is needed...);
 *   - malformed bodies (wrong fields, and a body that is not JSON) → 400 problem+json with the
 *     field paths;
 *   - and every one of those refusals leaves the database exactly as it was (all tables dumped);
 *   - then the rightful role → 2xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, TEST_PASSWORD, type RequestOptions, type TestUser } from '../helpers/auth.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { createJoinRequest } from '../../api/db/join-requests.ts';
import { insertOfferReport } from '../../api/db/offer-reports.ts';
import { issueEmailToken } from '../../api/auth/email-tokens.ts';
import { createOrientationRequest } from '../../api/db/orientations.ts';
import { signLink } from '../../api/auth/signed-links.ts';
import type { OfferInput } from '../../api/domain/offer.ts';
import { hasSharedGeo } from '../helpers/shared.ts';
import type { StructureInput } from '../../api/domain/structure.ts';

type Json = Record<string, any>;

/** Who the route is for. */
type Grant =
  /** Anyone, signed in or not (sign-up, login, match...). */
  | 'public'
  /** One particular signed-in person (the requester, the invitee): others get 403. */
  | 'signed-in'
  /** Any verified account. */
  | 'professional'
  /** A role in the resource's structure or département, or a service admin. */
  | 'role';

interface Case {
  path: string;
  /** The body that succeeds for the rightful caller (absent: no body). */
  body?: unknown;
  /** null for the anonymous caller of a public route. */
  rightful: TestUser | null;
  status: number;
  /** Wrong fields, with the paths the 400 must name; null for routes that read no body. */
  malformed: { body: unknown; paths: string[] } | null;
  /** Near misses refused with 403, on top of the standard wrong roles. */
  alsoRefused?: TestUser[];
  /** False when the rightful call writes nothing here (default: it writes). */
  writes?: boolean;
}

interface Entry {
  grant: Grant;
  /** Builds a fresh resource for this route and says how to call it. */
  setup(): Promise<Case>;
}

let t: TestApp;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}`;

// The cast: a structure of Lot-et-Garonne (47) with its admin and a member, one of Landes (40) with
// its admin, coordinators of 47 and of 40, a professional without role, an unconfirmed account, a
// service admin.
let S: string;
let O: string;
const users = {} as Record<'admin47' | 'member47' | 'admin40' | 'coordinator47' | 'coordinator40' | 'professional' | 'unverified' | 'serviceAdmin', TestUser>;

async function structure(overrides: Partial<StructureInput> = {}): Promise<string> {
  return upsertStructureBySource(t.db, aStructure({ source_id: unique('s'), ...overrides }), t.now);
}

async function offer(structureId: string, overrides: Partial<OfferInput> = {}): Promise<string> {
  return upsertOfferBySource(t.db, anOffer(structureId, { source_id: unique('o'), ...overrides }), t.now);
}

const tokenDeps = () => ({ db: t.db, clock: () => t.now });
const futureDay = (days: number) => new Date(t.now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

const MATRIX: Record<string, Entry> = {
  'POST /api/auth/signup': {
    grant: 'public',
    setup: async () => ({
      path: '/api/auth/signup',
      body: { email: `${unique('nouveau')}@exemple.fr`, password: 'un mot de passe assez long', name: 'Nouvelle Personne' },
      rightful: null,
      status: 202,
      malformed: { body: { email: 'pas-une-adresse', password: 'court', name: 'N' }, paths: ['email', 'password'] },
    }),
  },
  'POST /api/auth/verify': {
    grant: 'public',
    setup: async () => {
      const u = await createUser(t, { verified: false });
      const token = await issueEmailToken(tokenDeps(), { purpose: 'verify', email: u.email, userId: u.id });
      return { path: '/api/auth/verify', body: { token }, rightful: null, status: 200, malformed: { body: { token: 12 }, paths: ['token'] } };
    },
  },
  'POST /api/auth/login': {
    grant: 'public',
    setup: async () => {
      const u = await createUser(t);
      return { path: '/api/auth/login', body: { email: u.email, password: TEST_PASSWORD }, rightful: null, status: 200, malformed: { body: { email: 'x' }, paths: ['email', 'password'] } };
    },
  },
  'POST /api/auth/logout': {
    grant: 'public',
    setup: async () => ({ path: '/api/auth/logout', rightful: await createUser(t), status: 204, malformed: null }),
  },
  'POST /api/auth/password/forgot': {
    grant: 'public',
    setup: async () => ({
      path: '/api/auth/password/forgot',
      body: { email: (await createUser(t)).email },
      rightful: null,
      status: 202,
      malformed: { body: { email: 3 }, paths: ['email'] },
    }),
  },
  'POST /api/auth/password/reset': {
    grant: 'public',
    setup: async () => {
      const u = await createUser(t);
      const token = await issueEmailToken(tokenDeps(), { purpose: 'reset', email: u.email, userId: u.id });
      return {
        path: '/api/auth/password/reset',
        body: { token, password: 'un tout nouveau mot de passe' },
        rightful: null,
        status: 200,
        malformed: { body: { token, password: 'court' }, paths: ['password'] },
      };
    },
  },
  'POST /api/match': {
    grant: 'public',
    setup: async () => ({
      path: '/api/match',
      body: { commune: '47157', barriers: ['mobilite'] },
      rightful: null,
      status: 200,
      malformed: { body: { commune: 'Marmande', barriers: ['voiture'] }, paths: ['commune', 'barriers.0'] },
      // The unmet need is recorded only where reach can be judged: from a commune centre (../shared/geo).
      writes: hasSharedGeo('an unmet need is recorded from a commune centre'),
    }),
  },
  'POST /api/offers/:id/reports': {
    grant: 'public',
    setup: async () => ({
      path: `/api/offers/${await offer(S)}/reports`,
      body: { message: 'Le numéro de téléphone ne répond plus depuis septembre.' },
      rightful: null,
      status: 201,
      malformed: { body: { message: 'Faux', email: 'pas-une-adresse' }, paths: ['message', 'email'] },
    }),
  },
  'POST /api/reports/:id/resolve': {
    grant: 'role',
    setup: async () => ({
      path: `/api/reports/${await insertOfferReport(t.db, { offerId: await offer(S), message: 'Le numéro ne répond plus.', email: null }, t.now)}/resolve`,
      rightful: users.coordinator47,
      status: 200,
      malformed: { body: { ok: 1 }, paths: ['ok'] },
      alsoRefused: [users.admin47, users.member47],
    }),
  },
  'POST /api/reports/:id/dismiss': {
    grant: 'role',
    setup: async () => ({
      path: `/api/reports/${await insertOfferReport(t.db, { offerId: await offer(S), message: 'Le numéro ne répond plus.', email: null }, t.now)}/dismiss`,
      rightful: users.coordinator47,
      status: 200,
      malformed: { body: { ok: 1 }, paths: ['ok'] },
      alsoRefused: [users.admin47, users.member47],
    }),
  },
  'POST /api/admin/coordinators': {
    grant: 'role',
    setup: async () => ({
      path: '/api/admin/coordinators',
      body: { email: (await createUser(t)).email, departements: ['47'] },
      rightful: users.serviceAdmin,
      status: 200,
      malformed: { body: { email: 'x', departements: ['999'] }, paths: ['email', 'departements.0'] },
      alsoRefused: [users.admin47, users.coordinator47],
    }),
  },
  'POST /api/admin/memberships': {
    grant: 'role',
    setup: async () => ({
      path: '/api/admin/memberships',
      body: { email: (await createUser(t)).email, structureId: S, role: 'member' },
      rightful: users.serviceAdmin,
      status: 200,
      malformed: { body: { email: 'x', structureId: S, role: 'chef' }, paths: ['email', 'role'] },
      alsoRefused: [users.admin47, users.coordinator47],
    }),
  },
  'POST /api/offers': {
    grant: 'role',
    setup: async () => ({
      path: '/api/offers',
      body: { structure_id: S, name: 'Nouvel atelier numérique' },
      rightful: users.member47,
      status: 201,
      malformed: { body: { structure_id: S, name: 'A', age_min: 'douze', couleur: 'bleu' }, paths: ['name', 'age_min', 'couleur'] },
    }),
  },
  'PATCH /api/offers/:id': {
    grant: 'role',
    setup: async () => ({
      path: `/api/offers/${await offer(S, { status: 'draft' })}`,
      body: { name: 'Nouveau nom de l’offre', phone: '0553000000' },
      rightful: users.member47,
      status: 200,
      malformed: { body: { phone: 'abc', opening_hours: 'tous les jours', status: 'published' }, paths: ['phone', 'opening_hours', 'status'] },
    }),
  },
  'POST /api/offers/:id/publish': {
    grant: 'role',
    setup: async () => ({ path: `/api/offers/${await offer(S, { status: 'draft' })}/publish`, rightful: users.member47, status: 200, malformed: { body: { now: true }, paths: ['now'] } }),
  },
  'POST /api/offers/:id/suspend': {
    grant: 'role',
    setup: async () => ({
      path: `/api/offers/${await offer(S)}/suspend`,
      body: { until: futureDay(10) },
      rightful: users.member47,
      status: 200,
      malformed: { body: { until: '10/12/2026' }, paths: ['until'] },
    }),
  },
  'POST /api/offers/:id/archive': {
    grant: 'role',
    setup: async () => ({ path: `/api/offers/${await offer(S)}/archive`, rightful: users.member47, status: 200, malformed: { body: { reason: 42 }, paths: ['reason'] } }),
  },
  'POST /api/offers/:id/confirm': {
    grant: 'role',
    setup: async () => ({ path: `/api/offers/${await offer(S)}/confirm`, rightful: users.member47, status: 200, malformed: { body: { confirmed_at: 'hier' }, paths: ['confirmed_at'] } }),
  },
  'POST /api/offers/:id/review': {
    grant: 'role',
    setup: async () => ({
      path: `/api/offers/${await offer(S)}/review`,
      rightful: users.coordinator47,
      status: 200,
      malformed: { body: { ok: 1 }, paths: ['ok'] },
      alsoRefused: [users.admin47, users.member47],
    }),
  },
  'POST /api/offers/:id/unpublish': {
    grant: 'role',
    setup: async () => ({
      path: `/api/offers/${await offer(S)}/unpublish`,
      body: { reason: 'Offre en doublon avec celle du CCAS.' },
      rightful: users.coordinator47,
      status: 200,
      malformed: { body: { reason: 'non' }, paths: ['reason'] },
      alsoRefused: [users.admin47, users.member47],
    }),
  },
  'POST /api/structures': {
    grant: 'professional',
    setup: async () => ({
      path: '/api/structures',
      body: { name: 'Association Vélo Marmande', commune_code: '47157' },
      rightful: users.professional,
      status: 201,
      malformed: { body: { name: 'Association', siret: '123', website: 'www.exemple', id: 'x' }, paths: ['siret', 'website', 'id'] },
    }),
  },
  'PATCH /api/structures/:id': {
    grant: 'role',
    setup: async () => {
      const id = await structure({ commune_code: '47157' });
      await addMembers(id);
      return {
        path: `/api/structures/${id}`,
        body: { description: 'Une association qui accompagne vers l’emploi.' },
        rightful: users.admin47,
        status: 200,
        malformed: { body: { email: 'pas une adresse', lon: 500 }, paths: ['email', 'lon'] },
        alsoRefused: [users.member47],
      };
    },
  },
  'POST /api/structures/:id/confirm': {
    grant: 'role',
    setup: async () => {
      const id = await structure();
      await addMembers(id);
      return { path: `/api/structures/${id}/confirm`, rightful: users.admin47, status: 200, malformed: { body: { include_offers: 'oui' }, paths: ['include_offers'] }, alsoRefused: [users.member47] };
    },
  },
  'POST /api/structures/:id/archive': {
    grant: 'role',
    setup: async () => {
      const id = await structure();
      await addMembers(id);
      await offer(id);
      return { path: `/api/structures/${id}/archive`, rightful: users.admin47, status: 200, malformed: { body: { reason: ['x'] }, paths: ['reason'] }, alsoRefused: [users.member47] };
    },
  },
  'POST /api/structures/:id/validate': {
    grant: 'role',
    setup: async () => {
      const id = await structure({ status: 'pending' });
      await addMembers(id);
      return { path: `/api/structures/${id}/validate`, rightful: users.coordinator47, status: 200, malformed: { body: { status: 'validated' }, paths: ['status'] }, alsoRefused: [users.admin47] };
    },
  },
  'POST /api/structures/:id/reject': {
    grant: 'role',
    setup: async () => {
      const id = await structure({ status: 'pending' });
      await addMembers(id);
      return {
        path: `/api/structures/${id}/reject`,
        body: { reason: 'Pas d’activité d’insertion dans le département.' },
        rightful: users.coordinator47,
        status: 200,
        malformed: { body: {}, paths: ['reason'] },
        alsoRefused: [users.admin47],
      };
    },
  },
  'POST /api/structures/:id/join-requests': {
    grant: 'professional',
    setup: async () => ({
      path: `/api/structures/${S}/join-requests`,
      body: { message: 'Je suis la nouvelle conseillère.' },
      rightful: users.professional,
      status: 201,
      malformed: { body: { message: 'x'.repeat(2000), role: 'admin' }, paths: ['message', 'role'] },
    }),
  },
  'POST /api/join-requests/:id/accept': {
    grant: 'role',
    setup: async () => ({
      path: `/api/join-requests/${await joinRequest(S)}/accept`,
      body: { role: 'member' },
      rightful: users.admin47,
      status: 200,
      malformed: { body: { role: 'chef' }, paths: ['role'] },
      alsoRefused: [users.member47],
    }),
  },
  'POST /api/join-requests/:id/refuse': {
    grant: 'role',
    setup: async () => {
      // A claim (the structure has nobody yet): the coordinators answer it, not any member.
      const orphan = await structure();
      return {
        path: `/api/join-requests/${await joinRequest(orphan)}/refuse`,
        body: { reason: 'Vous ne travaillez pas dans cette structure.' },
        rightful: users.coordinator47,
        status: 200,
        malformed: { body: { reason: '' }, paths: ['reason'] },
        alsoRefused: [users.admin47],
      };
    },
  },
  'POST /api/join-requests/:id/cancel': {
    grant: 'signed-in',
    setup: async () => {
      const requester = await createUser(t);
      const id = await joinRequest(S, requester);
      return { path: `/api/join-requests/${id}/cancel`, rightful: requester, status: 200, malformed: { body: { reason: 'x' }, paths: ['reason'] }, alsoRefused: [users.admin47, users.coordinator47] };
    },
  },
  'PATCH /api/structures/:id/members/:userId': {
    grant: 'role',
    setup: async () => {
      const someone = await createUser(t, { memberships: [{ structureId: S, role: 'member' }] });
      return {
        path: `/api/structures/${S}/members/${someone.id}`,
        body: { role: 'admin' },
        rightful: users.admin47,
        status: 200,
        malformed: { body: { role: 'owner' }, paths: ['role'] },
        alsoRefused: [users.member47],
      };
    },
  },
  'DELETE /api/structures/:id/members/:userId': {
    grant: 'role',
    setup: async () => {
      const someone = await createUser(t, { memberships: [{ structureId: S, role: 'member' }] });
      return { path: `/api/structures/${S}/members/${someone.id}`, rightful: users.admin47, status: 204, malformed: { body: { force: true }, paths: ['force'] }, alsoRefused: [users.member47] };
    },
  },
  'POST /api/structures/:id/invitations': {
    grant: 'role',
    setup: async () => ({
      path: `/api/structures/${S}/invitations`,
      body: { email: `${unique('invite')}@exemple.fr`, role: 'member' },
      rightful: users.admin47,
      status: 201,
      malformed: { body: { email: 'invite', role: 'chef' }, paths: ['email', 'role'] },
      alsoRefused: [users.member47],
    }),
  },
  'POST /api/structures/:id/invitations/revoke': {
    grant: 'role',
    setup: async () => {
      const email = `${unique('revoke')}@exemple.fr`;
      await issueEmailToken(tokenDeps(), { purpose: 'invite', email, structureId: S, role: 'member', createdBy: users.admin47.id });
      return {
        path: `/api/structures/${S}/invitations/revoke`,
        body: { email },
        rightful: users.admin47,
        status: 200,
        malformed: { body: { email: 'revoke' }, paths: ['email'] },
        alsoRefused: [users.member47],
      };
    },
  },
  'POST /api/invitations/accept': {
    grant: 'signed-in',
    setup: async () => {
      const invitee = await createUser(t);
      const token = await issueEmailToken(tokenDeps(), { purpose: 'invite', email: invitee.email, structureId: S, role: 'member', createdBy: users.admin47.id });
      return { path: '/api/invitations/accept', body: { token }, rightful: invitee, status: 200, malformed: { body: { token: 'court' }, paths: ['token'] }, alsoRefused: [users.admin47] };
    },
  },
  'POST /api/orientations': {
    grant: 'professional',
    setup: async () => ({
      path: '/api/orientations',
      body: orientationBody([await offer(S)]),
      rightful: users.professional,
      status: 201,
      malformed: { body: { ...orientationBody([]), consent: false, phone: 'abc' }, paths: ['offer_ids', 'consent', 'phone'] },
    }),
  },
  'POST /api/orientations/:id/accept': {
    grant: 'role',
    setup: async () => ({
      path: `/api/orientations/${await orientation()}/accept`,
      body: { message: 'Bienvenue lundi.' },
      rightful: users.member47,
      status: 200,
      malformed: { body: { session_id: 5, couleur: 'bleu' }, paths: ['session_id', 'couleur'] },
      alsoRefused: [users.coordinator47],
    }),
  },
  'POST /api/orientations/:id/refuse': {
    grant: 'role',
    setup: async () => ({
      path: `/api/orientations/${await orientation()}/refuse`,
      body: { reason: 'injoignable' },
      rightful: users.member47,
      status: 200,
      malformed: { body: { reason: 'aucune' }, paths: ['reason'] },
      alsoRefused: [users.coordinator47],
    }),
  },
  'POST /api/orientations/:id/messages': {
    grant: 'role',
    setup: async () => ({
      path: `/api/orientations/${await orientation()}/messages`,
      body: { message: 'Merci de nous rappeler.' },
      rightful: users.member47,
      status: 200,
      malformed: { body: { message: '' }, paths: ['message'] },
      alsoRefused: [users.coordinator47],
    }),
  },
  'POST /api/orientations/:id/offer-full': {
    grant: 'role',
    setup: async () => ({
      path: `/api/orientations/${await orientation({ places_available: 4 })}/offer-full`,
      rightful: users.member47,
      status: 200,
      malformed: { body: { places: 0 }, paths: ['places'] },
      alsoRefused: [users.coordinator47],
    }),
  },
  'POST /api/orientations/:id/link': {
    grant: 'public',
    setup: async () => {
      const id = await orientation();
      // The last link went out two hours ago: a fresh one may be asked for.
      await t.db.updateTable('orientations').set({ link_sent_at: new Date(t.now.getTime() - 7_200_000).toISOString() }).where('id', '=', id).execute();
      const { token } = await signLink({ db: t.db, config: t.config, clock: () => t.now }, 'orientation-answer', id);
      return { path: `/api/orientations/${id}/link`, body: { token }, rightful: null, status: 202, malformed: { body: { token: 'pas-un-lien' }, paths: ['token'] } };
    },
  },
  'POST /api/orientations/:id/resend': {
    grant: 'signed-in',
    setup: async () => {
      const prescriber = await createUser(t);
      const id = await orientation({}, prescriber.id);
      // The structure was mailed two hours ago: the professional may have it mailed again.
      await t.db.updateTable('orientations').set({ link_sent_at: new Date(t.now.getTime() - 7_200_000).toISOString() }).where('id', '=', id).execute();
      return {
        path: `/api/orientations/${id}/resend`,
        rightful: prescriber,
        status: 202,
        malformed: { body: { couleur: 'bleu' }, paths: ['couleur'] },
        alsoRefused: [users.member47, users.admin47],
      };
    },
  },
  'POST /api/offers/:id/full': {
    grant: 'role',
    setup: async () => ({
      path: `/api/offers/${await offer(S, { places_available: 2 })}/full`,
      rightful: users.member47,
      status: 200,
      malformed: { body: { places_available: 0 }, paths: ['places_available'] },
    }),
  },
  'POST /api/freshness/offers/:id/confirm': {
    grant: 'public',
    setup: async () => {
      const id = await offer(S);
      const { token } = await signLink({ db: t.db, config: t.config, clock: () => t.now }, 'offer-confirm', id);
      return { path: `/api/freshness/offers/${id}/confirm`, body: { token }, rightful: null, status: 200, malformed: { body: { token: 42 }, paths: ['token'] } };
    },
  },
  'POST /api/invitations/signup': {
    grant: 'public',
    setup: async () => {
      const token = await issueEmailToken(tokenDeps(), { purpose: 'invite', email: `${unique('invitee')}@exemple.fr`, structureId: S, role: 'member' });
      return {
        path: '/api/invitations/signup',
        body: { token, name: 'Invitée', password: 'un mot de passe assez long' },
        rightful: null,
        status: 201,
        malformed: { body: { token, name: '', password: 'court' }, paths: ['name', 'password'] },
      };
    },
  },
};

async function addMembers(structureId: string) {
  await t.db
    .insertInto('memberships')
    .values([
      { user_id: users.admin47.id, structure_id: structureId, role: 'admin', created_at: t.now.toISOString() },
      { user_id: users.member47.id, structure_id: structureId, role: 'member', created_at: t.now.toISOString() },
    ])
    .execute();
  // The users' sessions load their memberships at each request: nothing else to refresh.
}

function orientationBody(offerIds: string[]) {
  return { offer_ids: offerIds, first_name: 'Camille', last_name: 'Durand', contact_preference: 'referent', reasons: 'Cherche une solution de garde d’enfants.', consent: true };
}

/** An orientation sent by the professional to a new offer of S. */
async function orientation(overrides: Partial<OfferInput> = {}, prescriberUserId = users.professional.id): Promise<string> {
  const id = await offer(S, overrides);
  const { orientations } = await createOrientationRequest(
    t.db,
    { prescriberUserId, first_name: 'Camille', last_name: 'Durand', contact_preference: 'referent', phone: null, email: null, availability: null, reasons: 'Garde d’enfants.', offers: [{ offer: { id, name: 'Offre' }, structure: { id: S, name: 'Structure' } }] },
    t.now,
  );
  return orientations[0]!.id;
}

async function joinRequest(structureId: string, requester?: TestUser): Promise<string> {
  const who = requester ?? (await createUser(t));
  const r = await createJoinRequest(t.db, { userId: who.id, structureId, message: null }, t.now);
  if (!r.ok) throw new Error(r.detail);
  return r.value.id;
}

/** Every row of every table, in a stable order: what "the database is unchanged" compares. */
async function dump(): Promise<Record<string, unknown[]>> {
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like 'search_fts%' order by name`.execute(t.db)).rows.map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  // Territories are read-only here and large: their row counts are enough.
  const territories = new Set(['communes', 'epci', 'departements', 'regions', 'areas', 'area_communes', 'contours', 'territory_loads']);
  for (const table of tables) {
    if (territories.has(table)) {
      out[table] = [(await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]];
    } else {
      out[table] = (await sql`select * from ${sql.table(table)} order by 1, 2`.execute(t.db)).rows;
    }
  }
  return out;
}

function call(user: TestUser | null, method: string, path: string, options: RequestOptions): Promise<Response> {
  return user ? user.request(path, { method, ...options }) : requestAnonymous(t.app, path, { method, ...options });
}

async function problemOf(r: Response): Promise<Json> {
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await r.json()) as Json;
}

function writeRoutes(): string[] {
  return [...new Set(t.app.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)).map((r) => `${r.method} ${r.path}`))].sort();
}

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  S = await structure({ commune_code: '47157' });
  O = await structure({ commune_code: '40192', postal_code: '40000', commune_name: 'Mont-de-Marsan' });
  users.admin47 = await createUser(t, { name: 'Admin 47', memberships: [{ structureId: S, role: 'admin' }] });
  users.member47 = await createUser(t, { name: 'Membre 47', memberships: [{ structureId: S, role: 'member' }] });
  users.admin40 = await createUser(t, { name: 'Admin 40', memberships: [{ structureId: O, role: 'admin' }] });
  users.coordinator47 = await createUser(t, { name: 'Coordination 47', coordinatorOf: ['47'] });
  users.coordinator40 = await createUser(t, { name: 'Coordination 40', coordinatorOf: ['40'] });
  users.professional = await createUser(t, { name: 'Professionnelle' });
  users.unverified = await createUser(t, { verified: false, memberships: [{ structureId: S, role: 'admin' }], coordinatorOf: ['47'] });
  users.serviceAdmin = await createUser(t, { admin: true });
});

afterAll(async () => {
  await t?.close();
});

describe('the write routes matrix', () => {
  it('has an entry for every write route of the app, and none for a route that does not exist', () => {
    expect(writeRoutes()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    it(`${route}: wrong roles and malformed bodies refused with nothing written, the rightful role succeeds`, async () => {
      const method = route.split(' ')[0]!;
      const c = await entry.setup();
      const json = c.body === undefined ? {} : { json: c.body };
      const before = await dump();

      const refused: Array<[string, TestUser | null, number]> = [];
      if (entry.grant !== 'public') refused.push(['anonymous', null, 401]);
      if (entry.grant === 'professional' || entry.grant === 'role') refused.push(['unconfirmed account', users.unverified, 403]);
      if (entry.grant === 'role' || entry.grant === 'signed-in') {
        refused.push(['professional without role', users.professional, 403]);
        refused.push(['member of another structure', users.admin40, 403]);
        refused.push(['coordinator of another département', users.coordinator40, 403]);
      }
      for (const near of c.alsoRefused ?? []) refused.push([near.name, near, 403]);
      for (const [who, user, status] of refused) {
        const r = await call(user, method, c.path, json);
        expect(r.status, `${who}: ${await r.clone().text()}`).toBe(status);
        expect((await problemOf(r)).status).toBe(status);
      }

      if (c.malformed) {
        const wrong = await call(c.rightful, method, c.path, { json: c.malformed.body });
        expect(wrong.status, await wrong.clone().text()).toBe(400);
        const problem = await problemOf(wrong);
        expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
        const paths = (problem.errors as Json[]).map((e) => e.path);
        expect(paths).toEqual(expect.arrayContaining(c.malformed.paths));
        for (const e of problem.errors as Json[]) expect(e.message).toEqual(expect.any(String));
        const notJson = await call(c.rightful, method, c.path, { body: '{"name": ', headers: { 'content-type': 'application/json' } });
        expect(notJson.status).toBe(400);
        expect((await problemOf(notJson)).errors).toEqual([{ path: '(racine)', message: 'JSON invalide ou absent' }]);
      }

      expect(await dump()).toEqual(before);

      const r = await call(c.rightful, method, c.path, json);
      expect(r.status, await r.clone().text()).toBe(c.status);
      if (c.writes === false) expect(await dump()).toEqual(before);
      else expect(await dump()).not.toEqual(before);
    });
  }
});

describe('a service admin may do what coordinators and structure admins do', () => {
  it('validates a structure of any département', async () => {
    const id = await structure({ status: 'pending', commune_code: '40192' });
    expect((await users.serviceAdmin.request(`/api/structures/${id}/validate`, { method: 'POST' })).status).toBe(200);
  });
});
