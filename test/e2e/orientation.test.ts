/**
 * The orientation, end to end as people would do it: a real server (SMTP_URL pointing at a real SMTP
 * server in this process), Chromium, axe-core. A referent (account confirmed through the mailed
 * link) adds an action to the orientation, sends it with the person's details and consent; the
 * structure follows the link from the mail read in the SMTP sink, reads the request, accepts; the
 * referent sees « Acceptée » in « Mes orientations » and the action's places go down — on the offer
 * page too, with « Courriel remis à la structure » and the structure's contacts. A forged link shows
 * « Lien invalide ». A member of the structure finds it in « Orientations reçues » and opens it.
 * Demo contacts are fictitious (.example) and never handed to SMTP: the action gets a real-looking
 * address first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsAvailable, screenshot, seriousA11yViolations, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { openSqlite } from '../../api/db/sqlite.ts';

type Json = Record<string, any>;
const EMAIL = 'referente.orientation@departement-exemple.fr';
const PASSWORD = 'une phrase de passe assez longue';
const PERSON = { first: 'Camille', last: 'Durand', phone: '06 12 34 56 78' };
const CONTACT = 'accueil.orientations@structure-e2e.fr';
const MEMBER = 'membre.structure@structure-e2e.fr';

// The SMTP server must be listening before the server starts with its address.
let sink: SmtpSink | undefined;
const sinkReady = browserTestsAvailable() ? startSmtpSink() : null;
const smtpUrl = sinkReady ? (await sinkReady).url : 'smtp://127.0.0.1:1';

describe.skipIf(!browserTestsAvailable())('orientation: referent → structure → referent', () => {
  const env = e2eEnvironment({ SMTP_URL: smtpUrl, MAIL_FROM: 'Offre locale <service@exemple.fr>' });
  let offer: Json;
  let contact: string;
  let placesBefore: number;
  let answerUrl: URL;

  beforeAll(async () => {
    sink = (await sinkReady) ?? undefined;
  });
  afterAll(async () => {
    await sink?.close();
  });

  const post = (path: string, json: unknown) =>
    fetch(`${env.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: env.server.url }, body: JSON.stringify(json) });

  it('a referent account, confirmed by the link mailed through SMTP', async () => {
    expect((await post('/api/auth/signup', { email: EMAIL, password: PASSWORD, name: 'Élodie Référente' })).status).toBe(202);
    const mail = await sink!.waitFor((m) => m.to.includes(EMAIL) && m.subject.startsWith('Confirmez votre adresse'));
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token');
    expect((await post('/api/auth/verify', { token })).status).toBe(200);
    // With SMTP_URL set, the app does not point to the development outbox.
    expect(((await env.api('/api/config')) as Json).dev_outbox).toBe(false);

    // An action of Lot-et-Garonne mobilisable by professionals, with places and a contact address.
    const list = (await env.api('/api/offers?dept=47&size=100')) as Json;
    for (const item of list.items as Json[]) {
      const detail = (await env.api(`/api/offers/${item.id}`)) as Json;
      const address = detail.email ?? detail.structure.email;
      if (detail.mobilisable_par?.includes('professionnels') && detail.places_available > 0 && address && !detail.contact_restricted) {
        offer = detail;
        placesBefore = detail.places_available;
        break;
      }
    }
    expect(offer, 'the demo catalogue has an action of Lot-et-Garonne mobilisable by professionals, with places').toBeTruthy();
    // Its demo address (…​.example) would never be handed to SMTP: a deliverable one, as a structure would set.
    expect(offer.email ?? offer.structure.email).toMatch(/\.example$/);
    const { db } = openSqlite(env.server.databasePath);
    await db.updateTable('offers').set({ email: CONTACT }).where('id', '=', offer.id).execute();
    await db.destroy();
    contact = CONTACT;
  });

  it('the referent signs in, adds the action and sends the orientation (warning, consent)', async () => {
    const { page } = env.browser;
    await page.goto(`${env.server.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Mes orientations' }).waitFor();

    await page.goto(`${env.server.url}/offres/${offer.id}`);
    await settled(page);
    await page.getByRole('button', { name: 'Ajouter à l’orientation' }).first().click();
    await page.goto(`${env.server.url}/orientation`);
    await settled(page);
    await page.getByRole('link', { name: 'Envoyer l’orientation aux structures' }).click();
    await page.getByRole('heading', { name: 'Envoyer l’orientation' }).waitFor();
    await settled(page);
    expect(await page.locator('.offer-choices').textContent()).toContain(offer.name);
    expect(await page.getByText('Aucune information de santé ni donnée sensible').isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Without consent nor the person: French errors, focused summary, nothing sent.
    await page.getByRole('button', { name: /Envoyer l’orientation/ }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('la personne doit avoir donné son accord');
    expect(sink!.to(contact)).toEqual([]);

    await page.getByLabel(/^Prénom/).fill(PERSON.first);
    await page.getByLabel(/^Nom/).fill(PERSON.last);
    await page.getByLabel('Par téléphone').check();
    await page.getByLabel(/Téléphone de la personne/).fill(PERSON.phone);
    await page.getByLabel(/Motifs de l’orientation/).fill('Reprise d’activité : cherche un atelier proche de Marmande, disponible le matin.');
    await page.getByLabel(/La personne est d’accord/).check();
    await screenshot(page, 'orientation-1-form');
    await page.getByRole('button', { name: /Envoyer l’orientation/ }).click();
    await page.getByRole('heading', { name: 'Orientation envoyée' }).waitFor();
    expect(await page.locator('.notice--success').textContent()).toContain(offer.name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the structure follows the link from its mail, reads the request and accepts', async () => {
    const mail = await sink!.waitFor((m) => m.to.includes(contact) && m.subject.startsWith('Nouvelle orientation'));
    expect(mail.text).not.toContain(PERSON.last);
    answerUrl = new URL(mail.text.match(/https?:\/\/\S+\/reponse\?jeton=\S+/)![0]);
    const { page, context } = env.browser;
    // The structure has no account here: a browser without the referent's session.
    await context.clearCookies();
    await page.goto(`${env.server.url}${answerUrl.pathname}${answerUrl.search}`);
    await settled(page);
    expect(await page.getByTestId('beneficiary-name').textContent()).toBe(`${PERSON.first} ${PERSON.last}`);
    expect(await page.locator('.badge[data-status="sent"]').isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'orientation-2-answer-page');

    const accept = page.locator('#accepter').locator('..');
    if (await page.getByLabel('Sans session précise').count()) await page.getByLabel('Sans session précise').check();
    await page.getByLabel('Message au professionnel').fill('Premier rendez-vous lundi à 9 h.');
    await accept.getByRole('button', { name: 'Accepter l’orientation' }).click();
    await page.locator('.notice--success').waitFor();
    await expect.poll(() => page.locator('.badge[data-status]').first().getAttribute('data-status')).toBe('accepted');
    expect(await page.getByTestId('offer-places').textContent()).toContain(`${placesBefore - 1}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'orientation-3-accepted');
  });

  it('a forged link is refused in French', async () => {
    const { page } = env.browser;
    const forged = new URL(answerUrl);
    forged.searchParams.set('jeton', `${forged.searchParams.get('jeton')!.split('.')[0]}.${'A'.repeat(43)}`);
    await page.goto(`${env.server.url}${forged.pathname}${forged.search}`);
    await page.locator('.notice--error').waitFor();
    expect(await page.locator('.notice--error').textContent()).toContain('Lien invalide');
  });

  it('the referent sees « Acceptée » and the places that changed', async () => {
    const mail = await sink!.waitFor((m) => m.to.includes(EMAIL) && m.subject.startsWith('Orientation acceptée'));
    expect(mail.text).toContain('Premier rendez-vous lundi à 9 h.');
    const { page } = env.browser;
    await page.goto(`${env.server.url}/connexion?retour=%2Fmes-orientations`);
    await page.getByLabel('Adresse électronique').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes orientations' }).waitFor();
    await settled(page);
    const card = page.locator('.orientation-card').first();
    expect(await card.locator('.badge[data-status]').textContent()).toBe('Acceptée');
    const left = placesBefore - 1;
    expect(await card.getByTestId('places').textContent()).toBe(left === 0 ? 'complet' : `${left} place${left > 1 ? 's' : ''} disponible${left > 1 ? 's' : ''}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card.getByRole('link', { name: /Voir le détail/ }).click();
    await page.locator('.orientation-detail').waitFor();
    await settled(page);
    const detailText = await page.locator('.orientation-detail').textContent();
    expect(detailText).toContain('Consultée par la structure');
    // The mail reached the structure, and the professional can reach it directly.
    expect(await page.locator('.orientation-detail [data-notice]').textContent()).toBe('Courriel remis à la structure');
    expect(await page.getByTestId('structure-contacts').textContent()).toContain(CONTACT);
    await screenshot(page, 'orientation-4-mes-orientations');

    await page.goto(`${env.server.url}/offres/${offer.id}`);
    await settled(page);
    expect(await page.locator('#places').locator('..').textContent()).toContain(left > 0 ? `${left} place` : 'Complet');
  });

  it('a member of the structure finds it in « Orientations reçues » and opens it', async () => {
    expect((await post('/api/auth/signup', { email: MEMBER, password: PASSWORD, name: 'Membre Structure' })).status).toBe(202);
    const mail = await sink!.waitFor((m) => m.to.includes(MEMBER) && m.subject.startsWith('Confirmez votre adresse'));
    expect((await post('/api/auth/verify', { token: new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token') })).status).toBe(200);
    // What accepting an invitation does, on the server's database file.
    const { db } = openSqlite(env.server.databasePath);
    const user = await db.selectFrom('users').select('id').where('email', '=', MEMBER).executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ user_id: user.id, structure_id: offer.structure.id, role: 'member', created_at: new Date().toISOString() }).execute();
    await db.destroy();

    const { page, context } = env.browser;
    await context.clearCookies();
    await page.goto(`${env.server.url}/connexion?retour=${encodeURIComponent(`/structure/${offer.structure.id}`)}`);
    await page.getByLabel('Adresse électronique').fill(MEMBER);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('received-orientations').click();
    await page.getByRole('heading', { name: /^Orientations reçues par/ }).waitFor();
    await settled(page);
    const row = page.locator('.received-orientations tbody tr').filter({ hasText: `${PERSON.first} ${PERSON.last}` });
    expect(await row.count()).toBe(1);
    expect(await row.locator('.badge[data-status]').textContent()).toBe('Acceptée');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'orientation-5-received');
    await row.getByRole('link').click();
    await page.getByTestId('beneficiary-name').waitFor();
    expect(await page.getByTestId('beneficiary-name').textContent()).toBe(`${PERSON.first} ${PERSON.last}`);
    // Answered already: the member may still write to the professional.
    expect(await page.getByRole('button', { name: 'Envoyer le message' }).isVisible()).toBe(true);
  });
});
