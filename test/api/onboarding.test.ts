/**
 * Structure onboarding through the HTTP API (real SQLite file with the COG; recherche-entreprises
 * answered by msw): finding the establishment (closed and non-diffusible ones, the directory down),
 * registering from a SIRET, claiming a structure nobody manages, join requests answered by admins,
 * invitations by email (accepted signed in, or by signing up through the link), members and the
 * "always an admin" rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, setCookies, json, type TestUser } from '../helpers/auth.ts';
import { testEstablishments } from '../helpers/public-apis.ts';
import { aStructure } from '../fixtures/catalogue.ts';
import { ESTABLISHMENT_LOOKUPS_PER_HOUR } from '../../api/routes/onboarding.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import {
  ASSOCIATION_CLOSED_SIRET,
  ASSOCIATION_HEAD_OFFICE_SIRET,
  ASSOCIATION_WORKSHOP_SIRET,
  CCAS_SIRET,
  NON_DIFFUSIBLE_SIRET,
  RECHERCHE_ENTREPRISES,
  UNKNOWN_SIRET,
} from '../mocks/recherche-entreprises.ts';

type Json = Record<string, any>;

let t: TestApp;
let coordinator: TestUser;

async function outbox(): Promise<Json[]> {
  return ((await (await t.app.request('/api/dev/outbox')).json()) as Json).items as Json[];
}

function tokenIn(mail: Json | undefined): string {
  const match = /token=([\w-]+)/.exec(String(mail?.text));
  if (!match) throw new Error(`no token in mail: ${mail?.subject}`);
  return match[1]!;
}

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  coordinator = await createUser(t, { name: 'Claire Coordinatrice', email: 'coordination@cd47.fr', coordinatorOf: ['47'] });
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/establishments', () => {
  it('is for signed-in professionals', async () => {
    const r = await json(requestAnonymous(t.app, '/api/establishments?q=tremplin'));
    expect(r.status).toBe(401);
  });

  it('finds by name and commune; every establishment says whether it can be registered', async () => {
    const u = await createUser(t);
    const r = await json(u.request('/api/establishments?q=tremplin'));
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    const [unit] = r.body.items as Json[];
    expect(unit).toMatchObject({ siret: ASSOCIATION_HEAD_OFFICE_SIRET, refusal: null, registered: null, prefill: { name: 'Tremplin Val de Garonne', typology: 'aci' } });
    const closed = (unit!.establishments as Json[]).find((e) => e.siret === ASSOCIATION_CLOSED_SIRET)!;
    expect(closed).toMatchObject({ closed: true, prefill: null, refusal: expect.stringContaining('fermé depuis le 30/06/2021') });
    const inTonneins = await json(u.request('/api/establishments?q=tremplin&commune=47157'));
    expect((inTonneins.body.items[0].establishments as Json[]).map((e) => e.siret).sort()).toEqual([ASSOCIATION_HEAD_OFFICE_SIRET, ASSOCIATION_WORKSHOP_SIRET].sort());
  });

  it('a search result registered already says so, and whether anyone manages it (join, or claim)', async () => {
    const u = await createUser(t);
    const workshop = await upsertStructureBySource(t.db, aStructure({ source_id: 'tremplin-atelier', name: 'Atelier Tremplin', siret: ASSOCIATION_WORKSHOP_SIRET }), t.now);
    const r = await json(u.request('/api/establishments?q=tremplin'));
    const [unit] = r.body.items as Json[];
    expect(unit!.registered).toBeNull();
    const found = (unit!.establishments as Json[]).find((e) => e.siret === ASSOCIATION_WORKSHOP_SIRET)!;
    expect(found.registered).toEqual({ id: workshop, name: 'Atelier Tremplin', status: 'validated', has_members: false });
    await t.db.deleteFrom('structures').where('id', '=', workshop).execute();
  });

  it('by SIRET: a non-diffusible establishment has nothing to prefill but its SIRET; an unknown one is an empty list', async () => {
    const u = await createUser(t);
    const masked = await json(u.request(`/api/establishments?siret=${NON_DIFFUSIBLE_SIRET}`));
    expect(masked.body.items[0]).toMatchObject({ non_diffusible: true, name: null, address: null, lon: null, prefill: { name: '', address: null, siret: NON_DIFFUSIBLE_SIRET } });
    expect(JSON.stringify(masked.body)).not.toContain('NON-DIFFUSIBLE');
    expect(await json(u.request(`/api/establishments?siret=${UNKNOWN_SIRET}`))).toEqual({ status: 200, body: { total: 0, items: [] } });
  });

  it(`allows an account ${ESTABLISHMENT_LOOKUPS_PER_HOUR} directory lookups an hour, then 429 with Retry-After`, async () => {
    const u = await createUser(t);
    for (let i = 0; i < ESTABLISHMENT_LOOKUPS_PER_HOUR; i++) expect((await u.request(`/api/establishments?siret=${CCAS_SIRET}`)).status).toBe(200);
    const refused = await u.request(`/api/establishments?siret=${CCAS_SIRET}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(((await refused.json()) as Json).title).toBe('Trop de recherches');
    // Another account is not held back.
    expect((await (await createUser(t)).request(`/api/establishments?siret=${CCAS_SIRET}`)).status).toBe(200);
  });

  it('refuses a malformed SIRET or an empty query with field paths', async () => {
    const u = await createUser(t);
    const bad = await json(u.request('/api/establishments?siret=41762893000023'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'siret', message: 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les 14 chiffres)' }]);
    expect((await json(u.request('/api/establishments'))).body.errors).toEqual([{ path: 'q', message: 'Indiquez le nom de la structure (q) ou son SIRET (siret)' }]);
  });

  it('says in French when the directory is slow, unreachable or failing (504, 503, 502)', async () => {
    const cases: Array<[number, () => Response | Promise<Response>, RegExp]> = [
      [504, async () => (await delay('infinite'), HttpResponse.json({})), /pas de réponse en 0,05 s/],
      [503, () => HttpResponse.error(), /service injoignable/],
      [502, () => HttpResponse.json({}, { status: 500 }), /réponse HTTP 500/],
    ];
    for (const [status, answer, message] of cases) {
      const down = await createTestApp({ territories: true, establishments: testEstablishments([http.get(`${RECHERCHE_ENTREPRISES}/search`, answer)], { timeoutMs: 50 }) });
      try {
        const u = await createUser(down);
        const r = await u.request(`/api/establishments?siret=${CCAS_SIRET}`);
        expect(r.status).toBe(status);
        expect(r.headers.get('content-type')).toMatch(/problem\+json/);
        const body = (await r.json()) as Json;
        expect(body.title).toBe('Service externe indisponible');
        expect(body.detail).toMatch(message);
        // Registering with a SIRET cannot be checked either: nothing is written.
        const create = await u.request('/api/structures', { method: 'POST', json: { name: 'CCAS de Marmande', siret: CCAS_SIRET, commune_code: '47157' } });
        expect(create.status).toBe(status);
        expect(await down.db.selectFrom('structures').select('id').execute()).toEqual([]);
      } finally {
        await down.close();
      }
    }
  });
});

describe('registering a structure', () => {
  it('refuses a closed establishment, an unknown SIRET, no commune, and a SIRET already registered', async () => {
    const u = await createUser(t);
    const post = (body: Json) => json(u.request('/api/structures', { method: 'POST', json: body }));
    const closed = await post({ name: 'Tremplin Tonneins', siret: ASSOCIATION_CLOSED_SIRET, commune_code: '47310' });
    expect(closed.status).toBe(400);
    expect(closed.body.errors[0]).toMatchObject({ path: 'siret', message: expect.stringContaining('fermé') });
    expect((await post({ name: 'Inconnue', siret: UNKNOWN_SIRET, commune_code: '47157' })).body.errors).toEqual([
      { path: 'siret', message: 'SIRET inconnu du répertoire SIRENE : vérifiez les 14 chiffres' },
    ]);
    expect((await post({ name: 'Sans commune' })).body.errors).toEqual([{ path: 'commune_code', message: expect.stringContaining('Indiquez la commune') }]);
    expect((await post({ name: 'CCAS de Marmande', siret: CCAS_SIRET, commune_code: '47157' })).status).toBe(201);
    const twice = await post({ name: 'CCAS bis', siret: CCAS_SIRET, commune_code: '47157' });
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].path).toBe('siret');
    // The directory lookup now shows it as registered, for the UI to offer "join" instead.
    expect((await json(u.request(`/api/establishments?siret=${CCAS_SIRET}`))).body.items[0].registered).toMatchObject({ name: 'CCAS de Marmande', status: 'pending', has_members: true });
  });

  it('refuses a SIRET already registered without asking the directory (409 even when it is unreachable)', async () => {
    let lookups = 0;
    const offline = await createTestApp({
      territories: true,
      establishments: testEstablishments([http.get(`${RECHERCHE_ENTREPRISES}/search`, () => (lookups++, HttpResponse.error()))]),
    });
    try {
      await upsertStructureBySource(offline.db, aStructure({ source_id: 'ccas', name: 'CCAS de Marmande', siret: CCAS_SIRET, commune_code: '47157' }), offline.now);
      const u = await createUser(offline);
      const twice = await json(u.request('/api/structures', { method: 'POST', json: { name: 'CCAS bis', siret: CCAS_SIRET, commune_code: '47157' } }));
      expect(twice.status).toBe(409);
      expect(twice.body.errors).toEqual([{ path: 'siret', message: expect.stringContaining('« CCAS de Marmande »') }]);
      expect(lookups).toBe(0);
      expect(await offline.db.selectFrom('structures').select('name').execute()).toEqual([{ name: 'CCAS de Marmande' }]);
    } finally {
      await offline.close();
    }
  });
});

describe('claiming a structure nobody manages yet', () => {
  it('goes to the coordinators of its département, who make the requester its first admin', async () => {
    const imported = await upsertStructureBySource(t.db, aStructure({ source_id: 'claimable', name: 'Mission locale de Marmande' }), t.now);
    const bob = await createUser(t, { name: 'Bob Conseiller', email: 'bob@ml-marmande.fr' });
    const r = await json(bob.request(`/api/structures/${imported}/join-requests`, { method: 'POST', json: { message: 'Je dirige l’antenne.' } }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'claim', status: 'pending', structure: { id: imported }, requester: { name: 'Bob Conseiller' } });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ to: 'coordination@cd47.fr', subject: expect.stringContaining('Demande de gestion de Mission locale de Marmande') });
    expect(mail!.text).toContain('Je dirige l’antenne.');

    const queue = await json(coordinator.request('/api/moderation?dept=47'));
    expect(queue.body.claims.items.map((c: Json) => c.id)).toEqual([r.body.id]);
    // Nobody in the structure can answer a claim: there is nobody; a plain professional cannot either.
    expect((await bob.request(`/api/join-requests/${r.body.id}/accept`, { method: 'POST' })).status).toBe(403);
    const accepted = await json(coordinator.request(`/api/join-requests/${r.body.id}/accept`, { method: 'POST', json: { role: 'member' } }));
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    expect((await json(bob.request('/api/me/structures'))).body.items).toEqual([expect.objectContaining({ role: 'admin', structure: expect.objectContaining({ id: imported }) })]);
    expect((await outbox())[0]).toMatchObject({ to: 'bob@ml-marmande.fr', subject: expect.stringContaining('Vous avez rejoint Mission locale de Marmande') });
  });
});

describe('join requests to a structure with admins', () => {
  let structureId: string;
  let admin: TestUser;

  beforeAll(async () => {
    structureId = await upsertStructureBySource(t.db, aStructure({ source_id: 'with-admin', name: 'Chantier Garonne' }), t.now);
    admin = await createUser(t, { name: 'Ada Admin', email: 'ada@chantier-garonne.fr', memberships: [{ structureId, role: 'admin' }] });
  });

  it('asks the admins, who see the request and accept it', async () => {
    const carol = await createUser(t, { name: 'Carol', email: 'carol@chantier-garonne.fr' });
    const r = await json(carol.request(`/api/structures/${structureId}/join-requests`, { method: 'POST' }));
    expect(r.body).toMatchObject({ kind: 'join', status: 'pending' });
    expect((await outbox())[0]).toMatchObject({ to: 'ada@chantier-garonne.fr', subject: expect.stringContaining('Demande pour rejoindre Chantier Garonne') });
    expect((await json(carol.request(`/api/structures/${structureId}/join-requests`, { method: 'POST' }))).status).toBe(409);
    const list = await json(admin.request(`/api/structures/${structureId}/join-requests`));
    expect(list.body.items).toEqual([expect.objectContaining({ id: r.body.id, requester: { id: carol.id, name: 'Carol', email: 'carol@chantier-garonne.fr' } })]);
    expect((await json(admin.request('/api/me/structures'))).body.items[0]).toMatchObject({ pending_join_requests: 1 });
    expect((await json(admin.request(`/api/join-requests/${r.body.id}/accept`, { method: 'POST' }))).body.status).toBe('accepted');
    expect((await json(admin.request(`/api/join-requests/${r.body.id}/accept`, { method: 'POST' }))).status).toBe(409);
    expect((await json(carol.request(`/api/structures/${structureId}/join-requests`, { method: 'POST' }))).status).toBe(409);
    expect((await json(carol.request('/api/me/structures'))).body.items[0].role).toBe('member');
  });

  it('refuses with a reason the requester reads, and lets the requester cancel', async () => {
    const dan = await createUser(t, { email: 'dan@exemple.fr' });
    const asked = await json(dan.request(`/api/structures/${structureId}/join-requests`, { method: 'POST' }));
    const refused = await json(admin.request(`/api/join-requests/${asked.body.id}/refuse`, { method: 'POST', json: { reason: 'Nous ne vous connaissons pas.' } }));
    expect(refused.body).toMatchObject({ status: 'rejected', answer_reason: 'Nous ne vous connaissons pas.' });
    expect((await outbox())[0]!.text).toContain('Nous ne vous connaissons pas.');
    const again = await json(dan.request(`/api/structures/${structureId}/join-requests`, { method: 'POST' }));
    expect(again.status).toBe(201);
    expect((await json(admin.request(`/api/join-requests/${again.body.id}/cancel`, { method: 'POST' }))).status).toBe(403);
    expect((await json(dan.request(`/api/join-requests/${again.body.id}/cancel`, { method: 'POST' }))).body.status).toBe('cancelled');
    expect((await json(admin.request(`/api/structures/${structureId}/join-requests?status=all`))).body.items.map((i: Json) => i.status)).toEqual(
      expect.arrayContaining(['rejected', 'cancelled']),
    );
  });
});

describe('invitations and members', () => {
  let structureId: string;
  let admin: TestUser;

  beforeAll(async () => {
    structureId = await upsertStructureBySource(t.db, aStructure({ source_id: 'inviting', name: 'Épicerie solidaire' }), t.now);
    admin = await createUser(t, { name: 'Eve Admin', memberships: [{ structureId, role: 'admin' }] });
  });

  it('invites someone without an account, who signs up through the link and lands in the structure', async () => {
    const r = await json(admin.request(`/api/structures/${structureId}/invitations`, { method: 'POST', json: { email: 'Nouvelle@Epicerie.fr' } }));
    expect(r).toMatchObject({ status: 201, body: { email: 'nouvelle@epicerie.fr', role: 'member' } });
    const mail = (await outbox())[0]!;
    expect(mail).toMatchObject({ to: 'nouvelle@epicerie.fr', subject: expect.stringContaining('Invitation à rejoindre Épicerie solidaire') });
    expect(mail.text).toContain('Eve Admin vous invite');
    expect(mail.text).toContain('http://localhost:8787/invitation?token=');
    const token = tokenIn(mail);
    expect((await json(admin.request(`/api/structures/${structureId}/members`))).body.invitations).toEqual([expect.objectContaining({ email: 'nouvelle@epicerie.fr', invited_by: 'Eve Admin' })]);

    const preview = await json(requestAnonymous(t.app, `/api/invitations/preview?token=${token}`));
    expect(preview.body).toMatchObject({ email: 'nouvelle@epicerie.fr', structure: { id: structureId, name: 'Épicerie solidaire' }, role: 'member', invited_by: 'Eve Admin', account_exists: false });
    const signup = await requestAnonymous(t.app, '/api/invitations/signup', { method: 'POST', json: { token, name: 'Nina', password: 'un mot de passe assez long' } });
    expect(signup.status).toBe(201);
    expect(setCookies(signup).has('session')).toBe(true);
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'nouvelle@epicerie.fr').executeTakeFirstOrThrow();
    expect(user.email_verified_at).not.toBeNull();
    const members = (await json(admin.request(`/api/structures/${structureId}/members`))).body;
    expect(members.members.map((m: Json) => [m.name, m.role])).toEqual([['Eve Admin', 'admin'], ['Nina', 'member']]);
    expect(members.invitations).toEqual([]);
    // The link works once.
    expect((await requestAnonymous(t.app, '/api/invitations/signup', { method: 'POST', json: { token, name: 'Nina', password: 'un mot de passe assez long' } })).status).toBe(400);
  });

  it('an admin revokes an invitation: it leaves the list and its link no longer works', async () => {
    await admin.request(`/api/structures/${structureId}/invitations`, { method: 'POST', json: { email: 'erreur@exemple.fr' } });
    const token = tokenIn((await outbox())[0]);
    const revoked = await json(admin.request(`/api/structures/${structureId}/invitations/revoke`, { method: 'POST', json: { email: 'Erreur@Exemple.fr' } }));
    expect(revoked).toEqual({ status: 200, body: { email: 'erreur@exemple.fr', revoked: true } });
    expect((await json(admin.request(`/api/structures/${structureId}/members`))).body.invitations).toEqual([]);
    expect((await requestAnonymous(t.app, '/api/invitations/signup', { method: 'POST', json: { token, name: 'Erreur', password: 'un mot de passe assez long' } })).status).toBe(400);
    const again = await json(admin.request(`/api/structures/${structureId}/invitations/revoke`, { method: 'POST', json: { email: 'erreur@exemple.fr' } }));
    expect(again.status).toBe(404);
    expect(again.body.errors).toEqual([{ path: 'email', message: 'aucune invitation en attente pour cette adresse' }]);
  });

  it('an existing account accepts signed in with the invited address, not another one', async () => {
    const frank = await createUser(t, { email: 'frank@exemple.fr' });
    const other = await createUser(t);
    await admin.request(`/api/structures/${structureId}/invitations`, { method: 'POST', json: { email: 'frank@exemple.fr', role: 'admin' } });
    const token = tokenIn((await outbox())[0]);
    expect((await json(requestAnonymous(t.app, `/api/invitations/preview?token=${token}`))).body.account_exists).toBe(true);
    expect((await requestAnonymous(t.app, '/api/invitations/signup', { method: 'POST', json: { token, name: 'F', password: 'un mot de passe assez long' } })).status).toBe(409);
    const wrong = await json(other.request('/api/invitations/accept', { method: 'POST', json: { token } }));
    expect(wrong.status).toBe(403);
    const right = await json(frank.request('/api/invitations/accept', { method: 'POST', json: { token } }));
    expect(right.body).toEqual({ structure: { id: structureId, name: 'Épicerie solidaire' }, role: 'admin' });
    expect((await json(admin.request(`/api/structures/${structureId}/invitations`, { method: 'POST', json: { email: 'frank@exemple.fr' } }))).status).toBe(409);
  });

  it('keeps an admin: the last one can neither step down nor leave while others remain', async () => {
    const id = await upsertStructureBySource(t.db, aStructure({ source_id: 'last-admin' }), t.now);
    const solo = await createUser(t, { name: 'Solo', memberships: [{ structureId: id, role: 'admin' }] });
    const mate = await createUser(t, { name: 'Mate', memberships: [{ structureId: id, role: 'member' }] });
    const stepDown = await json(solo.request(`/api/structures/${id}/members/${solo.id}`, { method: 'PATCH', json: { role: 'member' } }));
    expect(stepDown.status).toBe(409);
    expect(stepDown.body.title).toBe('Dernier administrateur');
    expect((await json(solo.request(`/api/structures/${id}/members/${solo.id}`, { method: 'DELETE' }))).status).toBe(409);
    // A plain member sees the team but cannot change it; they may leave.
    expect((await json(mate.request(`/api/structures/${id}/members`))).body).not.toHaveProperty('invitations');
    expect((await json(mate.request(`/api/structures/${id}/members/${solo.id}`, { method: 'DELETE' }))).status).toBe(403);
    expect((await json(solo.request(`/api/structures/${id}/members/${mate.id}`, { method: 'PATCH', json: { role: 'admin' } }))).status).toBe(200);
    expect((await json(solo.request(`/api/structures/${id}/members/${solo.id}`, { method: 'PATCH', json: { role: 'member' } }))).status).toBe(200);
    expect((await json(mate.request(`/api/structures/${id}/members/${solo.id}`, { method: 'DELETE' }))).status).toBe(204);
    expect((await json(mate.request(`/api/structures/${id}/members`))).body.members.map((m: Json) => m.name)).toEqual(['Mate']);
  });
});

describe('the history of who may act for a structure', () => {
  it('records invitations, join requests answered, role changes and removals, in French, by name', async () => {
    const id = await upsertStructureBySource(t.db, aStructure({ source_id: 'history-of-people', name: 'Atelier vélo' }), t.now);
    const admin = await createUser(t, { name: 'Hélène Admin', memberships: [{ structureId: id, role: 'admin' }] });
    const history = async (): Promise<Json[]> => (await json(admin.request(`/api/structures/${id}/audit?size=100`))).body.items as Json[];
    const post = (who: TestUser, path: string, body?: Json) => json(who.request(path, { method: 'POST', ...(body ? { json: body } : {}) }));

    await post(admin, `/api/structures/${id}/invitations`, { email: 'ivan@atelier-velo.fr', role: 'admin' });
    await post(admin, `/api/structures/${id}/invitations`, { email: 'erreur@atelier-velo.fr' });
    await post(admin, `/api/structures/${id}/invitations/revoke`, { email: 'erreur@atelier-velo.fr' });
    const ivan = await createUser(t, { name: 'Ivan', email: 'ivan@atelier-velo.fr' });
    const token = tokenIn((await outbox()).find((m) => m.to === 'ivan@atelier-velo.fr'));
    expect((await post(ivan, '/api/invitations/accept', { token })).status).toBe(200);

    const jade = await createUser(t, { name: 'Jade' });
    const kim = await createUser(t, { name: 'Kim' });
    const jadeAsks = await post(jade, `/api/structures/${id}/join-requests`);
    const kimAsks = await post(kim, `/api/structures/${id}/join-requests`);
    await post(admin, `/api/join-requests/${jadeAsks.body.id}/accept`, { role: 'member' });
    await post(admin, `/api/join-requests/${kimAsks.body.id}/refuse`, { reason: 'Nous ne travaillons pas ensemble.' });
    expect((await json(admin.request(`/api/structures/${id}/members/${jade.id}`, { method: 'PATCH', json: { role: 'admin' } }))).status).toBe(200);
    expect((await json(admin.request(`/api/structures/${id}/members/${ivan.id}`, { method: 'DELETE' }))).status).toBe(204);
    expect((await json(jade.request(`/api/structures/${id}/members/${jade.id}`, { method: 'DELETE' }))).status).toBe(204);

    const entries = await history();
    expect(entries.map((e) => [e.action, e.action_label])).toEqual([
      ['member_removed', 'Membre retiré'],
      ['member_removed', 'Membre retiré'],
      ['member_role_changed', 'Rôle d’un membre modifié'],
      ['join_request_refused', 'Demande pour rejoindre la structure refusée'],
      ['join_request_accepted', 'Demande pour rejoindre la structure acceptée'],
      ['invitation_accepted', 'Invitation acceptée'],
      ['invitation_revoked', 'Invitation annulée'],
      ['invitation_sent', 'Invitation envoyée'],
      ['invitation_sent', 'Invitation envoyée'],
    ]);
    expect(entries.every((e) => e.entity === 'structure' && e.entity_id === id && e.entity_name === 'Atelier vélo')).toBe(true);
    const [jadeLeft, ivanRemoved, promoted, refused, joined, accepted, revoked, , invited] = entries;
    expect(invited).toMatchObject({ actor: { name: 'Hélène Admin' }, changes: { email: [null, 'ivan@atelier-velo.fr'], role: [null, 'admin'] } });
    expect(revoked).toMatchObject({ changes: { email: ['erreur@atelier-velo.fr', null] } });
    expect(accepted).toMatchObject({ actor: { name: 'Ivan' }, changes: { member: [null, 'Ivan'], role: [null, 'admin'] } });
    expect(joined).toMatchObject({ actor: { name: 'Hélène Admin' }, changes: { member: [null, 'Jade'], role: [null, 'member'] } });
    expect(refused).toMatchObject({ changes: { requester: [null, 'Kim'] }, reason: 'Nous ne travaillons pas ensemble.' });
    expect(promoted).toMatchObject({ changes: { member: ['Jade', 'Jade'], role: ['member', 'admin'] } });
    expect(ivanRemoved).toMatchObject({ actor: { name: 'Hélène Admin' }, changes: { member: ['Ivan', null], role: ['admin', null] }, reason: null });
    expect(jadeLeft).toMatchObject({ actor: { name: 'Jade' }, changes: { member: ['Jade', null], role: ['admin', null] }, reason: 'a quitté la structure' });
    // Readers see names, never account ids.
    for (const user of [ivan, jade, kim, admin]) expect(JSON.stringify(entries)).not.toContain(user.id);

    // A change refused (the last admin stepping down) or that changes nothing writes nothing.
    expect((await json(admin.request(`/api/structures/${id}/members/${admin.id}`, { method: 'PATCH', json: { role: 'member' } }))).status).toBe(409);
    expect((await json(admin.request(`/api/structures/${id}/members/${admin.id}`, { method: 'PATCH', json: { role: 'admin' } }))).status).toBe(200);
    expect(await history()).toHaveLength(entries.length);

    // An administrator's grant is recorded too.
    const root = await createUser(t, { name: 'Root', admin: true });
    expect((await post(root, '/api/admin/memberships', { email: kim.email, structureId: id, role: 'member' })).status).toBe(200);
    expect((await history())[0]).toMatchObject({ action: 'member_added', action_label: 'Membre ajouté', actor: { name: 'Root' }, changes: { member: [null, 'Kim'], role: [null, 'member'] } });
  });
});
