/**
 * No route lists what is not yours (DORA's weak point: an orientation list open to anyone). Every GET
 * route of the app — the list comes from the app itself, so a new route is covered the day it lands —
 * is called as anonymous, as a member of another structure and as another referent, with every id
 * of someone else's data in its path, and with and without list filters: no answer may carry any
 * trace of another person's orientation (name, phone, e-mail, reasons, ids, the structure's message)
 * nor of an error reporter's address. Positive controls show the same markers are found where they
 * belong (the referent's own list, the structure's inbox, the coordinators' reports).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createTestApp, silentLogger, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, type TestUser } from '../helpers/auth.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';

type Json = Record<string, any>;

let t: TestApp;
const victim = {} as { structure: string; offer: string; orientation: string; request: string };
const own = {} as { structure: string; offer: string; orientation: string };
let users: { victimReferent: TestUser; victimMember: TestUser; coordinator47: TestUser; otherMember: TestUser; otherReferent: TestUser };

const MARKERS = [
  'Zéphyrine',
  'Marqueurvictime',
  '06 98 76 54 32',
  'zephyrine.marqueur@exemple.fr',
  'motif-secret-marqueur',
  'message-secret-structure',
  'signaleur.marqueur@exemple.fr',
];

/** Path parameters: someone else's ids, then the caller's own. */
const PARAMS: Record<string, () => string[]> = {
  id: () => [victim.orientation, victim.request, victim.structure, victim.offer, own.structure, own.offer, own.orientation],
  code: () => ['47', '47157'],
};

const QUERIES = ['', '?dept=47&size=100', '?commune=47157&size=100', '?status=sent', '?status=all'];

function getRoutes(): string[] {
  return [...new Set(t.app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/')).map((r) => r.path))]
    // Development-only mail outbox: not mounted in production (checked below).
    .filter((p) => !p.startsWith('/api/dev/'))
    .sort();
}

function expand(path: string): string[] {
  const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  let paths = [path];
  for (const name of params) {
    const values = PARAMS[name];
    if (!values) throw new Error(`no test values for the path parameter :${name} of ${path}: add them to PARAMS`);
    paths = paths.flatMap((p) => values().map((v) => p.replace(`:${name}`, encodeURIComponent(v))));
  }
  return paths.flatMap((p) => QUERIES.map((q) => p + q));
}

function leaks(text: string): string[] {
  return [...MARKERS, victim.orientation, victim.request].filter((m) => text.includes(m));
}

async function send(user: TestUser, offerId: string, overrides: Json = {}): Promise<Json> {
  const r = await user.request('/api/orientations', {
    method: 'POST',
    json: { offer_ids: [offerId], first_name: 'Alex', last_name: 'Ordinaire', contact_preference: 'referent', reasons: 'Besoin d’un accompagnement vers l’emploi.', consent: true, ...overrides },
  });
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as Json;
}

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  victim.structure = await upsertStructureBySource(t.db, aStructure({ source_id: 'victim', name: 'Structure Victime', email: 'accueil@victime.fr' }), t.now);
  victim.offer = await upsertOfferBySource(t.db, anOffer(victim.structure, { source_id: 'victim-offer', name: 'Offre Victime', places_available: 5 }), t.now);
  own.structure = await upsertStructureBySource(
    t.db,
    aStructure({ source_id: 'other', name: 'Autre Structure', commune_code: '40192', postal_code: '40000', commune_name: 'Mont-de-Marsan' }),
    t.now,
  );
  own.offer = await upsertOfferBySource(t.db, anOffer(own.structure, { source_id: 'other-offer', name: 'Autre Offre', zone: ['40'], commune_code: '40192' }), t.now);
  users = {
    victimReferent: await createUser(t, { name: 'Référente Victime' }),
    victimMember: await createUser(t, { memberships: [{ structureId: victim.structure, role: 'admin' }] }),
    coordinator47: await createUser(t, { coordinatorOf: ['47'] }),
    otherMember: await createUser(t, { name: 'Membre Autre', memberships: [{ structureId: own.structure, role: 'admin' }] }),
    otherReferent: await createUser(t, { name: 'Référent Autre' }),
  };
  const sent = await send(users.victimReferent, victim.offer, {
    first_name: 'Zéphyrine',
    last_name: 'Marqueurvictime',
    contact_preference: 'telephone',
    phone: '06 98 76 54 32',
    email: 'zephyrine.marqueur@exemple.fr',
    reasons: 'motif-secret-marqueur : reprise d’activité.',
  });
  victim.orientation = sent.orientations[0].id;
  victim.request = sent.id;
  expect((await users.victimMember.request(`/api/orientations/${victim.orientation}/messages`, { method: 'POST', json: { message: 'message-secret-structure' } })).status).toBe(200);
  expect((await users.victimMember.request(`/api/orientations/${victim.orientation}/accept`, { method: 'POST', json: { message: 'message-secret-structure (accord)' } })).status).toBe(200);
  const report = await requestAnonymous(t.app, `/api/offers/${victim.offer}/reports`, { method: 'POST', json: { message: 'Le téléphone ne répond plus.', email: 'signaleur.marqueur@exemple.fr' } });
  expect(report.status).toBe(201);
  // The other two have data of their own, so their lists are not empty by construction.
  own.orientation = (await send(users.otherReferent, own.offer)).orientations[0].id;
  await send(users.otherReferent, victim.offer);
  await t.drain();
});

afterAll(async () => {
  await t?.close();
});

describe('no collection lists what is not yours', () => {
  it('positive controls: the markers show where they belong', async () => {
    expect(leaks(await (await users.victimReferent.request('/api/me/orientations')).text())).toEqual(expect.arrayContaining(['Zéphyrine', 'Marqueurvictime']));
    expect(leaks(await (await users.victimMember.request(`/api/structures/${victim.structure}/orientations`)).text())).toContain('Zéphyrine');
    expect(leaks(await (await users.coordinator47.request('/api/reports?dept=47')).text())).toContain('signaleur.marqueur@exemple.fr');
    expect(leaks(await (await users.victimReferent.request(`/api/orientations/${victim.orientation}`)).text())).toEqual(
      expect.arrayContaining(['06 98 76 54 32', 'motif-secret-marqueur', 'message-secret-structure']),
    );
  });

  for (const who of ['anonymous', 'another structure’s member', 'another referent'] as const) {
    it(`${who}: no GET route of the app returns a trace of someone else’s orientation or report`, async () => {
      const user = who === 'anonymous' ? null : who === 'another referent' ? users.otherReferent : users.otherMember;
      const found: string[] = [];
      let calls = 0;
      for (const route of getRoutes()) {
        for (const path of expand(route)) {
          const r = user ? await user.request(path) : await requestAnonymous(t.app, path);
          calls += 1;
          const leaked = leaks(await r.text());
          if (leaked.length) found.push(`${path} (${r.status}): ${leaked.join(', ')}`);
        }
      }
      expect(calls).toBeGreaterThan(300);
      expect(found).toEqual([]);
    });
  }

  it('the development mail outbox is not mounted in production', () => {
    const production = createApp({ db: t.db, config: { ...t.config, production: true, passwordIterations: 600_000 }, clock: () => t.now, logger: silentLogger, runtime: 'node', search: t.search });
    expect(production.routes.filter((r) => r.path.includes('/dev/'))).toEqual([]);
  });
});
