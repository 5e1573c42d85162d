/**
 * The mairie agent at the counter: commune + barrier → list and map in sync → offer page (hours,
 * how to get in, contact, « signaler une erreur ») → back to the same results; the empty state that
 * names the unanswered barrier and widens the radius; the page at 360 px. axe-core on every page.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsAvailable, screenshot, seriousA11yViolations, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';

type Json = Record<string, any>;

describe.skipIf(!browserTestsAvailable())('mairie agent: « Où orienter ? »', () => {
  const env = e2eEnvironment();
  const api = (path: string): Promise<Json> => env.api(path);


  it('commune by keyboard + a barrier → offers with distance and reasons, in the URL, on the map', async () => {
    const { page } = env.browser;
    await page.goto(env.server.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Où orienter ?');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const commune = page.getByRole('combobox', { name: 'Commune de la personne' });
    await commune.fill('marmand');
    await page.getByRole('option', { name: /Marmande \(47200\)/ }).waitFor();
    expect(await commune.getAttribute('aria-expanded')).toBe('true');
    // Échap closes the suggestions; ↓ opens them again.
    await commune.press('Escape');
    expect(await commune.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox').isVisible()).toBe(false);
    await commune.press('ArrowDown');
    expect(await commune.getAttribute('aria-expanded')).toBe('true');
    const first = page.getByRole('option').first();
    expect(await commune.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    // Keyboard only: ↓ ↑ come back to the first suggestion (Marmande, the largest), Entrée picks it.
    await commune.press('ArrowDown');
    await commune.press('ArrowUp');
    await commune.press('Enter');
    await expect.poll(() => page.url()).toContain('commune=47157');
    await page.getByRole('button', { name: /^Mobilité/ }).click();
    await expect.poll(() => page.url()).toContain('freins=mobilite');
    await settled(page);

    const expected = await api('/api/search?commune=47157&barriers=mobilite&size=100');
    const summary = page.locator('#titre-resultats');
    await expect.poll(() => summary.textContent()).toContain(`${expected.total} offre`);
    expect(await summary.textContent()).toContain('à moins de 30 km de Marmande');
    const cards = page.locator('.result-card');
    expect(await cards.count()).toBe(Math.min(expected.total, 20));
    const permis = cards.filter({ hasText: 'Préparation accompagnée au permis B' });
    expect(await permis.locator('.access').textContent()).toContain('sur place');
    expect(await permis.locator('.reasons li').allTextContents()).toEqual(expect.arrayContaining(['Préparer un permis', '2 places']));
    expect(await page.getByRole('button', { name: /^Mobilité/ }).getAttribute('aria-pressed')).toBe('true');

    // The map draws every result with coordinates.
    await page.waitForFunction(() => document.querySelector('.map-canvas')?.getAttribute('data-status') === 'ready');
    // Every result with coordinates is on the map, alone or in a cluster (tiles are built in a worker: poll).
    const drawn = () =>
      page.evaluate(() => {
        const map = (document.querySelector('.map-canvas') as any).maplibreMap;
        const seen = new Map<string, number>();
        for (const f of map.querySourceFeatures('offers')) {
          const p = f.properties;
          if (p.cluster_id != null) seen.set(`c${p.cluster_id}`, p.point_count);
          else seen.set(p.id, 1);
        }
        return [...seen.values()].reduce((n, c) => n + c, 0);
      });
    await expect.poll(drawn).toBe(expected.items.filter((i: Json) => i.lat != null).length);
    // Offline basemap: the département's contour and its communes' borders from our own API.
    const layers = await page.evaluate(() => (document.querySelector('.map-canvas') as any).maplibreMap.getStyle().layers.map((l: any) => l.id));
    expect(layers).toEqual(expect.arrayContaining(['background', 'departement-47-fill', 'communes-47-line', 'departement-47-line', 'offer-clusters', 'offer-points']));
    // The whole 30 km circle around Marmande is in view (not cut by the fit to the markers).
    const circleInView = await page.evaluate(() => {
      const map = (document.querySelector('.map-canvas') as any).maplibreMap;
      const bounds = map.getBounds();
      const [lon, lat] = map.querySourceFeatures('origin').find((f: any) => f.geometry.type === 'Point').geometry.coordinates;
      const dLat = 30 / 111.32;
      const dLon = dLat / Math.cos((lat * Math.PI) / 180);
      return [[lon, lat + dLat], [lon, lat - dLat], [lon + dLon, lat], [lon - dLon, lat]].every((p) => bounds.contains(p));
    });
    expect(circleInView).toBe(true);
    await screenshot(page, 'agent-1-results');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('hovering a card lights its marker; hovering and clicking a marker lights and selects its card', async () => {
    const { page } = env.browser;
    const card = page.locator('.result-card').filter({ hasText: 'Location solidaire de scooters' });
    const id = (await card.getAttribute('data-offer-id'))!;
    await card.hover();
    await expect.poll(() => page.locator('.map-canvas').getAttribute('data-hovered')).toBe(id);
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('.map-canvas') as any).maplibreMap.queryRenderedFeatures({ layers: ['offer-highlight'] }).map((f: any) => f.properties.id)))
      .toEqual([id]);

    // Zoom onto the marker so it is not inside a cluster, then point at it.
    const item = ((await api('/api/search?commune=47157&barriers=mobilite&size=100')).items as Json[]).find((i) => i.id === id)!;
    const point = await page.evaluate(async ([lon, lat]) => {
      const el = document.querySelector('.map-canvas') as any;
      const map = el.maplibreMap;
      map.jumpTo({ center: [lon, lat], zoom: 14 });
      await new Promise((resolve) => map.once('idle', resolve));
      const p = map.project([lon, lat]);
      const box = el.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, [item.lon, item.lat]);
    await page.mouse.move(10, 10);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => card.getAttribute('class')).toContain('is-highlighted');
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.url()).toContain(`offre=${id}`);
    expect(await card.getAttribute('class')).toContain('is-selected');
    await screenshot(page, 'agent-2-selected', false);
    // « Voir sur la carte » opens the offer's label on the map.
    const other = page.locator('.result-card').filter({ hasText: 'Préparation accompagnée au permis B' });
    await other.getByRole('button', { name: /Voir sur la carte/ }).click();
    await expect.poll(() => page.locator('.maplibregl-popup').textContent()).toContain('Préparation accompagnée au permis B');
    expect(await page.locator('.maplibregl-popup').getAttribute('data-offer-id')).toBe(await other.getAttribute('data-offer-id'));
  });

  it('offer page: how to get in, hours in French with open/closed, contact, demo badge; « signaler une erreur »; back keeps the search', async () => {
    const { page } = env.browser;
    const searchUrl = page.url();
    await page.locator('.result-card').filter({ hasText: 'Préparation accompagnée au permis B' }).getByRole('link').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Préparation accompagnée au permis B');
    await settled(page);
    const offer = await api(`/api/offers/${page.url().split('/offres/')[1]}`);
    expect(await page.locator('#entrer + *').textContent()).toContain('Téléphoner');
    const hours = await page.locator('.opening-hours').textContent();
    expect(hours).toMatch(/Lundi au vendredi .*h/);
    expect(hours).toMatch(/Ouvert maintenant|Fermé en ce moment/);
    expect(await page.locator('.badge--demo').count()).toBeGreaterThan(0);
    expect(await page.locator('.freshness').textContent()).toContain('Informations confirmées le');
    if (offer.contact_restricted) {
      expect(await page.getByTestId('contact-restricted').textContent()).toContain('réservées aux professionnels');
      expect(await page.getByTestId('contact-restricted').getByRole('link', { name: 'Connectez-vous' }).count()).toBe(1);
    }
    expect(await page.locator('.contact').textContent()).toContain(offer.structure.phone);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'agent-3-offer');

    await page.getByText('Signaler une erreur sur cette offre').click();
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('10 caractères au moins');
    await page.getByLabel('Qu’est-ce qui est faux ?').fill('Le numéro de l’auto-école a changé.');
    await page.getByLabel('Votre adresse électronique').fill('pas une adresse');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Adresse e-mail invalide');
    await page.getByLabel('Votre adresse électronique').fill('');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect.poll(() => page.locator('.report .notice--success').textContent()).toContain('Merci');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Retour' }).click();
    await expect.poll(() => page.url()).toBe(searchUrl);
    expect(await page.getByRole('button', { name: /^Mobilité/ }).getAttribute('aria-pressed')).toBe('true');
    // The browser's back button undoes the last choice: the barrier.
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('freins=');
    expect(await page.getByRole('button', { name: /^Mobilité/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('a barrier with no answer nearby is named, and the radius can be widened', async () => {
    const { page } = env.browser;
    // Find, through the API, a barrier with nothing within 5 km of Marmande but something within 100 km.
    const near = await api('/api/search?commune=47157&radius_km=5&size=1');
    const far = await api('/api/search?commune=47157&radius_km=100&size=1');
    const referentials = await api('/api/referentials');
    const barrier = (referentials.barriers as Json[]).find((b) => !near.facets.barriers?.[b.key] && far.facets.barriers?.[b.key]);
    expect(barrier, 'the demo catalogue should have a barrier answered only far from Marmande').toBeTruthy();
    await page.goto(`${env.server.url}/?commune=47157&freins=${barrier!.key}&rayon=5`);
    await settled(page);
    const notice = page.getByTestId('unmet-notice');
    expect(await notice.textContent()).toContain(`Aucune offre ne répond au besoin « ${barrier!.label} » à moins de 5 km de Marmande`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'agent-4-empty');
    await notice.getByRole('button', { name: 'Élargir à 10 km' }).click();
    await expect.poll(() => page.url()).toContain('rayon=10');
  });

  it('a shared link with a barrier that no longer exists: dropped from the URL, said, the search runs', async () => {
    const { page } = env.browser;
    await page.goto(`${env.server.url}/?commune=15187&freins=logement,maitrise_francais`);
    await settled(page);
    expect(await page.getByTestId('dropped-barriers').textContent()).toBe('Un frein du lien n’existe plus : maitrise_francais — ignoré.');
    await expect.poll(() => new URL(page.url()).searchParams.get('freins')).toBe('logement');
    const expected = await api('/api/search?commune=15187&barriers=logement&size=1');
    await expect.poll(() => page.locator('#titre-resultats').textContent()).toContain(`${expected.total} offre`);
    expect(await page.locator('.notice--error').count()).toBe(0);
    // Other unknown values: the API's own message, not « Corrigez les champs signalés ».
    await page.goto(`${env.server.url}/?commune=47157&publics=inexistant`);
    await settled(page);
    expect(await page.locator('.notice--error').textContent()).toContain('Public inconnu : « inexistant »');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('filters show facet counts; a keyword with a typo still finds', async () => {
    const { page } = env.browser;
    await page.goto(`${env.server.url}/?commune=47157&freins=mobilite`);
    await settled(page);
    await page.getByText('Plus de filtres').click();
    const free = page.getByLabel(/^Gratuit \(\d+\)$/);
    const count = Number((await free.locator('xpath=..').textContent())!.match(/\((\d+)\)/)![1]);
    await free.check();
    await expect.poll(() => page.url()).toContain('frais=gratuit');
    await settled(page);
    expect(await page.locator('.result-card').count()).toBe(count);

    await page.goto(`${env.server.url}/?commune=47157`);
    await page.getByLabel('Mot-clé (facultatif)').fill('permsi');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await settled(page);
    expect(await page.locator('.result-card').first().textContent()).toContain('permis');
  });

  it('works at 360 px wide: no horizontal scrolling, map above the list', async () => {
    const { page } = env.browser;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${env.server.url}/?commune=47157&freins=mobilite`);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const mapTop = await page.locator('.map-panel').evaluate((e) => e.getBoundingClientRect().top);
    const listTop = await page.locator('.result-list').evaluate((e) => e.getBoundingClientRect().top);
    expect(mapTop).toBeLessThan(listTop);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'agent-5-mobile');
    // A phone (390 px): long reasons (two barriers) and the offer page stay within the width too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${env.server.url}/?commune=47157&freins=mobilite,sante`);
    await settled(page);
    expect(await page.locator('.result-card').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.result-card h3 a').first().click();
    await page.locator('.offer-header').waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
