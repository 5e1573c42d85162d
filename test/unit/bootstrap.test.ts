/**
 * The first start (seed/bootstrap.ts) when geo.api.gouv.fr cannot give the départements' contours:
 * the service still starts with its territories and demo catalogue, says so in French, and the next
 * start tries the contours again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { bootstrap } from '../../seed/bootstrap.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe('first start without the contours', () => {
  it('starts with communes and the demo catalogue, and warns in French', async () => {
    const lines: string[] = [];
    // Centres answer (empty here); the contours' server is unreachable.
    const fetch: typeof globalThis.fetch = async (input) => {
      if (String(input).includes('geometry=contour')) throw new TypeError('fetch failed');
      return Response.json([]);
    };
    await bootstrap(t.db, { ...loadConfig({}), geoDir: null, demo: true }, { now: new Date('2026-06-15T10:00:00Z'), log: (l) => lines.push(l), fetch });
    const offers = await t.db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(offers.n)).toBeGreaterThan(200);
    expect(lines.find((l) => l.startsWith('Attention : contours'))).toContain('le prochain démarrage réessaiera');
  });
});
