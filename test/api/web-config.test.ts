/** What the web app asks the API besides the catalogue: GET /api/config and GET /api/opening-hours. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

type Json = Record<string, any>;

describe('GET /api/config', () => {
  it('gives the offline basemap by default, and the configured style URL otherwise', async () => {
    const offline = await createTestApp();
    const styled = await createTestApp({ config: { mapStyleUrl: 'https://tuiles.exemple.fr/style.json', production: true, passwordIterations: 600_000 } });
    try {
      expect(await (await offline.app.request('/api/config')).json()).toEqual({ map_style_url: null, demo: true, dev_outbox: true });
      expect(await (await styled.app.request('/api/config')).json()).toEqual({ map_style_url: 'https://tuiles.exemple.fr/style.json', demo: true, dev_outbox: false });
    } finally {
      await offline.close();
      await styled.close();
    }
  });
});

describe('GET /api/opening-hours', () => {
  let t: TestApp;
  // Tuesday 16 June 2026, 10:30 in Paris (08:30 UTC).
  const tuesdayMorning = new Date('2026-06-16T08:30:00Z');
  beforeAll(async () => {
    t = await createTestApp({ territories: true, now: tuesdayMorning });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (query: string) => {
    const r = await t.app.request(`/api/opening-hours?${query}`);
    return { status: r.status, body: (await r.json()) as Json };
  };

  it('reads the OSM value in French and says whether it is open now (Paris time)', async () => {
    const r = await get(`value=${encodeURIComponent('Mo-Fr 09:00-12:00,14:00-17:00; PH off')}&departement=47`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      value: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
      text: 'lundi au vendredi 9 h – 12 h, 14 h – 17 h ; fermé les jours fériés',
      open_now: true,
      warnings: [],
    });
    const afternoonOnly = await get(`value=${encodeURIComponent('Mo-Fr 14:00-17:00')}`);
    expect(afternoonOnly.body.open_now).toBe(false);
  });

  it('knows school holidays through the département’s région', async () => {
    const withRegion = await get(`value=${encodeURIComponent('Mo-Fr 09:00-17:00; SH off')}&departement=47`);
    expect(withRegion.status).toBe(200);
    const without = await get(`value=${encodeURIComponent('Mo-Fr 09:00-17:00; SH off')}`);
    expect(without.status).toBe(400);
  });

  it('explains an unreadable value in French', async () => {
    const r = await get('value=tous%20les%20jours');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'value', message: expect.stringMatching(/^Horaires illisibles \(format OpenStreetMap attendu/) });
    expect((await get('departement=47')).status).toBe(400);
  });
});
