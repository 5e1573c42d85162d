/**
 * Accounts in the browser: sign-up → confirmation link read from the development outbox → login →
 * the header shows who is signed in → logout; forgotten password → reset link → login with the new
 * one. axe-core on every account page, and on the page-not-found.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsAvailable, screenshot, seriousA11yViolations, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';

type Json = Record<string, any>;
const EMAIL = 'referente.e2e@departement-exemple.fr';
const PASSWORD = 'une phrase de passe assez longue';
const NEW_PASSWORD = 'une autre phrase de passe solide';

describe.skipIf(!browserTestsAvailable())('accounts', () => {
  const env = e2eEnvironment();

  /** The newest link of the newest mail to EMAIL whose subject matches. */
  const mailedLink = async (subject: RegExp): Promise<URL> => {
    const { items } = (await env.api('/api/dev/outbox')) as Json;
    const mail = (items as Json[]).find((m) => m.to === EMAIL && subject.test(m.subject));
    expect(mail, `a mail « ${subject} » to ${EMAIL}`).toBeTruthy();
    return new URL(mail!.text.match(/https?:\/\/\S+/)![0]);
  };


  it('sign-up shows French errors, then sends a confirmation link', async () => {
    const { page } = env.browser;
    await page.goto(`${env.server.url}/inscription`);
    await settled(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/Nom et prénom/).fill('Camille Référente');
    await page.getByLabel(/Adresse électronique professionnelle/).fill('pas-une-adresse');
    await page.getByLabel(/^Mot de passe/).fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('au moins 12 caractères');
    await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    // The address is checked by the API, with its French message on the field.
    await expect.poll(() => page.locator('#email-erreur').textContent()).toBe('Adresse e-mail invalide');
    expect(await page.getByLabel(/Adresse électronique professionnelle/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/Adresse électronique professionnelle/).fill(EMAIL);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Vérifiez votre messagerie');
    expect(await page.getByRole('link', { name: 'Courriels envoyés' }).getAttribute('href')).toBe('/dev/outbox');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'account-1-signup-done');
  });

  it('the mailed link confirms the address; login shows the name in the header; logout', async () => {
    const { page } = env.browser;
    const link = await mailedLink(/Confirmez votre adresse/);
    expect(link.pathname).toBe('/verifier-email');
    await page.goto(`${env.server.url}${link.pathname}${link.search}`);
    await expect.poll(() => page.locator('.notice--success').textContent()).toContain('Adresse confirmée');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'account-2-verified');
    // A second visit of the same link is refused in French.
    await page.reload();
    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('plus valable');

    await page.goto(`${env.server.url}/connexion?retour=%2Fdiagnostic`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/Adresse électronique/).fill(EMAIL);
    await page.getByLabel(/Mot de passe/).fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('Adresse électronique ou mot de passe incorrect');
    await page.getByLabel(/Mot de passe/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.url()).toBe(`${env.server.url}/diagnostic`);
    await expect.poll(() => page.locator('.account__who').textContent()).toBe('Camille Référente');

    await page.locator('.account__who').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mon compte');
    expect(await page.locator('.facts').textContent()).toContain(EMAIL);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'account-3-signed-in');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
  });

  it('forgotten password: mailed link → new password → login with it', async () => {
    const { page } = env.browser;
    await page.goto(`${env.server.url}/mot-de-passe-oublie`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/Adresse électronique/).fill(EMAIL);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await expect.poll(() => page.locator('.notice--success').textContent()).toContain('un courriel vient d’y être envoyé');

    const link = await mailedLink(/nouveau mot de passe/);
    expect(link.pathname).toBe('/reinitialiser-mot-de-passe');
    await page.goto(`${env.server.url}${link.pathname}${link.search}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Confirmation/).fill('autre chose encore plus long');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('ne sont pas identiques');
    await page.getByLabel(/^Confirmation/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect.poll(() => page.locator('.notice--success').textContent()).toContain('Mot de passe modifié');
    await screenshot(page, 'account-4-reset');

    await page.getByRole('link', { name: 'Se connecter' }).last().click();
    await page.getByLabel(/Adresse électronique/).fill(EMAIL);
    await page.getByLabel(/Mot de passe/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('.account__who').textContent()).toBe('Camille Référente');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
  });

  it('an unknown address shows a French page-not-found', async () => {
    const { page } = env.browser;
    await page.goto(`${env.server.url}/une-page-qui-n-existe-pas`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page introuvable');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/une-route-inconnue');
      return { status: r.status, type: r.headers.get('content-type') };
    });
    expect(api).toEqual({ status: 404, type: 'application/problem+json; charset=utf-8' });
  });
});
