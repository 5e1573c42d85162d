/**
 * MAP_STYLE_URL: with a configured style, the maps use it (here a style given as a data: URL, as
 * a production tile style would be fetched) and draw the département contour over it, without the
 * offline commune borders.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsAvailable, settled } from './harness.ts';
import { e2eEnvironment } from './environment.ts';

const STYLE = { version: 8, sources: {}, layers: [{ id: 'fond-configure', type: 'background', paint: { 'background-color': '#dfe8d8' } }] };

describe.skipIf(!browserTestsAvailable())('basemap from MAP_STYLE_URL', () => {
  const env = e2eEnvironment({ MAP_STYLE_URL: `data:application/json,${encodeURIComponent(JSON.stringify(STYLE))}` });

  it('uses the configured style and draws our layers over it', async () => {
    const { page } = env.browser;
    expect((await env.api('/api/config')).map_style_url).toMatch(/^data:application\/json,/);
    await page.goto(`${env.server.url}/?commune=47157&freins=mobilite`);
    await settled(page);
    await page.waitForFunction(() => document.querySelector('.map-canvas')?.getAttribute('data-status') === 'ready');
    const layers = await page.evaluate(() => (document.querySelector('.map-canvas') as any).maplibreMap.getStyle().layers.map((l: any) => l.id));
    expect(layers[0]).toBe('fond-configure');
    expect(layers).toEqual(expect.arrayContaining(['departement-47-line', 'offer-clusters', 'offer-points', 'offer-highlight']));
    expect(layers).not.toContain('background');
    expect(layers).not.toContain('communes-47-line');
  });
});
