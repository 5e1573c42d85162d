/**
 * The orientation workflow through HTTP, on a real SQLite file and a real SMTP server: a referent
 * sends a person to several offers at once; each structure's contact gets a signed link (offer
 * address, else structure address, else its admins); the structure reads and answers without an
 * account; places move; the referent follows it all in « Mes orientations » and by mail; the person
 * hears that it was sent and accepted, never a refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { orientationCast, type OrientationCast } from '../helpers/orientations.ts';
import { requestAnonymous } from '../helpers/auth.ts';
import { auditOf } from '../../api/db/audit.ts';
import { getOffer } from '../../api/db/offers.ts';
import { createOrientationRequest } from '../../api/db/orientations.ts';
import { ORIENTATIONS_PER_HOUR } from '../../api/routes/orientations.ts';

type Json = Record<string, any>;

let c: OrientationCast;
let sent: Json;
const BENEFICIARY = 'camille.durand@exemple.fr';

async function counts() {
  const n = async (table: 'orientations' | 'orientation_requests' | 'orientation_events') =>
    Number((await c.t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { requests: await n('orientation_requests'), orientations: await n('orientations'), events: await n('orientation_events'), mails: c.sink.messages.length };
}

const post = (path: string, json: unknown) => ({ method: 'POST', json }) as const;

beforeAll(async () => {
  c = await orientationCast();
});

afterAll(async () => {
  await c?.close();
});

describe('sending an orientation', () => {
  it('refuses anonymous callers and unconfirmed accounts, writing nothing', async () => {
    const before = await counts();
    const body = c.body([c.offers.withPlaces]);
    expect((await requestAnonymous(c.app, '/api/orientations', { method: 'POST', json: body })).status).toBe(401);
    expect((await c.users.unverified.request('/api/orientations', { method: 'POST', json: body })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('says in French what is wrong, field by field, and writes nothing', async () => {
    const before = await counts();
    const r = await c.users.referent.request(
      '/api/orientations',
      post('/api/orientations', {
        ...c.body([c.offers.withPlaces, c.offers.usersOnly, c.offers.draft, 'inconnue']),
        phone: '06 12',
        reasons: 'x'.repeat(601),
        consent: false,
        contact_preference: 'pigeon',
      }),
    );
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await r.json()) as Json;
    const byPath = Object.fromEntries((problem.errors as Json[]).map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(['consent', 'contact_preference', 'phone', 'reasons']);
    expect(byPath.reasons).toBe('au plus 600 caractères');
    expect(byPath.consent).toMatch(/accord/);
    expect(byPath.phone).toMatch(/Numéro de téléphone invalide/);

    // Once the fields are right, the offers are checked one by one.
    const offers = await c.users.referent.request('/api/orientations', post('', c.body([c.offers.withPlaces, c.offers.usersOnly, c.offers.draft, 'inconnue'])));
    expect(offers.status).toBe(400);
    const offerErrors = ((await offers.json()) as Json).errors as Json[];
    expect(offerErrors.map((e) => e.path)).toEqual(['offer_ids.1', 'offer_ids.2', 'offer_ids.3']);
    expect(offerErrors[0]!.message).toContain('ne se mobilise pas par un professionnel');

    const conditional = await c.users.referent.request('/api/orientations', post('', c.body([c.offers.withPlaces], { contact_preference: 'email', email: undefined })));
    expect(((await conditional.json()) as Json).errors).toEqual([{ path: 'email', message: expect.stringContaining('préfère un courriel') }]);

    const own = await c.users.referent.request('/api/orientations', post('', c.body([c.offers.withPlaces], { email: c.users.referent.email })));
    expect(((await own.json()) as Json).errors).toEqual([{ path: 'email', message: 'indiquez l’adresse de la personne orientée, pas la vôtre' }]);
    expect(await counts()).toEqual(before);
  });

  it('sends one orientation per offer in one request, and mails each structure, the referent and the person', async () => {
    const r = await c.users.referent.request('/api/orientations', post('', c.body([c.offers.withPlaces, c.offers.noEmail, c.offers.otherStructure])));
    expect(r.status, await r.clone().text()).toBe(201);
    sent = (await r.json()) as Json;
    expect(sent.orientations.map((o: Json) => [o.offer.id, o.status])).toEqual([
      [c.offers.withPlaces, 'sent'],
      [c.offers.noEmail, 'sent'],
      [c.offers.otherStructure, 'sent'],
    ]);
    expect(new Set(sent.orientations.map((o: Json) => o.id)).size).toBe(3);

    // The offer's own address, else the structure's, else its admins.
    const toOffer = await c.sink.waitFor((m) => m.to.includes('velo@atelier-marmandais.fr'));
    const toStructure = await c.sink.waitFor((m) => m.to.includes('accueil@atelier-marmandais.fr'));
    const toAdmins = await c.sink.waitFor((m) => m.to.includes(c.users.otherMember.email));
    expect(toOffer.subject).toBe('Nouvelle orientation vers « Atelier vélo solidaire » — Offre locale d\'insertion');
    expect(toStructure.subject).toContain('Permis accompagné');
    expect(toAdmins.subject).toContain('Garage solidaire landais');
    for (const [mail, o] of [toOffer, toStructure, toAdmins].map((m, i) => [m, sent.orientations[i]] as const)) {
      expect(c.linkIn(mail).id).toBe(o.id);
      expect(mail.replyTo).toBe(c.users.referent.email);
      // The structure's mail carries nothing about the person: the link opens the request.
      for (const secret of ['Camille', 'Durand', '06 12 34 56 78', BENEFICIARY, 'entretien']) {
        expect(mail.text).not.toContain(secret);
        expect(mail.html).not.toContain(secret);
      }
      expect(mail.text).toContain('Élodie Martin');
    }

    const toReferent = await c.sink.waitFor((m) => m.to.includes(c.users.referent.email));
    expect(toReferent.subject).toBe('Vos 3 orientations pour Camille D. sont transmises — Offre locale d\'insertion');
    expect(toReferent.text).toContain('https://insertion.exemple.fr/mes-orientations');
    const toPerson = await c.sink.waitFor((m) => m.to.includes(BENEFICIARY));
    expect(toPerson.subject).toContain('Une orientation a été faite pour vous');
    expect(toPerson.text).toContain('Atelier vélo solidaire');
    expect(toPerson.text).toContain('effacées 180 jours après la clôture de la demande');
    expect(toPerson.text).not.toContain('entretien d’embauche');
  });

  it('caps what one professional sends in an hour (each orientation mails a structure)', async () => {
    const busy = c.users.otherReferent;
    const offer = { offer: { id: c.offers.noEmail, name: 'Permis accompagné' }, structure: { id: c.structure, name: 'Atelier du Marmandais' } };
    await createOrientationRequest(
      c.t.db,
      { prescriberUserId: busy.id, first_name: 'A', last_name: 'B', contact_preference: 'referent', phone: null, email: null, availability: null, reasons: 'Motifs.', offers: Array(ORIENTATIONS_PER_HOUR - 1).fill(offer) },
      c.clock.now,
    );
    const before = await counts();
    const tooMany = await busy.request('/api/orientations', post('', c.body([c.offers.withPlaces, c.offers.noEmail], { email: undefined })));
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get('retry-after')).toBe('3600');
    expect(((await tooMany.json()) as Json).detail).toContain(`au-delà de ${ORIENTATIONS_PER_HOUR}`);
    expect(await counts()).toEqual(before);
    await c.t.db.deleteFrom('orientation_requests').where('prescriber_user_id', '=', busy.id).execute();
  });
});

describe('the structure answers through its link', () => {
  let link: { id: string; token: string };

  beforeAll(async () => {
    link = c.linkIn(await c.sink.waitFor((m) => m.to.includes('velo@atelier-marmandais.fr')));
  });

  it('reads the whole request without an account, and the reading is recorded', async () => {
    const r = await requestAnonymous(c.app, `/api/orientations/${link.id}?token=${encodeURIComponent(link.token)}`);
    expect(r.status).toBe(200);
    const view = (await r.json()) as Json;
    expect(view).toMatchObject({
      viewer: 'structure',
      can_answer: true,
      status: 'sent',
      beneficiary: { first_name: 'Camille', last_name: 'Durand', phone: '06 12 34 56 78', email: BENEFICIARY, contact_preference: 'telephone', availability: 'Les mardis et jeudis matin' },
      prescriber: { name: 'Élodie Martin', email: c.users.referent.email },
      offer: { id: c.offers.withPlaces, places_available: 3, sessions: [{ id: c.sessionId, places_available: 2 }] },
    });
    expect(view.reasons).toContain('entretien d’embauche');
    const reads = await c.t.db.selectFrom('orientation_events').selectAll().where('orientation_id', '=', link.id).where('action', '=', 'read').execute();
    expect(reads.map((e) => [e.actor_kind, e.actor_user_id, e.at])).toEqual([['structure-link', null, c.clock.now.toISOString()]]);
  });

  it('accepts for a session: the session loses a place (audited), the referent and the person are told', async () => {
    const mailsToPerson = c.sink.to(BENEFICIARY).length;
    const r = await requestAnonymous(c.app, `/api/orientations/${link.id}/accept`, post('', { token: link.token, session_id: c.sessionId, message: 'Rendez-vous lundi à 9 h.' }));
    expect(r.status, await r.clone().text()).toBe(200);
    const answer = (await r.json()) as Json;
    expect(answer).toMatchObject({ status: 'accepted', session: { label: expect.stringContaining('Session d’été') } });
    expect(answer.beneficiary).toBeUndefined();
    const offer = (await getOffer(c.t.db, c.offers.withPlaces))!;
    expect(offer.sessions.find((s) => s.id === c.sessionId)?.places_available).toBe(1);
    expect(offer.places_available).toBe(3);
    const [audit] = await auditOf(c.t.db, 'offer', c.offers.withPlaces);
    expect(audit).toMatchObject({ action: 'take-place', actor_user_id: null, reason: 'Orientation acceptée' });

    const toReferent = await c.sink.waitFor((m) => m.to.includes(c.users.referent.email) && m.subject.startsWith('Orientation acceptée'));
    expect(toReferent.text).toContain('Rendez-vous lundi à 9 h.');
    expect(toReferent.text).toContain('Camille D.');
    const toPerson = await c.sink.waitFor((m) => m.to.includes(BENEFICIARY) && m.subject.includes('est acceptée'));
    expect(toPerson.text).toContain('Atelier vélo solidaire');
    expect(c.sink.to(BENEFICIARY).length).toBe(mailsToPerson + 1);

    const again = await requestAnonymous(c.app, `/api/orientations/${link.id}/refuse`, post('', { token: link.token, reason: 'doublon' }));
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).detail).toContain('déjà été acceptée');
  });

  it('refuses with a reason: the referent reads it, the person hears nothing', async () => {
    const other = c.linkIn(await c.sink.waitFor((m) => m.to.includes('accueil@atelier-marmandais.fr')));
    const mailsToPerson = c.sink.to(BENEFICIARY).length;
    const missing = await requestAnonymous(c.app, `/api/orientations/${other.id}/refuse`, post('', { token: other.token, reason: 'autre' }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Json).errors).toEqual([{ path: 'message', message: 'précisez le motif en quelques mots' }]);
    const unknown = await requestAnonymous(c.app, `/api/orientations/${other.id}/refuse`, post('', { token: other.token, reason: 'pas envie' }));
    expect(((await unknown.json()) as Json).errors).toEqual([{ path: 'reason', message: 'choisissez un motif de refus' }]);

    const r = await requestAnonymous(c.app, `/api/orientations/${other.id}/refuse`, post('', { token: other.token, reason: 'session-complete' }));
    expect(r.status).toBe(200);
    expect(((await r.json()) as Json)).toMatchObject({ status: 'refused', refusal_reason: 'session-complete', refusal_reason_label: 'Session complète' });
    const toReferent = await c.sink.waitFor((m) => m.to.includes(c.users.referent.email) && m.subject.startsWith('Orientation refusée'));
    expect(toReferent.text).toContain('Motif : Session complète.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(c.sink.to(BENEFICIARY).length).toBe(mailsToPerson);
  });

  it('a member answers from the structure space with their session; the referent cannot answer their own orientation', async () => {
    const landes = sent.orientations[2].id as string;
    expect((await c.users.referent.request(`/api/orientations/${landes}/accept`, post('', {}))).status).toBe(403);
    expect((await c.users.member.request(`/api/orientations/${landes}/accept`, post('', {}))).status).toBe(403);
    const msg = await c.users.otherMember.request(`/api/orientations/${landes}/messages`, post('', { message: 'Pouvez-vous nous rappeler ? Il manque une pièce.' }));
    expect(msg.status).toBe(200);
    const toReferent = await c.sink.waitFor((m) => m.to.includes(c.users.referent.email) && m.subject.startsWith('Message d’Association des Landes'));
    expect(toReferent.text).toContain('Il manque une pièce.');
    const r = await c.users.otherMember.request(`/api/orientations/${landes}/accept`, post('', {}));
    expect(r.status).toBe(200);
    const events = await c.t.db.selectFrom('orientation_events').selectAll().where('orientation_id', '=', landes).where('action', 'in', ['message', 'accepted']).execute();
    expect(events.map((e) => [e.action, e.actor_kind, e.actor_user_id])).toEqual([
      ['message', 'structure-member', c.users.otherMember.id],
      ['accepted', 'structure-member', c.users.otherMember.id],
    ]);
  });
});

describe('places', () => {
  it('accepting without a session takes a place of the offer; search and the offer page see it', async () => {
    const r = await c.users.referent.request('/api/orientations', post('', c.body([c.offers.withPlaces], { email: undefined, first_name: 'Lou' })));
    expect(r.status).toBe(201);
    const id = ((await r.json()) as Json).orientations[0].id as string;
    const link = c.linkIn(await c.sink.waitFor((m) => m.to.includes('velo@atelier-marmandais.fr') && m.text.includes(id)));
    const accepted = await requestAnonymous(c.app, `/api/orientations/${link.id}/accept`, post('', { token: link.token }));
    expect(((await accepted.json()) as Json).offer).toMatchObject({ places_available: 2 });
    expect(((await (await c.app.request(`/api/offers/${c.offers.withPlaces}`)).json()) as Json).places_available).toBe(2);
    await c.t.drain();
    const search = (await (await c.app.request('/api/search?commune=47157&q=atelier%20velo')).json()) as Json;
    const item = (search.items as Json[]).find((i) => i.id === c.offers.withPlaces);
    expect(item?.places_available).toBe(2);
    expect(item?.reasons).toContain('2 places');
  });

  it('the structure marks the offer full from the answer page or its space; full offers say « complet »', async () => {
    const r = await c.users.referent.request('/api/orientations', post('', c.body([c.offers.withPlaces, c.offers.noEmail], { email: undefined })));
    const [first] = ((await r.json()) as Json).orientations as Json[];
    const link = c.linkIn(await c.sink.waitFor((m) => m.text.includes(first!.id)));
    const full = await requestAnonymous(c.app, `/api/orientations/${link.id}/offer-full`, post('', { token: link.token }));
    expect(full.status).toBe(200);
    const offer = (await getOffer(c.t.db, c.offers.withPlaces))!;
    expect(offer.places_available).toBe(0);
    expect(offer.sessions.every((s) => s.places_available === 0)).toBe(true);
    expect((await auditOf(c.t.db, 'offer', offer.id))[0]).toMatchObject({ action: 'full' });

    expect((await c.users.otherMember.request(`/api/offers/${c.offers.noEmail}/full`, post('', {}))).status).toBe(403);
    const viaSpace = await c.users.member.request(`/api/offers/${c.offers.noEmail}/full`, post('', {}));
    expect(viaSpace.status).toBe(200);
    expect(((await viaSpace.json()) as Json).places_available).toBe(0);

    await c.t.drain();
    const search = (await (await c.app.request('/api/search?commune=47157')).json()) as Json;
    expect((search.items as Json[]).find((i) => i.id === c.offers.noEmail)?.reasons).toContain('complet');
    const match = (await (await c.app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commune: '47157', barriers: ['mobilite'] }) })).json()) as Json;
    const ids = (match.groups[0].items as Json[]).map((i) => i.offer.id);
    const fullIndex = ids.indexOf(c.offers.noEmail);
    expect(fullIndex).toBeGreaterThanOrEqual(0);
    // Full offers come after every offer answering as many needs that may still take someone.
    const notFullAfter = (match.groups[0].items as Json[]).slice(fullIndex).filter((i) => i.offer.places_available !== 0);
    expect(notFullAfter).toEqual([]);
  });
});

describe('Mes orientations', () => {
  it('lists the referent’s own orientations with their status and the offer’s places, and records the reading', async () => {
    const before = Number((await sql<{ n: number }>`select count(*) as n from orientation_events where action = 'read' and actor_kind = 'prescriber'`.execute(c.t.db)).rows[0]!.n);
    const r = await c.users.referent.request('/api/me/orientations?size=100');
    expect(r.status).toBe(200);
    const list = (await r.json()) as Json;
    const first = (list.items as Json[]).find((i) => i.id === sent.orientations[0].id)!;
    expect(first).toMatchObject({ status: 'accepted', status_label: 'Acceptée', beneficiary: { first_name: 'Camille', last_name: 'Durand' }, offer: { id: c.offers.withPlaces, places_available: 0 } });
    expect((list.items as Json[]).find((i) => i.id === sent.orientations[1].id)).toMatchObject({ status: 'refused', refusal_reason_label: 'Session complète' });
    const reads = async () => Number((await sql<{ n: number }>`select count(*) as n from orientation_events where action = 'read' and actor_kind = 'prescriber'`.execute(c.t.db)).rows[0]!.n);
    const after = await reads();
    expect(after - before).toBe(list.items.length);
    // Listing again the same day records nothing more: one read per reader, orientation and day.
    await c.users.referent.request('/api/me/orientations?size=100');
    expect(await reads()).toBe(after);

    const accepted = (await (await c.users.referent.request('/api/me/orientations?status=accepted')).json()) as Json;
    expect((accepted.items as Json[]).every((i) => i.status === 'accepted')).toBe(true);
    const detail = (await (await c.users.referent.request(`/api/orientations/${sent.orientations[2].id}`)).json()) as Json;
    expect(detail).toMatchObject({ viewer: 'prescriber', can_answer: false, messages: [{ author: 'structure', body: 'Pouvez-vous nous rappeler ? Il manque une pièce.' }] });
    // The history leaves out the professional's own reads (recorded all the same), keeps the structure's.
    expect((detail.history as Json[]).map((h) => h.action)).toEqual(expect.arrayContaining(['sent', 'message', 'accepted']));
    expect((detail.history as Json[]).filter((h) => h.action === 'read').map((h) => h.by)).not.toContain('le professionnel qui oriente');
  });

  it('shows nothing of it to another referent, nor to another structure', async () => {
    const id = sent.orientations[0].id as string;
    expect(((await (await c.users.otherReferent.request('/api/me/orientations')).json()) as Json).total).toBe(0);
    expect((await c.users.otherReferent.request(`/api/orientations/${id}`)).status).toBe(404);
    expect((await c.users.otherMember.request(`/api/orientations/${id}`)).status).toBe(404);
    expect((await requestAnonymous(c.app, `/api/orientations/${id}`)).status).toBe(401);
    expect((await c.users.otherMember.request(`/api/structures/${c.structure}/orientations`)).status).toBe(403);
    const received = (await (await c.users.member.request(`/api/structures/${c.structure}/orientations`)).json()) as Json;
    expect((received.items as Json[]).every((i) => i.structure.id === c.structure)).toBe(true);
    expect(received.items.length).toBeGreaterThan(0);
  });
});
