/**
 * POST /api/match on the demo catalogue (territories + demo + outbox drained, real SQLite engine):
 * the rules of DESIGN §5 as a referent relies on them, the reasons, unmet needs recorded anonymously.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { loadDemo } from '../../seed/demo/load.ts';
import { labelOf } from '../../api/domain/referentials/index.ts';

/** Commune centres from ../shared/geo (matching measures reach from commune centres); skipped LOUDLY without them, a failure with REQUIRE_SHARED=1. */
import { hasSharedGeo } from '../helpers/shared.ts';

const HAS_GEO = hasSharedGeo('matching measures reach from commune centres');

type Json = Record<string, any>;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  await loadDemo(t.db, t.now);
  const drained = await t.drain();
  expect(drained.failed).toBe(0);
});
afterAll(async () => {
  await t?.close();
});

async function match(body: unknown): Promise<{ status: number; type: string | null; engine: string | null; body: Json }> {
  const r = await t.app.request('/api/match', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, type: r.headers.get('content-type'), engine: r.headers.get('x-search-engine'), body: (await r.json()) as Json };
}

const group = (body: Json, barrier: string): Json => (body.groups as Json[]).find((g) => g.barrier === barrier)!;
const names = (g: Json): string[] => (g.items as Json[]).map((i) => i.offer.name);
const item = (g: Json, name: string): Json | undefined => (g.items as Json[]).find((i) => i.offer.name === name);
const unmetRows = () => t.db.selectFrom('unmet_needs').selectAll().orderBy('barrier').execute();

const PERMIS = 'Préparation accompagnée au permis B';
const SCOOTERS = 'Location solidaire de scooters et de vélos électriques';
const REMOTE_MOBILITY = 'Conseil mobilité et aide aux solutions de déplacement';
const ITINERANT_CHILDCARE = 'Accompagnement des parents vers un mode de garde';

describe.skipIf(!HAS_GEO)('POST /api/match', () => {
  it('Marmande + mobilité finds the Auto-école sociale de Marmande, with its reasons in French', async () => {
    const r = await match({ commune: '47157', barriers: ['mobilite'] });
    expect(r.status).toBe(200);
    expect(r.engine).toBe('sqlite');
    expect(r.body).toMatchObject({ commune: { code: '47157', name: 'Marmande' }, radius_km: 30, engine: 'sqlite', degraded: false, unmet_barriers: [] });
    const g = group(r.body, 'mobilite');
    expect(g).toMatchObject({ label: labelOf('barriers', 'mobilite'), unmet: false });
    const permis = item(g, PERMIS)!;
    expect(permis).toMatchObject({
      structure: { name: 'Auto-école sociale de Marmande' },
      offer: { source: 'demo', source_id: '47-aes-marmande-permis-b', type: 'formation', modes: ['en-presentiel'] },
    });
    expect(permis.offer.id).toEqual(expect.any(String));
    expect(permis.distance_km).toBeLessThan(1);
    expect(permis.reasons).toEqual([
      labelOf('thematiques', 'mobilite--preparer-un-permis'),
      labelOf('thematiques', 'mobilite--financer-ma-mobilite'),
      'sur place',
      '2 places',
      'mis à jour il y a 25 jours',
    ]);
    // The Tonneins scooters (about 18 km) and a remote advice service are reachable too.
    expect(item(g, SCOOTERS)!.reasons).toContain('à 18 km');
    expect(item(g, REMOTE_MOBILITY)!.reasons).toContain('à distance');
    // Ranked: best first, nearest on-site offer before the one 18 km away.
    const scores = (g.items as Json[]).map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(names(g).indexOf(PERMIS)).toBeLessThan(names(g).indexOf(SCOOTERS));
  });

  it('every answer is eligible and reachable', async () => {
    const r = await match({ commune: '47157', barriers: ['mobilite', 'emploi', 'sante', 'contraintes_familiales'], publics: ['jeunes'], age: 20 });
    const commune = { code: '47157', epci: '200030674', dept: '47' };
    for (const g of r.body.groups as Json[]) {
      for (const i of g.items as Json[]) {
        const o = await (await t.app.request(`/api/offers/${i.offer.id}`)).json();
        const zone: string[] = o.zone ?? [];
        expect(zone.length === 0 || zone.some((c) => [commune.code, commune.epci, commune.dept, 'france'].includes(c)), o.name).toBe(true);
        expect(o.publics == null || o.publics.length === 0 || o.publics.includes('tous-publics') || o.publics.includes('jeunes'), o.name).toBe(true);
        expect(o.age_min == null || o.age_min <= 20, o.name).toBe(true);
        expect(o.age_max == null || o.age_max >= 20, o.name).toBe(true);
        const reachable =
          (i.distance_km !== null && i.distance_km <= 30) || o.modes_accueil.includes('a-distance') || (o.itinerant_communes ?? []).includes('47157');
        expect(reachable, o.name).toBe(true);
      }
    }
  });

  it('without a vehicle the radius shrinks to 15 km; max_km overrides it', async () => {
    const noCar = await match({ commune: '47157', barriers: ['mobilite'], has_vehicle: false });
    expect(noCar.body.radius_km).toBe(15);
    expect(names(group(noCar.body, 'mobilite'))).toContain(PERMIS);
    expect(names(group(noCar.body, 'mobilite'))).not.toContain(SCOOTERS);
    const wider = await match({ commune: '47157', barriers: ['mobilite'], has_vehicle: false, max_km: 20 });
    expect(wider.body.radius_km).toBe(20);
    expect(names(group(wider.body, 'mobilite'))).toContain(SCOOTERS);
  });

  it('a remote offer appears whatever the distance', async () => {
    const r = await match({ commune: '47157', barriers: ['mobilite'], max_km: 1 });
    const g = group(r.body, 'mobilite');
    expect(names(g)).toContain(REMOTE_MOBILITY);
    expect(item(g, REMOTE_MOBILITY)!.distance_km).toBeNull();
    expect(names(g)).not.toContain(SCOOTERS);
  });

  it('an itinerant offer appears for a commune it visits', async () => {
    const r = await match({ commune: '47157', barriers: ['contraintes_familiales'], max_km: 10 });
    const childcare = item(group(r.body, 'contraintes_familiales'), ITINERANT_CHILDCARE)!;
    expect(childcare).toBeDefined();
    expect(childcare.reasons).toContain('itinérant : passe à Marmande');
    expect(childcare.distance_km).toBeNull();
  });

  it('excludes offers for other publics and ages', async () => {
    const seniors = await match({ commune: '47157', barriers: ['mobilite'], publics: ['seniors'] });
    expect(names(group(seniors.body, 'mobilite'))).not.toContain(PERMIS);
    const young = await match({ commune: '47157', barriers: ['mobilite'], publics: ['jeunes'], age: 16 });
    expect(names(group(young.body, 'mobilite'))).not.toContain(PERMIS);
    const adult = await match({ commune: '47157', barriers: ['mobilite'], publics: ['jeunes'], age: 17 });
    const permis = item(group(adult.body, 'mobilite'), PERMIS)!;
    expect(permis.reasons).toContain('public : jeunes');
  });

  it('« tous-publics » among the asked publics means anyone: no publics restriction', async () => {
    const anyone = await match({ commune: '47157', barriers: ['mobilite'] });
    const all = await match({ commune: '47157', barriers: ['mobilite'], publics: ['tous-publics'] });
    const withSeniors = await match({ commune: '47157', barriers: ['mobilite'], publics: ['seniors', 'tous-publics'] });
    const expected = names(group(anyone.body, 'mobilite'));
    expect(expected).toContain(PERMIS);
    expect(names(group(all.body, 'mobilite'))).toEqual(expected);
    expect(names(group(withSeniors.body, 'mobilite'))).toEqual(expected);
    // Not « public : tous publics » either: nothing was narrowed.
    for (const i of group(all.body, 'mobilite').items as Json[]) expect(i.reasons.some((r: string) => r.startsWith('public :'))).toBe(false);
  });

  it('a situation counts for its barrier and narrows to its thématiques', async () => {
    const r = await match({ commune: '47157', situations: ['enfants-moins-3-ans-sans-garde'] });
    expect(r.body.groups.map((g: Json) => g.barrier)).toEqual(['contraintes_familiales']);
    const g = group(r.body, 'contraintes_familiales');
    expect(g.items.length).toBeGreaterThan(0);
    for (const i of g.items as Json[]) expect(i.offer.thematiques).toContain('famille--garde-denfants');
    expect(g.items[0].reasons[0]).toBe('Garde d’enfants');
  });

  it('an offer answering two requested barriers ranks above one answering one', async () => {
    const r = await match({ commune: '47157', barriers: ['logement', 'difficulte_financiere'] });
    const logement = group(r.body, 'logement');
    const top = logement.items[0];
    expect(top.offer.name).toBe('Accès au logement, domiciliation et aides d’urgence');
    expect(top.reasons).toContain(`répond aussi : ${labelOf('barriers', 'difficulte_financiere')}`);
  });

  it('a text-only profile groups what the text finds by barrier', async () => {
    const r = await match({ commune: '47157', q: 'permis de conduire' });
    expect(r.status).toBe(200);
    expect(names(group(r.body, 'mobilite'))).toContain(PERMIS);
    expect(r.body.unmet_barriers).toEqual([]);
  });

  it('records an unmet barrier anonymously: commune, barrier, day and a count, nothing else', async () => {
    await t.db.deleteFrom('unmet_needs').execute();
    const r = await match({ commune: '47157', barriers: ['numerique', 'mobilite'], publics: ['jeunes'], age: 30, max_km: 5, has_vehicle: false });
    expect(r.status).toBe(200);
    expect(group(r.body, 'numerique')).toMatchObject({ unmet: true, items: [], total: 0 });
    expect(r.body.unmet_barriers).toEqual(['numerique']);
    expect(await unmetRows()).toEqual([{ commune_code: '47157', barrier: 'numerique', day: '2026-06-15', count: 1 }]);
    await match({ commune: '47157', barriers: ['numerique'], max_km: 5 });
    expect(await unmetRows()).toEqual([{ commune_code: '47157', barrier: 'numerique', day: '2026-06-15', count: 2 }]);
    // A text query narrows by wording: it does not say that nothing exists.
    await match({ commune: '47157', barriers: ['numerique'], max_km: 5, q: 'tablette' });
    expect((await unmetRows())[0]!.count).toBe(2);
  });

  it('refuses bad bodies with French problem details and paths, and records nothing', async () => {
    await t.db.deleteFrom('unmet_needs').execute();
    const notJson = await match('{"commune": ');
    expect(notJson.status).toBe(400);
    expect(notJson.type).toContain('application/problem+json');
    expect(notJson.body.errors).toEqual([{ path: '(racine)', message: 'JSON invalide ou absent' }]);

    const bad = await match({ commune: '47157', barriers: ['voiture'], situations: ['inconnue'], age: 'vingt', max_km: -3, has_vehicle: 'non' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ status: 400, title: 'Profil invalide' });
    const paths = (bad.body.errors as Json[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['barriers.0', 'situations.0', 'age', 'max_km', 'has_vehicle']));
    expect((bad.body.errors as Json[]).find((e) => e.path === 'barriers.0')!.message).toBe('Frein inconnu : « voiture »');

    const unknown = await match({ commune: '99999', barriers: ['numerique'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'about:blank', title: 'Profil invalide', status: 400, detail: 'Corrigez les champs signalés puis réessayez.', errors: [{ path: 'commune', message: 'Commune inconnue : 99999' }] });

    const empty = await match({ commune: '47157' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('barriers');

    expect(await unmetRows()).toEqual([]);
  });
});
