/**
 * The monthly freshness campaign: the maintenance job mails each structure with overdue offers one
 * digest a month (real SMTP server), each offer with a signed « Rien n’a changé » link that confirms
 * it without an account — through the editing layer, so audited and re-indexed — and a « Modifier »
 * link to the structure space; coordinators follow the progress per structure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/app.ts';
import { createUser, requestAnonymous, type TestUser } from '../helpers/auth.ts';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { upsertOfferBySource, getOffer } from '../../api/db/offers.ts';
import { auditOf } from '../../api/db/audit.ts';
import { smtpMailer, type SmtpMailer } from '../../api/mail/smtp.ts';

type Json = Record<string, any>;
const DAY = 86_400_000;

let t: TestApp;
let sink: SmtpSink;
let mailer: SmtpMailer;
let now = new Date(TEST_NOW);
const ids = {} as Record<'s' | 'tStructure' | 'landes' | 'old1' | 'old2' | 'fresh' | 'noAdmin' | 'landesOffer', string>;
let admin: TestUser;
let coordinator47: TestUser;
let coordinator40: TestUser;

const OVERDUE = { confirmed_at: '2025-10-01T08:00:00.000Z', updated_on: '2025-10-01', update_frequency_months: 6 as const };

function confirmLink(mail: ReceivedMail, offerId: string): { token: string; url: string } {
  const m = new RegExp(`Rien n’a changé : (https://insertion\\.exemple\\.fr/fraicheur/confirmer\\?offre=${offerId}&jeton=([\\w.-]+))`).exec(mail.text);
  if (!m) throw new Error(`no confirm link for ${offerId} in:\n${mail.text}`);
  return { url: m[1]!, token: decodeURIComponent(m[2]!) };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpMailer(sink.url, 'service@exemple.fr');
  t = await createTestApp({ territories: true, clock: () => now, mailer, config: { publicBaseUrl: 'https://insertion.exemple.fr' } });
  ids.s = await upsertStructureBySource(t.db, aStructure({ source_id: 'c-s', name: 'Atelier du Marmandais', email: 'accueil@atelier.fr' }), t.now);
  ids.tStructure = await upsertStructureBySource(t.db, aStructure({ source_id: 'c-t', name: 'Épicerie solidaire', email: 'contact@epicerie.fr' }), t.now);
  ids.landes = await upsertStructureBySource(t.db, aStructure({ source_id: 'c-l', name: 'Garage landais', email: 'garage@landes.fr', commune_code: '40192', postal_code: '40000', commune_name: 'Mont-de-Marsan' }), t.now);
  ids.old1 = await upsertOfferBySource(t.db, anOffer(ids.s, { source_id: 'c-o1', name: 'Atelier vélo', ...OVERDUE }), t.now);
  ids.old2 = await upsertOfferBySource(t.db, anOffer(ids.s, { source_id: 'c-o2', name: 'Permis accompagné', ...OVERDUE }), t.now);
  ids.fresh = await upsertOfferBySource(t.db, anOffer(ids.s, { source_id: 'c-o3', name: 'Offre à jour', confirmed_at: '2026-06-01T08:00:00.000Z' }), t.now);
  ids.noAdmin = await upsertOfferBySource(t.db, anOffer(ids.tStructure, { source_id: 'c-o4', name: 'Colis alimentaires', ...OVERDUE }), t.now);
  ids.landesOffer = await upsertOfferBySource(t.db, anOffer(ids.landes, { source_id: 'c-o5', name: 'Garage solidaire', commune_code: '40192', zone: ['40'], ...OVERDUE }), t.now);
  admin = await createUser(t, { name: 'Jeanne Admin', email: 'jeanne@atelier.fr', memberships: [{ structureId: ids.s, role: 'admin' }] });
  coordinator47 = await createUser(t, { coordinatorOf: ['47'] });
  coordinator40 = await createUser(t, { coordinatorOf: ['40'] });
});

afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await t?.close();
});

describe('monthly digest', () => {
  it('mails each structure with overdue offers once: its admins, else its own address', async () => {
    const report = await t.maintain(now);
    expect(report.digests).toBe(3);
    const toAdmin = await sink.waitFor((m) => m.to.includes('jeanne@atelier.fr'));
    expect(toAdmin.subject).toBe('2 offres à vérifier : Atelier du Marmandais — Offre locale d\'insertion');
    expect(toAdmin.text).toContain('Atelier vélo');
    expect(toAdmin.text).toContain('Permis accompagné');
    expect(toAdmin.text).not.toContain('Offre à jour');
    expect(toAdmin.text).toContain(`Modifier : https://insertion.exemple.fr/structure/offres/${ids.old1}`);
    expect(sink.to('accueil@atelier.fr')).toEqual([]); // admins first
    expect((await sink.waitFor((m) => m.to.includes('contact@epicerie.fr'))).text).toContain('Colis alimentaires');
    await sink.waitFor((m) => m.to.includes('garage@landes.fr'));
    expect(sink.messages).toHaveLength(3);
  });

  it('never twice in the same month', async () => {
    now = new Date(TEST_NOW.getTime() + 10 * DAY);
    expect((await t.maintain(now)).digests).toBe(0);
    expect(sink.messages).toHaveLength(3);
  });
});

describe('« Rien n’a changé »', () => {
  it('confirms the offer without an account, audited and re-indexed', async () => {
    const mail = sink.to('jeanne@atelier.fr')[0]!;
    const { token } = confirmLink(mail, ids.old1);
    const view = await requestAnonymous(t.app, `/api/freshness/offers/${ids.old1}?token=${token}`);
    expect(view.status).toBe(200);
    expect(((await view.json()) as Json).offer).toMatchObject({ name: 'Atelier vélo', overdue: true });

    const r = await requestAnonymous(t.app, `/api/freshness/offers/${ids.old1}/confirm`, { method: 'POST', json: { token } });
    expect(r.status, await r.clone().text()).toBe(200);
    expect(((await r.json()) as Json).offer).toMatchObject({ confirmed_at: now.toISOString(), overdue: false });
    expect((await getOffer(t.db, ids.old1))!.confirmed_at).toBe(now.toISOString());
    expect((await auditOf(t.db, 'offer', ids.old1))[0]).toMatchObject({ action: 'confirm', actor_user_id: null, reason: 'Confirmée depuis le courriel mensuel de mise à jour' });
    const queued = await t.db.selectFrom('search_outbox').select('offer_id').where('offer_id', '=', ids.old1).execute();
    expect(queued.length).toBeGreaterThan(0);
    await t.drain();
    const search = (await (await t.app.request('/api/search?commune=47157&q=atelier%20velo')).json()) as Json;
    expect((search.items as Json[]).find((i) => i.id === ids.old1)?.overdue).toBe(false);
  });

  it('refuses a forged link, a link for another offer and an expired one', async () => {
    const { token } = confirmLink(sink.to('jeanne@atelier.fr')[0]!, ids.old2);
    const forged = `${token.split('.')[0]}.${'C'.repeat(43)}`;
    expect((await requestAnonymous(t.app, `/api/freshness/offers/${ids.old2}/confirm`, { method: 'POST', json: { token: forged } })).status).toBe(403);
    expect((await requestAnonymous(t.app, `/api/freshness/offers/${ids.noAdmin}/confirm`, { method: 'POST', json: { token } })).status).toBe(403);
    const later = now;
    now = new Date(TEST_NOW.getTime() + 41 * DAY);
    const expired = await requestAnonymous(t.app, `/api/freshness/offers/${ids.old2}/confirm`, { method: 'POST', json: { token } });
    expect(expired.status).toBe(410);
    now = later;
    expect((await getOffer(t.db, ids.old2))!.confirmed_at).toBe(OVERDUE.confirmed_at);
    expect((await getOffer(t.db, ids.noAdmin))!.confirmed_at).toBe(OVERDUE.confirmed_at);
  });
});

describe('campaign progress for coordinators', () => {
  it('per structure of their département: offers listed, confirmed (by the link or not), still overdue', async () => {
    // The épicerie confirms from its space rather than from the mail.
    const epicerieMember = await createUser(t, { memberships: [{ structureId: ids.tStructure, role: 'member' }] });
    now = new Date(now.getTime() + DAY);
    expect((await epicerieMember.request(`/api/offers/${ids.noAdmin}/confirm`, { method: 'POST' })).status).toBe(200);

    const r = await coordinator47.request('/api/freshness/campaigns?dept=47');
    expect(r.status).toBe(200);
    const progress = (await r.json()) as Json;
    expect(progress).toMatchObject({ month: '2026-06', months: ['2026-06'], totals: { structures: 2, structures_done: 1, offers: 3, confirmed: 2, confirmed_by_link: 1, still_overdue: 1 } });
    const atelier = (progress.structures as Json[]).find((s) => s.structure.id === ids.s)!;
    expect(atelier).toMatchObject({ recipients: 1, offers_total: 2, confirmed: 1, confirmed_by_link: 1, still_overdue: 1 });
    expect((atelier.offers as Json[]).map((o) => [o.name, o.confirmed_by_link, o.overdue])).toEqual([
      ['Atelier vélo', true, false],
      ['Permis accompagné', false, true],
    ]);
    expect((progress.structures as Json[]).map((s) => s.structure.id)).not.toContain(ids.landes);
  });

  it('is for the coordinators of the département', async () => {
    expect((await requestAnonymous(t.app, '/api/freshness/campaigns?dept=47')).status).toBe(401);
    expect((await admin.request('/api/freshness/campaigns?dept=47')).status).toBe(403);
    expect((await coordinator40.request('/api/freshness/campaigns?dept=47')).status).toBe(403);
    const own = (await (await coordinator40.request('/api/freshness/campaigns')).json()) as Json;
    expect((own.structures as Json[]).map((s) => s.structure.name)).toEqual(['Garage landais']);
    const bad = await coordinator47.request('/api/freshness/campaigns?month=juin');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors[0].path).toBe('month');
  });
});

describe('the next month', () => {
  it('mails again the structures whose offers are still overdue, listing only those', async () => {
    now = new Date('2026-07-02T08:00:00Z');
    const before = sink.messages.length;
    expect((await t.maintain(now)).digests).toBe(2);
    await t.deliverMails();
    const fresh = sink.messages.slice(before);
    expect(fresh.map((m) => m.to[0]).sort()).toEqual(['garage@landes.fr', 'jeanne@atelier.fr']);
    const atelier = fresh.find((m) => m.to.includes('jeanne@atelier.fr'))!;
    expect(atelier.subject).toContain('Une offre à vérifier');
    expect(atelier.text).toContain('Permis accompagné');
    expect(atelier.text).not.toContain('Atelier vélo\n');
    const july = (await (await coordinator47.request('/api/freshness/campaigns?dept=47')).json()) as Json;
    expect(july).toMatchObject({ month: '2026-07', months: ['2026-07', '2026-06'], totals: { structures: 1, offers: 1 } });
  });
});
