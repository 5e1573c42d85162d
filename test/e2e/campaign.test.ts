/**
 * The monthly freshness campaign in the browser: at start the server's maintenance mails each demo
 * structure with overdue offers — their addresses are fictitious (.example), so the digests are never
 * handed to the real SMTP server and are read on the development outbox; the link « Rien n’a changé » opens a
 * page where one click confirms the offer without an account; a coordinator of the département sees
 * the campaign's progress per structure, that confirmation included. axe-core on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsAvailable, screenshot, seriousA11yViolations, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { dateText } from '../../web/src/format.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { grantCoordinator } from '../../api/db/roles.ts';

type Json = Record<string, any>;
const EMAIL = 'coordination.campagne@departement-exemple.fr';
const PASSWORD = 'une phrase de passe assez longue';

let sink: SmtpSink | undefined;
const sinkReady = browserTestsAvailable() ? startSmtpSink() : null;
const smtpUrl = sinkReady ? (await sinkReady).url : 'smtp://127.0.0.1:1';

describe.skipIf(!browserTestsAvailable())('freshness campaign: digest → one click → coordinator’s progress', () => {
  const env = e2eEnvironment({ SMTP_URL: smtpUrl });
  let digest: { text: string };
  let confirmUrl: URL;
  let offerName: string;

  beforeAll(async () => {
    sink = (await sinkReady) ?? undefined;
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('a structure of Lot-et-Garonne gets its digest; « Rien n’a changé » confirms in one click', async () => {
    const overdue = (await env.api('/api/offers?dept=47&size=100')) as Json;
    const stale = (overdue.items as Json[]).find((o) => o.overdue);
    expect(stale, 'the demo catalogue has overdue offers in Lot-et-Garonne').toBeTruthy();
    type Outboxed = { to: string; subject: string; text: string; status: string };
    const findDigest = async () =>
      (((await env.api('/api/dev/outbox')) as { items: Outboxed[] }).items ?? []).find((m) => m.subject.includes('à vérifier') && m.text.includes(stale!.name) && m.status !== 'pending');
    await expect.poll(findDigest, { timeout: 30_000, interval: 500 }).toBeTruthy();
    const found = (await findDigest())!;
    expect(found.to).toMatch(/\.example$/);
    expect(found.status).toBe('undeliverable');
    expect(sink!.messages.filter((m) => m.to.some((to) => to.endsWith('.example')))).toEqual([]);
    digest = found;
    const line = digest.text.split('\n').find((l) => l.includes('Rien n’a changé : '))!;
    confirmUrl = new URL(line.slice(line.indexOf('http')));
    offerName = digest.text.split('\n').find((l) => l.startsWith('• '))!.slice(2);

    const { page } = env.browser;
    await page.goto(`${env.server.url}${confirmUrl.pathname}${confirmUrl.search}`);
    await settled(page);
    expect(await page.locator('#offre-a-confirmer').textContent()).toBe(offerName);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Rien n’a changé' }).click();
    await page.locator('.notice--success').waitFor();
    expect(await page.locator('.notice--success').textContent()).toContain(`Merci : « ${offerName} » est confirmée à jour.`);
    // The date above the thanks is the new one, not the one the mail was about.
    expect(await page.locator('section.panel').textContent()).toContain(`Dernière confirmation : ${dateText(new Date().toISOString())}.`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-1-confirmed');
  });

  it('a coordinator of Lot-et-Garonne follows the campaign per structure', async () => {
    const post = (path: string, json: unknown) =>
      fetch(`${env.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: env.server.url }, body: JSON.stringify(json) });
    expect((await post('/api/auth/signup', { email: EMAIL, password: PASSWORD, name: 'Coordination 47' })).status).toBe(202);
    const mail = await sink!.waitFor((m) => m.to.includes(EMAIL));
    expect((await post('/api/auth/verify', { token: new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token') })).status).toBe(200);
    // What `npm run cli -- user:grant --coordinator 47` does, on the server's database file.
    const { db } = openSqlite(env.server.databasePath);
    const user = await db.selectFrom('users').select('id').where('email', '=', EMAIL).executeTakeFirstOrThrow();
    await grantCoordinator(db, user.id, ['47'], new Date());
    await db.destroy();

    const { page } = env.browser;
    await page.goto(`${env.server.url}/connexion?retour=%2Fcoordination%2Fcampagnes`);
    await page.getByLabel('Adresse électronique').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: /^Campagne (de |d’)/ }).waitFor();
    await settled(page);
    const rows = page.locator('.campaign-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const row = rows.filter({ hasText: offerName });
    await row.locator('summary').click();
    expect(await row.textContent()).toContain(`${offerName} — confirmée depuis le courriel`);
    expect(await page.getByTestId('campaign-totals').textContent()).toMatch(/dont 1 depuis le courriel/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-2-progress');
  });
});
