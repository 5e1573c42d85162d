/**
 * The demo catalogue as a newcomer sees it after `npm start`: for each of the five départements, enough
 * published offers and structures, the seeds' real named actions, the mix of cases the rules need, and
 * every barrier answered in every area (arrondissement) by an offer eligible for and reachable from the
 * area's chef-lieu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../helpers/db.ts';
import { loadDemo } from '../../seed/demo/load.ts';
import { listOffers } from '../../api/db/offers.ts';
import type { Offer } from '../../api/domain/offer.ts';
import OpeningHours from 'opening_hours';
import {
  BARRIERS,
  THEMATIQUES,
  PUBLICS,
  TYPES_SERVICES,
  MODES_ACCUEIL,
  MODES_MOBILISATION,
  PERSONNES_MOBILISATRICES,
  RESEAUX_PORTEURS,
  TYPOLOGIES,
} from '../../api/domain/referentials/index.ts';
import { zoneCodesOfCommune } from '../../api/domain/territory.ts';
import { distanceKm } from '../../api/domain/geo.ts';

/** Commune centres from ../shared/geo (the demo catalogue is placed and checked with commune centres); skipped LOUDLY without them, a failure with REQUIRE_SHARED=1. */
import { hasSharedGeo } from '../helpers/shared.ts';

const HAS_GEO = hasSharedGeo('the demo catalogue is placed and checked with commune centres');

const DEPARTEMENTS = ['15', '40', '47', '63', '71'];
const now = new Date('2026-06-15T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let published: Offer[];
let all: Offer[];

beforeAll(async () => {
  t = await createTestDb({ territories: true });
  await loadDemo(t.db, now);
  published = (await listOffers(t.db, { publishedOnly: true, limit: 100000, offset: 0 })).items;
  all = (await listOffers(t.db, { publishedOnly: false, limit: 100000, offset: 0 })).items;
});
afterAll(() => t?.close());

describe.skipIf(!HAS_GEO)('demo catalogue', () => {
  it('marks every record as demo data', async () => {
    const sources = await t.db.selectFrom('structures').select('source').distinct().execute();
    expect(sources.map((s) => s.source)).toEqual(['demo']);
    expect(new Set(all.map((o) => o.source))).toEqual(new Set(['demo']));
  });

  it.each(DEPARTEMENTS)('has at least 40 published offers from at least 20 structures in %s', (dept) => {
    const mine = published.filter((o) => o.departement_code === dept);
    expect(mine.length).toBeGreaterThanOrEqual(40);
    expect(new Set(mine.map((o) => o.structure_id)).size).toBeGreaterThanOrEqual(20);
  });

  it('includes the real actions named by the seed programmes', async () => {
    const names = (await t.db.selectFrom('structures').select('name').execute()).map((s) => s.name).concat(all.map((o) => o.name)).join('\n');
    for (const pattern of [/Syllabe/i, /auto-?école sociale.*Marmande|Marmande.*auto-?école sociale/i, /PASS.*Aurillac/i, /PASS.*Mauriac/i, /PLIE.*CABA|PLIE.*Aurillac/i, /ACTYPOLES/i, /Objectif Plein Emploi/i, /Le Pont/i, /CCAS.*Chalon/i, /CCAS de Dax/i, /Banque Alimentaire/i]) {
      expect(names).toMatch(pattern);
    }
  });

  it('exercises the rules: statuses, zone kinds, remote and itinerant offers, ages, places, sessions, overdue', () => {
    const statuses = new Set(all.map((o) => o.status));
    for (const s of ['published', 'draft', 'suspended', 'archived']) expect(statuses).toContain(s);
    const zoneCodes = published.flatMap((o) => o.zone ?? []);
    expect(zoneCodes.some((z) => /^\d{9}$/.test(z))).toBe(true); // EPCI
    expect(zoneCodes.some((z) => /^\w{5}$/.test(z))).toBe(true); // commune
    expect(zoneCodes.some((z) => /^\d{2}$/.test(z))).toBe(true); // département
    expect(published.some((o) => o.modes_accueil?.includes('a-distance'))).toBe(true);
    expect(published.some((o) => (o.itinerant_communes ?? []).length > 0)).toBe(true);
    expect(published.some((o) => o.age_min != null || o.age_max != null)).toBe(true);
    expect(published.some((o) => o.places_available != null)).toBe(true);
    expect(published.some((o) => o.sessions.length > 0)).toBe(true);
    expect(published.some((o) => !o.contact_public)).toBe(true);
    expect(all.every((o) => o.lon != null && o.lat != null)).toBe(true);
  });

  it('uses only referential values, valid zone codes and parseable opening hours', async () => {
    const bad: string[] = [];
    const check = (what: string, values: readonly string[] | null | undefined, allowed: readonly string[]) => {
      for (const v of values ?? []) if (!allowed.includes(v)) bad.push(`${what}: ${v}`);
    };
    const hours = (what: string, value: string | null) => {
      if (!value) return;
      try {
        const parsed = new OpeningHours(value, null, 0);
        if (parsed.getWarnings().length) bad.push(`${what}: horaires « ${value} » : ${parsed.getWarnings().join(' ')}`);
      } catch (error) {
        bad.push(`${what}: horaires « ${value} » : ${String(error)}`);
      }
    };
    for (const o of all) {
      check(o.source_id, o.thematiques, THEMATIQUES);
      check(o.source_id, o.publics, PUBLICS);
      check(o.source_id, [o.type!], TYPES_SERVICES);
      check(o.source_id, o.modes_accueil, MODES_ACCUEIL);
      check(o.source_id, o.modes_mobilisation, MODES_MOBILISATION);
      check(o.source_id, o.mobilisable_par, PERSONNES_MOBILISATRICES);
      if (o.publics?.includes('tous-publics') && o.publics.length > 1) bad.push(`${o.source_id}: tous-publics not alone`);
      hours(o.source_id, o.opening_hours);
    }
    const structures = await t.db.selectFrom('structures').selectAll().execute();
    for (const s of structures) {
      check(s.source_id, [s.typology!], TYPOLOGIES);
      check(s.source_id, s.reseaux_porteurs ? (JSON.parse(s.reseaux_porteurs) as string[]) : null, RESEAUX_PORTEURS);
      hours(s.source_id, s.opening_hours);
    }
    const zoneCodes = new Set(all.flatMap((o) => [...(o.zone ?? []), ...(o.itinerant_communes ?? [])]));
    const known = new Set([
      ...(await t.db.selectFrom('communes').select('code').execute()).map((r) => r.code),
      ...(await t.db.selectFrom('epci').select('code').execute()).map((r) => r.code),
      ...(await t.db.selectFrom('departements').select('code').execute()).map((r) => r.code),
      'france',
    ]);
    for (const z of zoneCodes) if (!known.has(z)) bad.push(`unknown zone or commune code ${z}`);
    expect(bad).toEqual([]);
  });

  it('answers every barrier in every area of every département', async () => {
    const areas = await t.db
      .selectFrom('areas')
      .innerJoin('communes', 'communes.code', 'areas.chef_lieu')
      .select(['areas.id', 'areas.name', 'areas.departement_code', 'communes.code', 'communes.epci_code', 'communes.lon', 'communes.lat'])
      .where('areas.departement_code', 'in', DEPARTEMENTS)
      .execute();
    expect(areas.length).toBe(3 + 2 + 4 + 5 + 5);
    const areaOfCommune = new Map(
      (await t.db.selectFrom('area_communes').select(['area_id', 'commune_code']).execute()).map((r) => [r.commune_code, r.area_id]),
    );
    const gaps: string[] = [];
    for (const area of areas) {
      const covering = new Set(zoneCodesOfCommune({ code: area.code, epci_code: area.epci_code, departement_code: area.departement_code }));
      for (const barrier of BARRIERS) {
        const serving = published.filter((o) => {
          if (!o.thematiques?.some((th) => barrier.thematiques.includes(th as never))) return false;
          if (o.zone?.length && !o.zone.some((z) => covering.has(z))) return false;
          if (o.modes_accueil?.includes('a-distance')) return true;
          if ((o.itinerant_communes ?? []).some((c) => areaOfCommune.get(c) === area.id)) return true;
          if (o.commune_code && areaOfCommune.get(o.commune_code) === area.id) return true;
          return o.lon != null && o.lat != null && distanceKm([o.lon, o.lat], [area.lon!, area.lat!]) <= 30;
        });
        if (!serving.length) gaps.push(`${area.name} (${area.departement_code}) × ${barrier.key}`);
      }
    }
    expect(gaps).toEqual([]);
  });
});
