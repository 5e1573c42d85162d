/**
 * The referent during an interview: diagnostic (barriers, a Carnet de bord situation, no vehicle) →
 * actions grouped per barrier with the unanswered ones called out → orientation basket (count in
 * the header) → printable A4 recap (no navigation chrome) and a share link carrying only offer ids.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserTestsAvailable, screenshot, seriousA11yViolations, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';

type Json = Record<string, any>;
const MARMANDE = '47157';
const SITUATION = 'Enfant(s) de moins de 3 ans sans solution de garde';

describe.skipIf(!browserTestsAvailable())('referent: diagnostic → orientation', () => {
  const env = e2eEnvironment();
  let expected: Json;
  let unanswered: Json;
  const picked: string[] = [];

  const match = async (profile: Json): Promise<Json> =>
    (await fetch(`${env.server.url}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) })).json() as Promise<Json>;


  it('diagnostic: results per barrier as the API ranks them, unanswered barriers called out', async () => {
    const refs = (await env.api('/api/referentials')) as Json;
    // A barrier with no answer within 15 km of Marmande (no vehicle), found through the API itself.
    for (const b of refs.barriers as Json[]) {
      const r = await match({ commune: MARMANDE, barriers: [b.key], has_vehicle: false });
      if (r.unmet_barriers.length) {
        unanswered = b;
        break;
      }
    }
    expect(unanswered, 'the demo catalogue should leave a barrier unanswered near Marmande without a vehicle').toBeTruthy();
    const situation = (refs.situations as Json[]).find((s) => s.label === SITUATION)!;
    expected = await match({ commune: MARMANDE, barriers: ['mobilite', unanswered.key], situations: [situation.id], has_vehicle: false });

    const { page } = env.browser;
    await page.goto(`${env.server.url}/diagnostic`);
    await settled(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Submitting empty explains what is missing.
    await page.getByRole('button', { name: 'Trouver des actions' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Choisissez la commune de la personne');

    const commune = page.getByRole('combobox', { name: /Commune de la personne/ });
    await commune.fill('Marmande');
    await page.getByRole('option', { name: /Marmande \(47200\)/ }).waitFor();
    await commune.press('Enter');
    await page.getByRole('button', { name: /^Mobilité/ }).click();
    await page.getByRole('button', { name: new RegExp(`^${unanswered.label}`) }).click();
    const family = page.locator('.situations details').filter({ hasText: 'Garde d’enfants' });
    await family.locator('summary').click();
    await family.getByLabel(SITUATION).check();
    await page.getByLabel('Non', { exact: true }).check();
    await page.getByRole('button', { name: 'Trouver des actions' }).click();
    await page.locator('#resultats-diagnostic').waitFor();
    await settled(page);

    expect(await page.locator('#resultats-diagnostic').textContent()).toContain(`à moins de ${expected.radius_km} km`);
    const groups = page.locator('.match-group');
    expect(await groups.count()).toBe(expected.groups.length);
    for (const g of expected.groups as Json[]) {
      const section = page.locator(`.match-group[data-barrier="${g.barrier}"]`);
      expect(await section.locator('h3').textContent()).toContain(g.label);
      if (g.unmet) expect(await section.textContent()).toContain('Aucune action accessible ne répond à ce frein');
      else expect(await section.locator('.result-card h4').allTextContents()).toEqual(g.items.map((i: Json) => i.offer.name));
    }
    const unmetLabels = (expected.groups as Json[]).filter((g) => g.unmet).map((g) => g.label);
    expect(unmetLabels).toContain(unanswered.label);
    const notice = await page.getByTestId('unmet-barriers').textContent();
    for (const label of unmetLabels) expect(notice).toContain(label);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'referent-1-diagnostic');
    // On a phone (390 px), the results fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('actions go to the orientation; the header counts them', async () => {
    const { page } = env.browser;
    for (const g of (expected.groups as Json[]).filter((x) => !x.unmet).slice(0, 2)) {
      const card = page.locator(`.match-group[data-barrier="${g.barrier}"] .result-card`).first();
      picked.push(g.items[0].offer.name);
      await card.getByRole('button', { name: /Ajouter à l’orientation/ }).click();
      expect(await card.getByRole('button', { name: /Dans l’orientation/ }).getAttribute('aria-pressed')).toBe('true');
    }
    expect(picked.length).toBe(2);
    await expect.poll(() => page.getByTestId('basket-link').locator('.count').textContent()).toBe('2');
  });

  it('the recap prints on A4 without navigation: names, addresses, hours in French, phone, how to get in', async () => {
    const { page } = env.browser;
    await page.getByTestId('basket-link').click();
    await settled(page);
    const items = page.locator('.recap-item');
    expect(await items.count()).toBe(2);
    expect(await items.locator('h2 a').allTextContents()).toEqual(picked);
    for (const item of await items.all()) {
      const text = (await item.textContent())!;
      expect(text).toMatch(/Adresse/);
      expect(text).toMatch(/Comment y entrer/);
      expect(text).toMatch(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|tous les jours).*h|Horaires non communiqués/i);
    }
    // The map is framed on the places: one numbered marker per action (merged « 1, 2 » when they overlap).
    const numbers = await page.locator('.static-map__marker').evaluateAll((gs) => gs.flatMap((g) => g.getAttribute('data-numbers')!.split(',')));
    expect(numbers.sort()).toEqual(['1', '2']);
    expect(await page.locator('.static-map__communes text').count()).toBeGreaterThan(0);
    // Each action: its address and an itinerary link to its place (typed from the paper, or as a QR code).
    const ids = await items.evaluateAll((sections) => sections.map((s) => s.querySelector('h2 a')!.getAttribute('href')!.split('/').pop()!));
    const itineraries: string[] = [];
    for (const [i, id] of ids.entries()) {
      const offer = (await env.api(`/api/offers/${id}`)) as Json;
      const lat = offer.lat ?? offer.structure.lat;
      const lon = offer.lon ?? offer.structure.lon;
      const url = `https://www.openstreetmap.org/directions?to=${lat.toFixed(5)},${lon.toFixed(5)}`;
      itineraries.push(url);
      const item = items.nth(i);
      expect(await item.locator('address').textContent()).toContain(offer.address ?? offer.structure.address);
      const link = item.locator('.directions a');
      expect(await link.getAttribute('href')).toBe(url);
      expect(await link.textContent()).toBe(url.replace('https://', ''));
      await item.locator('.directions__qr').waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'referent-2-basket');

    await page.getByLabel(/Mot pour la personne/).fill('Rendez-vous pris le mardi à 10 h.');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer le récapitulatif' }).isVisible()).toBe(false);
    expect(await page.locator('h1 .print-only').isVisible()).toBe(true);
    expect(await page.getByText('Rendez-vous pris le mardi à 10 h.').isVisible()).toBe(true);
    expect(await items.first().isVisible()).toBe(true);
    expect(await page.locator('.static-map').isVisible()).toBe(true);
    for (const item of await items.all()) {
      expect(await item.locator('address').isVisible()).toBe(true);
      expect(await item.locator('.directions a').isVisible()).toBe(true);
      expect(await item.locator('.directions__qr').isVisible()).toBe(true);
    }
    await screenshot(page, 'referent-3-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'referent-orientation.pdf'), pdf);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // The printed PDF carries each itinerary as a link.
    for (const url of itineraries) expect(pdf.toString('latin1')).toContain(`/URI (${url})`);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the orientation fits a phone (390 px) without sideways scrolling', async () => {
    const { page } = env.browser;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      expect(await page.locator('.recap-item').count()).toBe(2);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'referent-4-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the share link carries only offer ids, and opens the same orientation elsewhere', async () => {
    const { page } = env.browser;
    const link = new URL(await page.getByLabel('Lien de l’orientation').inputValue());
    expect([...link.searchParams.keys()]).toEqual(['offres']);
    const ids = link.searchParams.get('offres')!.split(',');
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[\w-]{8,}$/);
    expect(link.href).not.toContain(MARMANDE);
    expect(link.href).not.toContain('Rendez-vous');

    // Someone else's browser (empty basket) opening the link.
    await page.getByRole('button', { name: 'Tout retirer' }).click();
    await expect.poll(() => page.getByTestId('basket-link').locator('.count').textContent()).toBe('0');
    await page.goto(`${env.server.url}${link.pathname}${link.search}`);
    await settled(page);
    expect(await page.locator('h1').textContent()).toContain('Orientation partagée');
    expect(await page.locator('.recap-item h2 a').allTextContents()).toEqual(picked);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'En faire mon orientation' }).click();
    await expect.poll(() => page.url()).toBe(`${env.server.url}/orientation`);
    await expect.poll(() => page.getByTestId('basket-link').locator('.count').textContent()).toBe('2');
  });
});
