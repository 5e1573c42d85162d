/**
 * GET /api/search on the demo catalogue through the real SQLite engine; then the engine selection:
 * SEARCH_ENGINE=meilisearch with Meilisearch unreachable answers from SQLite and says so, and with a
 * real Meilisearch (test harness) answers from it. /api/health reports the engine and the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { loadDemo } from '../../seed/demo/load.ts';
import { freePort, meilisearchBinary, startMeilisearch, type MeilisearchServer } from '../helpers/meilisearch.ts';

/** Commune centres from ../shared/geo (search around a commune needs its centre); skipped LOUDLY without them, a failure with REQUIRE_SHARED=1. */
import { hasSharedGeo } from '../helpers/shared.ts';

const HAS_GEO = hasSharedGeo('search around a commune needs its centre');

type Json = Record<string, any>;

async function get(t: TestApp, path: string): Promise<{ status: number; type: string | null; engine: string | null; body: Json }> {
  const r = await t.app.request(path);
  return { status: r.status, type: r.headers.get('content-type'), engine: r.headers.get('x-search-engine'), body: (await r.json()) as Json };
}
const names = (body: Json): string[] => (body.items as Json[]).map((i) => i.name);

const PERMIS = 'Préparation accompagnée au permis B';
const SCOOTERS = 'Location solidaire de scooters et de vélos électriques';
const REMOTE_MOBILITY = 'Conseil mobilité et aide aux solutions de déplacement';

describe.skipIf(!HAS_GEO)('GET /api/search (SQLite engine)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ territories: true });
    await loadDemo(t.db, t.now);
    expect((await t.drain()).failed).toBe(0);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('commune + barrier: what the commune can reach, with offer summary, structure, distance and reasons', async () => {
    const r = await get(t, '/api/search?commune=47157&barriers=mobilite&size=50');
    expect(r.status).toBe(200);
    expect(r.engine).toBe('sqlite');
    expect(r.body).toMatchObject({ engine: 'sqlite', degraded: false, page: 1, size: 50 });
    expect(names(r.body)).toEqual(expect.arrayContaining([PERMIS, SCOOTERS, REMOTE_MOBILITY]));
    expect(r.body.total).toBe(r.body.items.length);
    const permis = (r.body.items as Json[]).find((i) => i.name === PERMIS)!;
    expect(permis).toMatchObject({
      source: 'demo',
      source_id: '47-aes-marmande-permis-b',
      type: 'formation',
      thematiques: ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'],
      modes_accueil: ['en-presentiel'],
      structure: { name: 'Auto-école sociale de Marmande', id: expect.any(String) },
    });
    expect(permis.distance_km).toBeLessThan(1);
    expect(permis.reasons).toEqual(['Préparer un permis', 'Financer ma mobilité', 'sur place', '2 places', 'mis à jour il y a 25 jours']);
    // Facets count what matched, per field.
    expect(r.body.facets.barriers.mobilite).toBe(r.body.total);
    expect(Object.values(r.body.facets.modes_accueil as Record<string, number>).every((n) => n <= r.body.total)).toBe(true);
  });

  it('radius_km narrows on-site offers; remote ones stay', async () => {
    const r = await get(t, '/api/search?commune=47157&barriers=mobilite&radius_km=15');
    expect(names(r.body)).toContain(PERMIS);
    expect(names(r.body)).toContain(REMOTE_MOBILITY);
    expect(names(r.body)).not.toContain(SCOOTERS);
  });

  it('text finds through the engine, with the commune rules applied', async () => {
    const r = await get(t, '/api/search?commune=47157&q=permis');
    expect(names(r.body)).toContain(PERMIS);
    const far = await get(t, '/api/search?commune=15014&q=permis&radius_km=10');
    expect(names(far.body)).not.toContain(PERMIS);
  });

  it('a misspelled lexicon word brings its synonyms, as the word spelled right does', async () => {
    for (const [typo, right, commune] of [
      ['illetrisme', 'illettrisme', '15187'],
      ['surendetement', 'surendettement', '47157'],
    ]) {
      const expected = names((await get(t, `/api/search?commune=${commune}&q=${right}&size=100`)).body);
      expect(expected.length, right).toBeGreaterThan(0);
      expect(names((await get(t, `/api/search?commune=${commune}&q=${typo}&size=100`)).body), typo).toEqual(expected);
    }
  });

  it('lat+lon alone: on site within the radius of that point', async () => {
    const r = await get(t, '/api/search?lat=44.5&lon=0.165&radius_km=3&size=100');
    expect(r.status).toBe(200);
    expect(names(r.body)).toContain(PERMIS);
    expect(names(r.body)).not.toContain(REMOTE_MOBILITY);
    for (const i of r.body.items as Json[]) expect(i.distance_km).toBeLessThanOrEqual(3);
  });

  it('filters on types, fees, modes, publics and départements', async () => {
    const formation = await get(t, '/api/search?dept=47&types=formation&size=100');
    expect(formation.body.total).toBeGreaterThan(0);
    for (const i of formation.body.items as Json[]) expect(i.type).toBe('formation');
    expect(formation.body.facets.departement_code).toEqual({ '47': formation.body.total });

    const remote = await get(t, '/api/search?modes=a-distance&fees=gratuit&size=100');
    expect(remote.body.total).toBeGreaterThan(0);
    for (const i of remote.body.items as Json[]) {
      expect(i.modes_accueil).toContain('a-distance');
      expect(i.fees).toBe('gratuit');
    }

    const seniors = await get(t, '/api/search?commune=47157&barriers=mobilite&publics=seniors');
    expect(names(seniors.body)).not.toContain(PERMIS);
    for (const i of seniors.body.items as Json[]) expect(i.publics.length === 0 || i.publics.includes('tous-publics') || i.publics.includes('seniors')).toBe(true);
  });

  it('a commune without a known centre (Celles, 15031, missing from the centres data): the answer says so in French', async () => {
    const centre = await t.db.selectFrom('communes').select(['lat', 'lon']).where('code', '=', '15031').executeTakeFirstOrThrow();
    expect(centre).toEqual({ lat: null, lon: null });
    const search = await get(t, '/api/search?commune=15031&size=100');
    expect(search.status).toBe(200);
    expect(search.body.notice).toContain('Celles (15031) n’a pas de centre connu');
    for (const i of search.body.items as Json[]) expect(i.distance_km).toBeNull();
    const r = await t.app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commune: '15031', barriers: ['mobilite'] }) });
    const match = (await r.json()) as Json;
    expect(r.status).toBe(200);
    expect(match.notice).toContain('Celles (15031) n’a pas de centre connu');
    expect(match.notice).toContain('seules les offres à distance, itinérantes ou situées dans la commune');
    // Not recorded as an unmet need: what is reachable there is unknown.
    expect(await t.db.selectFrom('unmet_needs').selectAll().where('commune_code', '=', '15031').execute()).toEqual([]);
    // A commune with a centre has no notice.
    expect((await get(t, '/api/search?commune=15014&size=1')).body.notice).toBeUndefined();
  });

  it('publics=tous-publics means anyone: no publics filter', async () => {
    const anyone = await get(t, '/api/search?commune=47157&barriers=mobilite&size=100');
    const all = await get(t, '/api/search?commune=47157&barriers=mobilite&publics=tous-publics&size=100');
    expect(names(anyone.body)).toContain(PERMIS);
    expect(names(all.body)).toEqual(names(anyone.body));
    expect(all.body.total).toBe(anyone.body.total);
  });

  it('pages never overlap', async () => {
    const one = await get(t, '/api/search?dept=47&size=10&page=1');
    const two = await get(t, '/api/search?dept=47&size=10&page=2');
    expect(one.body.total).toBe(two.body.total);
    expect(one.body.items).toHaveLength(10);
    const ids = new Set((one.body.items as Json[]).map((i) => i.id));
    for (const i of two.body.items as Json[]) expect(ids.has(i.id)).toBe(false);
  });

  it('refuses bad parameters with French problem details and paths', async () => {
    const unknown = await get(t, '/api/search?commune=99999');
    expect(unknown.status).toBe(400);
    expect(unknown.type).toContain('application/problem+json');
    expect(unknown.body).toEqual({ type: 'about:blank', title: 'Paramètres invalides', status: 400, detail: 'Corrigez les champs signalés puis réessayez.', errors: [{ path: 'commune', message: 'Commune inconnue : 99999' }] });

    const bad = await get(t, '/api/search?lat=44.5&barriers=mobilite,voiture&size=1000&fees=cher');
    expect(bad.status).toBe(400);
    const paths = (bad.body.errors as Json[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['lon', 'barriers.1', 'size', 'fees.0']));
    expect((bad.body.errors as Json[]).find((e) => e.path === 'barriers.1')!.message).toBe('Frein inconnu : « voiture »');
    expect((bad.body.errors as Json[]).find((e) => e.path === 'size')!.message).toBe('doit être inférieur ou égal à 100');
    // A field's own message wins over the generic ones.
    expect((bad.body.errors as Json[]).find((e) => e.path === 'lon')!.message).toBe('Indiquez à la fois lat et lon');
  });

  it('/api/health reports the engine, its documents and the outbox', async () => {
    const r = await get(t, '/api/health');
    expect(r.body.search).toMatchObject({ engine: 'sqlite', ok: true });
    expect(r.body.search.documents).toBeGreaterThan(200);
    expect(r.body.search.fallback).toBeUndefined();
    expect(r.body.outbox).toEqual({ pending: 0, oldest_age_s: 0, failing: 0 });
  });

  it('a full offer (no place left in any session to come) says « complet » and comes after every offer with places', async () => {
    const before = names((await get(t, '/api/search?commune=47157&barriers=mobilite&size=50')).body);
    expect(before.indexOf(PERMIS)).toBe(0);
    const id = (await t.db.selectFrom('offers').select('id').where('source_id', '=', '47-aes-marmande-permis-b').executeTakeFirstOrThrow()).id;
    // Places unknown on the offer itself; its sessions to come (the demo's and one more) are full.
    await t.db.updateTable('offers').set({ places_available: null }).where('id', '=', id).execute();
    await t.db.updateTable('offer_sessions').set({ places_available: 0 }).where('offer_id', '=', id).execute();
    await t.db.insertInto('offer_sessions').values({ id: 'permis-full-session', offer_id: id, label: 'Session d’automne', starts_on: '2099-09-01', ends_on: null, capacity: 8, places_available: 0 }).execute();
    await t.db.insertInto('search_outbox').values({ offer_id: id, enqueued_at: t.now.toISOString(), next_attempt_at: t.now.toISOString() }).execute();
    await t.drain();
    const items = (await get(t, '/api/search?commune=47157&barriers=mobilite&size=50')).body.items as Json[];
    const at = items.findIndex((i) => i.name === PERMIS);
    expect(items[at]!.reasons).toContain('complet');
    expect(items[at]!.full).toBe(true);
    expect(at).toBeGreaterThan(0);
    for (const item of items.slice(0, at)) expect(item.reasons).not.toContain('complet');
    for (const item of items.slice(0, at)) expect(item.full).toBe(false);
    // A text search says so too.
    const text = (await get(t, '/api/search?commune=47157&q=permis')).body.items as Json[];
    expect(text.find((i) => i.name === PERMIS)!.reasons).toContain('complet');
  });

  it('overdue offers (not confirmed within their update frequency) come after the up-to-date ones, before full ones', async () => {
    const tier = (i: Json) => (i.full ? 2 : i.overdue ? 1 : 0);
    for (const path of ['/api/search?commune=63113&size=100', '/api/search?dept=63&size=100']) {
      const items = (await get(t, path)).body.items as Json[];
      const tiers = items.map(tier);
      expect(tiers, path).toContain(0);
      expect(tiers, path).toContain(1);
      expect(tiers, path).toEqual([...tiers].sort());
    }
    // Confirming an overdue offer (« rien n'a changé ») brings it back among the up-to-date ones, nearest first.
    const items = (await get(t, '/api/search?commune=63113&size=100')).body.items as Json[];
    const overdue = items.find((i) => i.overdue)!;
    await t.db.updateTable('offers').set({ confirmed_at: t.now.toISOString() }).where('id', '=', overdue.id).execute();
    await t.db.insertInto('search_outbox').values({ offer_id: overdue.id, enqueued_at: t.now.toISOString(), next_attempt_at: t.now.toISOString() }).execute();
    await t.drain();
    const after = (await get(t, '/api/search?commune=63113&size=100')).body.items as Json[];
    const confirmed = after.findIndex((i) => i.id === overdue.id);
    expect(after[confirmed]!.overdue).toBe(false);
    expect(after.findIndex((i) => i.overdue)).toBeGreaterThan(confirmed);
    const fresh = after.filter((i) => tier(i) === 0);
    const distances = fresh.map((i) => i.distance_km ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('a remote-only offer has no distance and says « à distance », never « sur place » (not even at its structure’s door)', async () => {
    const remoteOnly = (i: Json) => i.modes_accueil.includes('a-distance') && !i.modes_accueil.includes('en-presentiel');
    const fromCommune = (await get(t, '/api/search?commune=15014&size=100')).body.items as Json[];
    expect(fromCommune.some(remoteOnly)).toBe(true);
    for (const i of fromCommune.filter(remoteOnly)) {
      expect(i.distance_km, i.name).toBeNull();
      expect(i.reasons, i.name).toContain('à distance');
      expect(i.reasons, i.name).not.toContain('sur place');
    }
    // Around a point, only what is on site within the radius: a remote-only offer is not there, whatever its structure's address.
    const aroundPoint = (await get(t, '/api/search?lat=44.92447&lon=2.44162&radius_km=10&size=100')).body.items as Json[];
    expect(aroundPoint.length).toBeGreaterThan(0);
    expect(aroundPoint.filter(remoteOnly)).toEqual([]);
    // Match says the same.
    const r = await t.app.request('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commune: '15014', thematiques: ['difficultes-financieres--situation-dendettement-surendettement'] }) });
    const matched = ((await r.json()) as Json).groups.flatMap((g: Json) => g.items as Json[]);
    const remote = matched.filter((i: Json) => remoteOnly(i.offer));
    expect(remote.length).toBeGreaterThan(0);
    for (const i of remote) {
      expect(i.distance_km, i.offer.name).toBeNull();
      expect(i.reasons, i.offer.name).toContain('à distance');
    }
  });

  it('an edit shows in search once the outbox is drained', async () => {
    await t.db.updateTable('offers').set({ status: 'draft' }).where('source_id', '=', '47-aes-marmande-permis-b').execute();
    const id = (await t.db.selectFrom('offers').select('id').where('source_id', '=', '47-aes-marmande-permis-b').executeTakeFirstOrThrow()).id;
    // A direct UPDATE bypasses the repository: enqueue as the repositories do.
    await t.db.insertInto('search_outbox').values({ offer_id: id, enqueued_at: t.now.toISOString(), next_attempt_at: t.now.toISOString() }).execute();
    expect((await get(t, '/api/health')).body.outbox.pending).toBe(1);
    await t.drain();
    expect(names((await get(t, '/api/search?commune=47157&barriers=mobilite')).body)).not.toContain(PERMIS);
  });
});

describe.skipIf(!HAS_GEO)('SEARCH_ENGINE=meilisearch, Meilisearch unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    t = await createTestApp({ territories: true, config: { searchEngine: 'meilisearch', meiliUrl: closed, meiliMasterKey: 'cle-de-test' } });
    await loadDemo(t.db, t.now);
    const drained = await t.drain();
    // Writes succeeded; the rows wait for Meilisearch, while the SQLite fallback already has them.
    expect(drained.failed).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('search answers from the SQLite index and says so', async () => {
    const r = await get(t, '/api/search?commune=47157&barriers=mobilite');
    expect(r.status).toBe(200);
    expect(r.engine).toBe('sqlite');
    expect(r.body).toMatchObject({ engine: 'sqlite', degraded: true });
    expect(names(r.body)).toContain(PERMIS);
  });

  it('match answers from the SQLite index and says so', async () => {
    const r = await t.app.request('/api/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ commune: '47157', barriers: ['mobilite'] }),
    });
    expect(r.headers.get('x-search-engine')).toBe('sqlite');
    const body = (await r.json()) as Json;
    expect(body).toMatchObject({ engine: 'sqlite', degraded: true });
    expect(body.groups[0].items.map((i: Json) => i.offer.name)).toContain(PERMIS);
  });

  it('/api/health shows Meilisearch down, the fallback up and the outbox waiting', async () => {
    const r = await get(t, '/api/health');
    expect(r.body.search).toMatchObject({ engine: 'meilisearch', ok: false, fallback: { engine: 'sqlite', ok: true } });
    expect(r.body.outbox.pending).toBeGreaterThan(200);
    expect(r.body.outbox.failing).toBe(r.body.outbox.pending);
  });
});

const meiliBinary = meilisearchBinary('/api/search answering from a real Meilisearch');

describe.skipIf(!meiliBinary || !HAS_GEO)('SEARCH_ENGINE=meilisearch with a real Meilisearch', () => {
  let t: TestApp;
  let server: MeilisearchServer;
  beforeAll(async () => {
    server = await startMeilisearch(meiliBinary!);
    t = await createTestApp({ territories: true, config: { searchEngine: 'meilisearch', meiliUrl: server.url, meiliMasterKey: server.key } });
    await loadDemo(t.db, t.now);
    expect((await t.drain()).failed).toBe(0);
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  it('search and match answer from Meilisearch', async () => {
    const r = await get(t, '/api/search?commune=47157&barriers=mobilite&radius_km=15');
    expect(r.engine).toBe('meilisearch');
    expect(r.body).toMatchObject({ engine: 'meilisearch', degraded: false });
    expect(names(r.body)).toEqual(expect.arrayContaining([PERMIS, REMOTE_MOBILITY]));
    expect(names(r.body)).not.toContain(SCOOTERS);

    const m = await t.app.request('/api/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ commune: '47157', barriers: ['mobilite'], has_vehicle: false }),
    });
    expect(m.headers.get('x-search-engine')).toBe('meilisearch');
    const body = (await m.json()) as Json;
    expect(body.groups[0].items.map((i: Json) => i.offer.name)).toEqual(expect.arrayContaining([PERMIS, REMOTE_MOBILITY]));
    expect(body.groups[0].items.map((i: Json) => i.offer.name)).not.toContain(SCOOTERS);
  });

  it('/api/health reports Meilisearch with its documents and the SQLite fallback', async () => {
    const r = await get(t, '/api/health');
    expect(r.body.search).toMatchObject({ engine: 'meilisearch', ok: true, fallback: { engine: 'sqlite', ok: true } });
    expect(r.body.search.documents).toBe(r.body.search.fallback.documents);
    expect(r.body.outbox.pending).toBe(0);
    expect(r.body.status).toBe('ok');
  });

  it('frozen (SIGSTOP): search answers from the SQLite index within the search timeout, /api/health says « degraded »; then back', async () => {
    process.kill(server.pid, 'SIGSTOP');
    try {
      const r = await get(t, '/api/search?commune=47157&barriers=mobilite');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ engine: 'sqlite', degraded: true });
      expect(names(r.body)).toContain(PERMIS);
      const health = await get(t, '/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', search: { engine: 'meilisearch', ok: false, fallback: { engine: 'sqlite', ok: true } } });
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
    expect((await get(t, '/api/health')).body).toMatchObject({ status: 'ok', search: { ok: true } });
  }, 20_000);
});
