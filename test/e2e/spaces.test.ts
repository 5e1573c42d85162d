/**
 * The structure and coordinator journeys in the browser, against a real server whose SIRENE
 * directory and geocoder are answered by msw inside it (fake-public-apis.ts):
 *   structure: sign up → confirm by the mailed link → find the establishment by SIRET (a closed one is
 *   refused) → register it (pending) → the coordinator validates it from the queue → the guided offer
 *   form (live French messages, completeness, hours, zone, pin) → publish → found in « Où orienter ? »
 *   → suspend → « rien n'a changé », for the offer and the whole structure → a colleague invited by
 *   mail creates an account from the link and lands in the structure;
 *   coordinator: queue → validate → review → close an error report → coverage map and tables → CSV
 *   downloads → indicators.
 * axe-core on every new page (no serious or critical violation); screenshots in test-artifacts/e2e/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestsAvailable, screenshot, seriousA11yViolations, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';
import { createCoordinator } from './accounts.ts';
import { ASSOCIATION_CLOSED_SIRET, ASSOCIATION_HEAD_OFFICE_SIRET } from '../mocks/recherche-entreprises.ts';

type Json = Record<string, any>;

const STRUCTURE = { email: 'alex.martin@tremplin-vdg.fr', name: 'Alex Martin', password: 'une phrase de passe pour la structure' };
const COLLEAGUE = { email: 'camille.roux@tremplin-vdg.fr', name: 'Camille Roux', password: 'une autre phrase de passe solide' };
const COORDINATOR = { email: 'claire.dupuis@cd47.fr', name: 'Claire Dupuis', password: 'une phrase de passe de coordination', departements: ['47'] };
const OFFER_NAME = 'Atelier CV et entretien d’embauche';
/** Each step is a whole journey through several pages. */
const JOURNEY_MS = 120_000;

describe.skipIf(!browserTestsAvailable())('structure and coordinator spaces', () => {
  const env = e2eEnvironment({}, { fakePublicApis: true });
  let structureUrl = '';
  let offerUrl = '';

  const page = (): Page => env.browser.page;
  const url = (path: string) => `${env.server.url}${path}`;
  const noSeriousViolation = async (what: string) => expect(await seriousA11yViolations(page()), what).toEqual([]);

  async function signIn(who: { email: string; password: string }, back: string) {
    const p = page();
    if (await p.getByRole('button', { name: 'Se déconnecter' }).count()) {
      await p.getByRole('button', { name: 'Se déconnecter' }).click();
      await expect.poll(() => p.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    }
    await p.goto(url(`/connexion?retour=${encodeURIComponent(back)}`));
    await p.getByLabel(/Adresse électronique/).fill(who.email);
    await p.getByLabel(/Mot de passe/).fill(who.password);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe(back.split('?')[0]);
    await settled(p);
  }

  /** The newest mail to `to` whose subject matches, from the development outbox. */
  async function mail(to: string, subject: RegExp): Promise<Json> {
    const { items } = (await env.api('/api/dev/outbox')) as Json;
    const found = (items as Json[]).find((m) => m.to === to && subject.test(m.subject));
    expect(found, `a mail « ${subject} » to ${to}`).toBeTruthy();
    return found!;
  }

  it('a structure signs up, confirms its address, finds its establishment by SIRET and registers it: pending, said plainly', async () => {
    const p = page();
    await createCoordinator(env.server.databasePath, COORDINATOR);
    await p.goto(url('/inscription'));
    await p.getByLabel(/Nom et prénom/).fill(STRUCTURE.name);
    await p.getByLabel(/Adresse électronique professionnelle/).fill(STRUCTURE.email);
    await p.getByLabel(/^Mot de passe/).fill(STRUCTURE.password);
    await p.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Vérifiez votre messagerie');
    const link = new URL((await mail(STRUCTURE.email, /Confirmez votre adresse/)).text.match(/https?:\/\/\S+/)![0]);
    await p.goto(url(link.pathname + link.search));
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain('Adresse confirmée');

    await signIn(STRUCTURE, '/structure');
    await expect.poll(() => p.locator('h1').textContent()).toBe('Ma structure');
    await noSeriousViolation('Ma structure (empty)');
    await p.getByRole('link', { name: 'Trouver ma structure' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Inscrire ou rejoindre une structure');

    // A closed establishment is found but cannot be registered, and the page says why.
    await p.getByLabel('SIRET', { exact: true }).fill(ASSOCIATION_CLOSED_SIRET);
    await p.getByRole('button', { name: 'Rechercher' }).click();
    const closed = p.locator(`.establishment[data-siret="${ASSOCIATION_CLOSED_SIRET}"]`);
    await expect.poll(() => closed.textContent()).toContain('Fermé');
    expect(await closed.locator('.notice--error').textContent()).toMatch(/fermé/i);
    expect(await closed.getByRole('button', { name: 'Inscrire cette structure' }).count()).toBe(0);

    await p.getByLabel('SIRET', { exact: true }).fill(ASSOCIATION_HEAD_OFFICE_SIRET.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4'));
    await p.getByRole('button', { name: 'Rechercher' }).click();
    const found = p.locator(`.establishment[data-siret="${ASSOCIATION_HEAD_OFFICE_SIRET}"]`);
    await expect.poll(() => found.textContent()).toContain('TREMPLIN VAL DE GARONNE');
    await noSeriousViolation('establishment found');
    await screenshot(p, 'spaces-1-establishment-found');
    await found.getByRole('button', { name: 'Inscrire cette structure' }).click();

    // The form is prefilled from the directory, with the commune's own spelling.
    await expect.poll(() => p.getByLabel(/^Nom de la structure/).inputValue()).toBe('Tremplin Val de Garonne');
    await expect.poll(() => p.getByRole('combobox', { name: /^Commune/ }).inputValue()).toBe('Marmande');
    // Live validation: the API's French message appears at the field while typing, and goes away.
    await p.getByLabel(/^Téléphone/).fill('05 53 12');
    await expect.poll(() => p.locator('#f-phone-erreur').textContent(), { timeout: 5_000 }).toContain('Numéro de téléphone invalide');
    await p.getByLabel(/^Téléphone/).fill('05 53 12 34 56');
    await expect.poll(() => p.locator('#f-phone-erreur').count(), { timeout: 5_000 }).toBe(0);
    await noSeriousViolation('structure form');
    await p.getByRole('button', { name: 'Inscrire la structure' }).click();
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain('en attente de validation');
    await screenshot(p, 'spaces-2-structure-registered');

    // The header now leads to « Ma structure »; the dashboard says the structure waits for the département.
    await expect.poll(() => p.getByRole('link', { name: 'Ma structure' }).count()).toBeGreaterThan(0);
    await p.getByRole('link', { name: 'Ouvrir l’espace de la structure' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Tremplin Val de Garonne');
    structureUrl = new URL(p.url()).pathname;
    expect(await p.locator('.notice--warning').first().textContent()).toContain('En attente de validation par la coordination du département (47)');
    await settled(p);
    await noSeriousViolation('structure dashboard');
  }, JOURNEY_MS);

  it('the coordinator validates it from the queue; the structure is told by mail, with a link to its space', async () => {
    const p = page();
    await signIn(COORDINATOR, '/');
    await p.getByRole('link', { name: 'Coordination' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Coordination');
    await settled(p);
    await noSeriousViolation('coordination queue');
    const item = p.locator('.queue-item', { hasText: 'Tremplin Val de Garonne' });
    expect(await item.textContent()).toContain(STRUCTURE.email);
    await screenshot(p, 'spaces-3-queue');
    await item.getByRole('button', { name: 'Valider la structure' }).click();
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain('« Tremplin Val de Garonne » est validée');
    await expect.poll(() => p.locator('.queue-item', { hasText: 'Tremplin Val de Garonne' }).count()).toBe(0);
    const decision = await mail(STRUCTURE.email, /Tremplin Val de Garonne est validée/);
    expect(decision.text).toContain(`${env.server.url}${structureUrl}`);
  }, JOURNEY_MS);

  it('the structure describes an offer with the guided form, publishes it, and « Où orienter ? » finds it', async () => {
    const p = page();
    await signIn(STRUCTURE, structureUrl);
    expect(await p.locator('.space-header').textContent()).toContain('Validée');
    await p.getByRole('link', { name: 'Nouvelle offre' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Nouvelle offre');
    await settled(p);
    await noSeriousViolation('new offer form');

    await p.getByLabel(/^Nom de l’offre/).fill(OFFER_NAME);
    // One invalid field: the meter stays (the valid fields' completeness), the error listed beside it.
    const email = p.getByRole('textbox', { name: 'Courriel' });
    await email.fill('pas-un-mail');
    await expect.poll(() => p.getByTestId('invalid-fields').textContent(), { timeout: 5_000 }).toContain('Adresse e-mail invalide');
    expect(await p.locator('#completude-valeur').count()).toBe(1);
    expect(await p.locator('#f-email-erreur').textContent()).toBe('Adresse e-mail invalide');
    await email.fill('');
    await expect.poll(() => p.getByTestId('invalid-fields').count(), { timeout: 5_000 }).toBe(0);
    // Invalid hours typed by an expert: one French message, not the note about complex rules.
    await p.locator('.hours-raw summary').click();
    await p.locator('#f-opening_hours-osm').fill('Mo-Fr 25:00-12:00');
    await expect.poll(() => p.getByTestId('hours-error').textContent(), { timeout: 5_000 }).toMatch(/^Horaires invalides : .*25:00/);
    await expect.poll(() => p.locator('.hours-editor').evaluate((e) => e.textContent!.match(/Horaires (invalides|illisibles)|La plage horaire commence/g)?.length)).toBe(2);
    expect(await p.locator('.hours-editor .notice--info').count()).toBe(0);
    await p.locator('#f-opening_hours-osm').fill('Mo-Fr 09:00-12:00; PH off');
    await expect.poll(() => p.locator('.hours-editor .notice--info').textContent(), { timeout: 5_000 }).toContain('l’éditeur par jours ne sait pas afficher');
    expect(await p.getByTestId('hours-error').count()).toBe(0);
    await p.locator('#f-opening_hours-osm').fill('');
    await p.locator('.hours-raw summary').click();
    // No field taken by the keyboard hides under the sticky « Enregistrer » bar (WCAG 2.4.11).
    await p.getByLabel(/^Nom de l’offre/).focus();
    const hidden: string[] = [];
    let visited = 0;
    for (let i = 0; i < 200; i++) {
      await p.keyboard.press('Tab');
      const focus = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const bar = document.querySelector('.offer-form .form-actions--sticky')!;
        if (!el.closest('.offer-form') || bar.contains(el)) return null;
        return { id: el.id || el.tagName, bottom: el.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top };
      });
      if (!focus) break;
      visited++;
      if (focus.bottom > focus.barTop + 1) hidden.push(focus.id);
    }
    expect(visited).toBeGreaterThan(50);
    expect(hidden).toEqual([]);
    await p
      .getByLabel(/^Description/)
      .fill('Deux matinées par semaine, un atelier collectif pour écrire son CV, préparer un entretien et s’entraîner avec des employeurs du territoire. Les personnes repartent avec un CV imprimé et une liste d’entreprises à contacter.');
    // The meter and what still stops publication come from the API's dry run.
    const problems = p.getByTestId('publication-problems');
    await expect.poll(() => problems.textContent(), { timeout: 5_000 }).toContain('au moins une thématique');
    await p.locator('.thematiques summary', { hasText: 'Emploi' }).click();
    await p.getByLabel('Réaliser un CV et/ou une lettre de motivation').check();
    await p.getByLabel(/^Tous publics/).check();
    await p.getByLabel(/^Gratuit/).check();
    await p.getByLabel(/^Adresse/).first().fill('14 rue Léopold Faye');
    const commune = p.getByRole('combobox', { name: 'Commune', exact: true });
    await commune.fill('marmande');
    await expect.poll(() => p.locator('#f-commune_code-liste [role=option]').first().textContent()).toContain('Marmande');
    await commune.press('Enter');
    // Zone: the structure's département by default, plus an intercommunalité.
    expect(await p.locator('.zone-picker .code-chips').textContent()).toContain('Lot-et-Garonne (47)');
    await p.getByLabel('une intercommunalité (EPCI)').check();
    const epci = p.getByRole('combobox', { name: 'Intercommunalité à ajouter' });
    await epci.fill('val de garonne');
    await expect.poll(() => p.locator('#f-zone-epci-liste [role=option]').first().textContent()).toContain('CA Val de Garonne Agglomération');
    await epci.press('Enter');
    await expect.poll(() => p.locator('.zone-picker .code-chips').textContent()).toContain('CA Val de Garonne Agglomération');
    // Hours: a row of days and times, read back in French by the API; the OSM value for experts.
    await p.getByRole('button', { name: 'Ajouter un créneau' }).click();
    await p.getByRole('button', { name: 'Ajouter une plage horaire' }).click();
    await expect.poll(() => p.locator('.hours-preview').textContent(), { timeout: 5_000 }).toMatch(/lundi/i);
    expect(await p.locator('#f-opening_hours-osm').inputValue()).toBe('Mo-Fr 09:00-12:00,14:00-17:00');
    await p.getByLabel('Téléphoner').check();
    await p.getByLabel(/^Professionnels/).check();
    await p.getByRole('textbox', { name: 'Téléphone' }).fill('05 53 12 34 56');
    await expect.poll(() => p.locator('.completeness__ready').count(), { timeout: 5_000 }).toBe(1);
    await screenshot(p, 'spaces-4-offer-form', false);
    await p.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

    // Saved as a draft: the address was geocoded and the pin is on the map.
    await expect.poll(() => new URL(p.url()).pathname).toMatch(/^\/structure\/offres\/[\w-]+$/);
    offerUrl = new URL(p.url()).pathname;
    await expect.poll(() => p.locator('.pin-map .notice').first().textContent()).toContain('Adresse trouvée : 14 Rue Léopold Faye 47200 Marmande');
    expect(await p.getByTestId('offer-status').textContent()).toContain('Brouillon');
    await p.locator('.pin-map .maplibregl-marker').waitFor();
    await settled(p);
    await noSeriousViolation('offer edit page');
    await screenshot(p, 'spaces-5-offer-saved');

    // Dragging the pin sets the coordinates by hand; saved, the API keeps them.
    await p.locator('.pin-map__canvas').scrollIntoViewIfNeeded();
    const marker = await p.locator('.pin-map .maplibregl-marker').boundingBox();
    await p.mouse.move(marker!.x + marker!.width / 2, marker!.y + marker!.height - 4);
    await p.mouse.down();
    await p.mouse.move(marker!.x + marker!.width / 2 + 40, marker!.y + marker!.height + 20, { steps: 5 });
    await p.mouse.up();
    await expect.poll(() => p.locator('.pin-map .notice').first().textContent()).toContain('Point placé à la main');
    const lat = Number(await p.getByLabel('Latitude').inputValue());
    await p.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => p.locator('.pin-map .notice').first().textContent()).toContain('Coordonnées enregistrées telles que placées');
    const stored = (await p.evaluate(async (path) => (await fetch(path)).json(), `/api/offers/${offerUrl.split('/').pop()}`)) as Json;
    expect(stored.lat).toBeCloseTo(lat, 5);
    expect(lat).toBeLessThan(44.500861); // dragged down from the geocoded point

    await p.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => p.locator('.offer-actions .notice--success').textContent()).toContain('Offre publiée');
    expect(await p.getByTestId('offer-status').textContent()).toContain('Publiée');

    // The search of the mairie agent finds it (the index follows through the outbox).
    await p.goto(url('/?commune=47157&freins=emploi'));
    await expect.poll(async () => {
      await p.reload();
      await settled(p);
      return p.locator('.result-card', { hasText: OFFER_NAME }).count();
    }, { timeout: 20_000, interval: 1_000 }).toBe(1);
  }, JOURNEY_MS);

  it('suspends the offer until a date, confirms it, confirms the whole structure in one click, publishes it again', async () => {
    const p = page();
    await p.goto(url(offerUrl));
    await settled(p);
    await p.getByRole('button', { name: 'Suspendre…' }).click();
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await p.getByLabel(/Suspendue jusqu’au/).fill(until);
    await p.getByRole('button', { name: 'Suspendre l’offre' }).click();
    await expect.poll(() => p.locator('.offer-actions .notice--success').textContent()).toContain('Offre suspendue jusqu’au');
    expect(await p.getByTestId('offer-status').textContent()).toContain('Suspendue jusqu’au');
    await p.getByRole('button', { name: 'Rien n’a changé' }).click();
    await expect.poll(() => p.locator('.offer-actions .notice--success').textContent()).toContain('confirmée à jour');
    await p.locator('#historique summary').click();
    await expect.poll(() => p.locator('#historique .audit-list').textContent()).toContain('Suspension');
    expect(await p.locator('#historique .audit-list').textContent()).toContain(`par ${STRUCTURE.name}`);

    await p.goto(url(structureUrl));
    await settled(p);
    expect(await p.locator('[data-filter="suspended"] .count').textContent()).toBe('1');
    await p.getByRole('button', { name: 'Rien n’a changé pour toute la structure' }).click();
    await expect.poll(() => p.locator('.confirm-all .notice--success').textContent()).toContain('1 offre publiée ou suspendue');
    await screenshot(p, 'spaces-6-dashboard');
    await noSeriousViolation('dashboard with offers');
    // Back from its break: published again, it waits for the coordinator's review.
    await p.getByRole('link', { name: OFFER_NAME }).click();
    await p.getByRole('button', { name: 'Republier' }).click();
    await expect.poll(() => p.locator('.offer-actions .notice--success').textContent()).toContain('Offre publiée');
    for (const path of [`${structureUrl}/membres`, `${structureUrl}/historique`, `${structureUrl}/fiche`]) {
      await p.goto(url(path));
      await settled(p);
      await noSeriousViolation(path);
    }
  }, JOURNEY_MS);

  it('the admin invites a colleague, who creates an account from the mailed link and lands in the structure', async () => {
    const p = page();
    await signIn(STRUCTURE, `${structureUrl}/membres`);
    // A typo in the address: the invitation is withdrawn before anyone uses it.
    await p.getByLabel('Adresse électronique').fill('camile.roux@tremplin-vdg.fr');
    await p.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    const mistaken = p.locator('li', { hasText: 'camile.roux@tremplin-vdg.fr (membre), invitée le' });
    await mistaken.getByRole('button', { name: 'Retirer l’invitation' }).click();
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain('Invitation de camile.roux@tremplin-vdg.fr retirée');
    await expect.poll(() => mistaken.count()).toBe(0);
    await p.getByLabel('Adresse électronique').fill(COLLEAGUE.email);
    await p.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain(`Invitation envoyée à ${COLLEAGUE.email}`);
    await expect.poll(() => p.locator('main').textContent()).toContain(`${COLLEAGUE.email} (membre), invitée le`);
    await p.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => p.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);

    const link = new URL((await mail(COLLEAGUE.email, /invitation|rejoindre/i)).text.match(/https?:\/\/\S+/)![0]);
    expect(link.pathname).toBe('/invitation');
    await p.goto(url(link.pathname + link.search));
    await expect.poll(() => p.locator('h1').textContent()).toBe('Rejoindre « Tremplin Val de Garonne »');
    expect(await p.locator('.lead').textContent()).toContain(`${STRUCTURE.name} vous invite à rejoindre la structure comme membre`);
    await noSeriousViolation('invitation');
    await p.getByLabel(/Nom et prénom/).fill(COLLEAGUE.name);
    await p.getByLabel(/^Mot de passe/).fill(COLLEAGUE.password);
    await p.getByRole('button', { name: 'Créer mon compte et rejoindre la structure' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe(structureUrl);
    await expect.poll(() => p.locator('.space-header').textContent()).toContain('Vous êtes membre');
    expect(await p.locator('.account__who').textContent()).toBe(COLLEAGUE.name);
    // The structure's history says who joined, invited by whom, and the withdrawn invitation, in French.
    await p.goto(url(`${structureUrl}/historique`));
    const joined = p.locator('.audit-entry', { hasText: 'Invitation acceptée' });
    await expect.poll(() => joined.count()).toBe(1);
    expect(await joined.locator('dt').allTextContents()).toEqual(['Membre', 'Rôle']);
    expect(await joined.locator('dd').allTextContents()).toEqual([`vide → ${COLLEAGUE.name}`, 'vide → membre']);
    expect(await joined.locator('.audit-entry__head').textContent()).toContain(`par ${COLLEAGUE.name}`);
    const withdrawn = p.locator('.audit-entry', { hasText: 'Invitation annulée' });
    expect(await withdrawn.locator('dd').allTextContents()).toEqual(['camile.roux@tremplin-vdg.fr → vide']);
    expect(await p.locator('.audit-entry', { hasText: 'Invitation envoyée' }).count()).toBe(2);
  }, JOURNEY_MS);

  it('the coordinator reviews the offer, reads the coverage map and tables, and downloads them as CSV', async () => {
    const p = page();
    await signIn(COORDINATOR, '/coordination');
    const review = p.locator('.queue-item', { hasText: OFFER_NAME });
    await review.getByRole('button', { name: 'Marquer comme relue' }).click();
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain('marquée comme relue');

    // Someone reports an error on the offer (no account); the coordinator closes it from the queue.
    const reported = await fetch(url(`/api/offers/${offerUrl.split('/').pop()}/reports`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Le numéro de téléphone indiqué ne répond plus.' }),
    });
    expect(reported.status).toBe(201);
    await p.reload();
    const reportItem = p.locator('.queue-item', { hasText: 'Le numéro de téléphone indiqué ne répond plus.' });
    await reportItem.getByRole('button', { name: 'Marquer comme traité' }).click();
    await expect.poll(() => p.locator('.notice--success').textContent()).toContain('marqué comme traité');
    await expect.poll(() => reportItem.count()).toBe(0);

    await p.getByRole('link', { name: 'Couverture' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Couverture du département');
    await p.getByLabel('Frein', { exact: true }).selectOption('emploi');
    const map = p.getByTestId('coverage-map');
    await expect.poll(() => map.getAttribute('data-territories'), { timeout: 20_000 }).toMatch(/^[1-9]\d*$/);
    expect(await map.getAttribute('data-level')).toBe('communes');
    expect(await p.getByTestId('coverage-summary').textContent()).toMatch(/sans aucune offre pour « Emploi »/);
    await screenshot(p, 'spaces-7-coverage');
    // At 1280 px, signed in: the header holds on one row, and a wide table keeps its first column in view.
    const tops = await p.locator('.site-header__inner > *').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size, 'brand, navigation and account on one row').toBe(1);
    const firstColumn = p.locator('.table-wrap .data-table tbody tr > :first-child').first();
    expect(await firstColumn.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    // The map's figures as a table: Marmande reaches the offer published above.
    await p.locator('.map-table summary').click();
    const marmande = p.locator('.map-table tr', { has: p.locator('th', { hasText: /^Marmande$/ }) });
    expect(Number((await marmande.locator('td').first().textContent())!.trim())).toBeGreaterThanOrEqual(1);
    await settled(p);
    await noSeriousViolation('coverage');

    const [serverCsv] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: /Tableau commune × frein/ }).click()]);
    const commune = readFileSync((await serverCsv.path())!, 'utf8');
    expect(commune.startsWith('\uFEFFCode commune;Commune;Population;Mobilité : offres accessibles')).toBe(true);
    expect(commune).toMatch(/\r\n47157;Marmande;\d+;/);

    const [clientCsv] = await Promise.all([p.waitForEvent('download'), p.locator('section[aria-labelledby="territoires-freins"]').getByRole('button', { name: /Télécharger/ }).click()]);
    expect(clientCsv.suggestedFilename()).toMatch(/^couverture-territoires-47-\d{4}-\d{2}-\d{2}\.csv$/);
    const territories = readFileSync((await clientCsv.path())!, 'utf8');
    expect(territories.startsWith('\uFEFFTerritoire;Type;Communes;Mobilité : offres accessibles;Mobilité : communes sans offre')).toBe(true);
    expect(territories).toContain('Lot-et-Garonne (département);département;');

    await p.getByLabel('Découpage de la carte').selectOption('territoires');
    await expect.poll(() => map.getAttribute('data-level')).toBe('areas');

    await p.getByRole('link', { name: 'Indicateurs' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toBe('Indicateurs du département');
    await settled(p);
    const emploi = p.locator('section[aria-labelledby="par-frein"] tr', { has: p.locator('th', { hasText: /^Emploi$/ }) });
    expect(Number((await emploi.locator('td').textContent())!.trim())).toBeGreaterThanOrEqual(1);
    // The « published and visible » figure and the per-status « Publiée » row agree, or the gap is explained.
    const indicators = (await p.evaluate(async () => (await fetch('/api/indicators?dept=47')).json())) as Json;
    expect(await p.locator('.stat-card').first().locator('strong').textContent()).toBe(String(indicators.published));
    const waiting = indicators.by_status.published - indicators.published;
    if (waiting > 0) expect(await p.getByTestId('published-not-visible').textContent()).toContain(`${waiting} offre`);
    else expect(await p.getByTestId('published-not-visible').count()).toBe(0);
    await noSeriousViolation('indicators');
    await screenshot(p, 'spaces-8-indicators');

    // On a phone: no sideways scrolling of the page (wide tables scroll inside themselves).
    await p.setViewportSize({ width: 360, height: 780 });
    try {
      for (const path of ['/coordination/couverture?dept=47&frein=emploi', offerUrl]) {
        await p.goto(url(path));
        await settled(p);
        expect(await p.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      }
      await screenshot(p, 'spaces-9-offer-on-a-phone', false);
    } finally {
      await p.setViewportSize({ width: 1280, height: 900 });
    }
  }, JOURNEY_MS);
});
