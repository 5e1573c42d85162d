/**
 * The SearchIndex contract, run on both engines over the same documents (the demo catalogue and the
 * hand-written fixture of test/fixtures/search-documents.ts): filter-only queries return exactly the
 * ids the port's rules give (test/search/reference.ts), in the port's order; lexicon and typo cases
 * return the expected first result; facet counts and pages agree; and on text queries both engines
 * return the same documents. The Meilisearch half needs the real server (test/helpers/meilisearch.ts):
 * skipped loudly without it, a failure with REQUIRE_MEILI=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { TEST_NOW } from '../helpers/app.ts';
import { meilisearchBinary, startMeilisearch, type MeilisearchServer } from '../helpers/meilisearch.ts';
import { loadDemo } from '../../seed/demo/load.ts';
import { getCommune } from '../../api/db/territories.ts';
import { zoneCodesOfCommune } from '../../api/domain/territory.ts';
import { createSqliteSearchIndex } from '../../search/sqlite/index.ts';
import { createMeilisearchIndex } from '../../search/meilisearch/index.ts';
import { nodeHttpFetch } from '../../search/node-fetch.ts';
import { allSearchDocuments } from '../../search/sync/documents.ts';
import type { SearchDocument } from '../../search/document.ts';
import { FACET_FIELDS, type EngineName, type GeoConstraint, type SearchFilters, type SearchIndex, type SearchQuery } from '../../search/port.ts';
import { ALL_CONTRACT_DOCUMENTS, CONTRACT_DEPARTEMENT, FULL, OVERDUE, REACH, TARGETS } from '../fixtures/search-documents.ts';
import { barrierOfThematique } from '../../api/domain/referentials/index.ts';
import { expectedFacets, expectedIds } from './reference.ts';

/** Commune centres from ../shared/geo (the contract cases search around commune centres); skipped LOUDLY without them, a failure with REQUIRE_SHARED=1. */
import { hasSharedGeo } from '../helpers/shared.ts';

const HAS_GEO = hasSharedGeo('the contract cases search around commune centres');

const meiliBinary = meilisearchBinary('the search engine contract suite on Meilisearch');
const TODAY = '2026-06-15';
const ALL = 10_000;

let db: TestDb;
let server: MeilisearchServer | undefined;
let documents: SearchDocument[];
const engines = new Map<EngineName, SearchIndex>();
/** Filled in beforeAll (they need the territories). */
const place = { marmande: { lat: 0, lon: 0, zone: [] as string[] }, rodez: { lat: 44.3506, lon: 2.575 } };

/** Process warnings met while the engines index and search (a leaked abort listener shows here). */
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);

beforeAll(async () => {
  process.on('warning', onWarning);
  db = await createTestDb({ territories: true });
  await loadDemo(db.db, TEST_NOW);
  documents = [];
  for await (const page of allSearchDocuments(db.db, TEST_NOW)) documents.push(...page);
  documents.push(...ALL_CONTRACT_DOCUMENTS);
  const marmande = (await getCommune(db.db, '47157'))!;
  place.marmande = { lat: marmande.lat!, lon: marmande.lon!, zone: zoneCodesOfCommune(marmande) };

  const sqlite = await createSqliteSearchIndex(db.db);
  await sqlite.reindex(documents);
  engines.set('sqlite', sqlite);
  if (meiliBinary) {
    server = await startMeilisearch(meiliBinary);
    const meili = createMeilisearchIndex({ url: server.url, apiKey: server.key, indexUid: 'contract', fetch: nodeHttpFetch() });
    await meili.reindex(documents);
    engines.set('meilisearch', meili);
  }
});
afterAll(async () => {
  process.off('warning', onWarning);
  await server?.stop();
  await db?.close();
});

const ENGINES: EngineName[] = meiliBinary ? ['sqlite', 'meilisearch'] : ['sqlite'];
const engine = (name: EngineName) => engines.get(name)!;
const ids = async (name: EngineName, query: SearchQuery) => (await engine(name).search({ limit: ALL, ...query })).hits.map((h) => h.id);
const inFixture = (q: string): SearchQuery => ({ q, filters: { departements: [CONTRACT_DEPARTEMENT], activeOn: TODAY }, limit: 5 });

/** Filter-only cases: [name, filters, geo?] — built lazily, some need the territories. */
function filterCases(): [string, SearchFilters, GeoConstraint?][] {
  const m = place.marmande;
  const demoIds = documents.filter((d) => d.source === 'demo').map((d) => d.id);
  const category = mostCommon(documents.flatMap((d) => d.categories));
  // An offer answering two barriers: asked by one barrier and a thématique of the other, it must be found.
  const twoBarriers = documents.find((d) => d.barriers.length >= 2)!;
  const otherThematique = twoBarriers.thematiques.find((t) => barrierOfThematique(t) !== twoBarriers.barriers[0])!;
  const thematique = mostCommon(documents.flatMap((d) => d.thematiques));
  return [
    ['nothing but the day', { activeOn: TODAY }],
    ['no day: every suspended offer left out', {}],
    ['a day after the suspensions end', { activeOn: '2026-09-01' }],
    ['barriers', { barriers: ['mobilite'], activeOn: TODAY }],
    ['barriers, any of two', { barriers: ['numerique', 'logement'], activeOn: TODAY }],
    ['thématiques', { thematiques: [thematique], activeOn: TODAY }],
    ['categories', { categories: [category], activeOn: TODAY }],
    ['a barrier and a thématique of another barrier', { barriers: [twoBarriers.barriers[0]!], thematiques: [otherThematique], activeOn: TODAY }],
    ['publics (tous-publics counts, no publics does not)', { publics: ['jeunes'], activeOn: TODAY }],
    ['publics, any of two', { publics: ['seniors', 'femmes'], activeOn: TODAY }],
    ['types', { types: ['formation', 'atelier'], activeOn: TODAY }],
    ['fees', { fees: ['gratuit'], activeOn: TODAY }],
    ['modes', { modes: ['a-distance'], activeOn: TODAY }],
    ['départements', { departements: ['15', '63'], activeOn: TODAY }],
    ['zone codes of Marmande (commune, EPCI, département, france)', { zoneCodes: m.zone, activeOn: TODAY }],
    ['zone codes of a commune no zone names', { zoneCodes: ['12300', '99999999', 'france'], activeOn: TODAY }],
    ['age 16', { age: 16, activeOn: TODAY }],
    ['age 26', { age: 26, activeOn: TODAY }],
    ['age 70', { age: 70, activeOn: TODAY }],
    ['ids, one unknown', { ids: [demoIds[0]!, demoIds[7]!, TARGETS.budget.id, 'inconnu'], activeOn: TODAY }],
    ['empty lists put no constraint', { ids: [], barriers: [], publics: [], zoneCodes: [], activeOn: TODAY }],
    ['radius only', { activeOn: TODAY }, { lat: m.lat, lon: m.lon, radiusKm: 15 }],
    [
      'reachable from Marmande (radius, remote, itinerant) and eligible',
      { zoneCodes: m.zone, activeOn: TODAY },
      { lat: m.lat, lon: m.lon, radiusKm: 30, reachable: { includeRemote: true, itinerantCommune: '47157' } },
    ],
    [
      'a 3-barrier match: barriers, publics, age, zone, reach',
      { barriers: ['mobilite', 'emploi', 'contraintes_familiales'], publics: ['jeunes'], age: 22, zoneCodes: m.zone, activeOn: TODAY },
      { lat: m.lat, lon: m.lon, radiusKm: 15, reachable: { includeRemote: true, itinerantCommune: '47157' } },
    ],
    [
      'reachable from Rodez: unplaced in the commune, itinerant, remote',
      { departements: [CONTRACT_DEPARTEMENT], activeOn: TODAY },
      { lat: place.rodez.lat, lon: place.rodez.lon, radiusKm: 5, reachable: { includeRemote: true, itinerantCommune: '12202' } },
    ],
    [
      'reachable from Rodez without remote',
      { departements: [CONTRACT_DEPARTEMENT], activeOn: TODAY },
      { lat: place.rodez.lat, lon: place.rodez.lon, radiusKm: 5, reachable: { includeRemote: false, itinerantCommune: '12202' } },
    ],
  ];
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/** [query, expected first result] — each target is named with another entry of the query's lexicon group. */
const LEXICON_CASES: [string, SearchDocument][] = [
  ['crèche', TARGETS.haltGarderie],
  ['garde d’enfants', TARGETS.haltGarderie],
  ['mode de garde', TARGETS.haltGarderie],
  ['assistante maternelle', TARGETS.haltGarderie],
  ['permis', TARGETS.autoEcole],
  ['permis de conduire', TARGETS.autoEcole],
  ['code de la route', TARGETS.autoEcole],
  ['FLE', TARGETS.fle],
  ['apprendre le français', TARGETS.fle],
  ['illettrisme', TARGETS.savoirsDeBase],
  ['remise à niveau', TARGETS.savoirsDeBase],
  ['ACI', TARGETS.chantier],
  ['atelier chantier d’insertion', TARGETS.chantier],
  ['CMP', TARGETS.santeMentale],
  ['psychologue', TARGETS.santeMentale],
  ['surendettement', TARGETS.budget],
  ['dettes', TARGETS.budget],
  ['jeunes 16-25 ans', TARGETS.missionLocale],
  ['vêtements', TARGETS.vestiaire],
  ['Pôle emploi', TARGETS.franceTravail],
  ['médiation numérique', TARGETS.epn],
  ['aide alimentaire', TARGETS.epicerie],
  ['Restos du cœur', TARGETS.epicerie],
  ['adresse postale', TARGETS.domiciliation],
  ['115', TARGETS.hebergement],
  ['sans abri', TARGETS.hebergement],
  ['PMSMP', TARGETS.immersion],
  ['période de mise en situation en milieu professionnel', TARGETS.immersion],
];

/** [query, expected first result or null for no result, why]. */
const TYPO_CASES: [string, SearchDocument | null, string][] = [
  ['jardn', TARGETS.jardin, '5 letters, one edit'],
  ['jarrdinn', null, '8 letters, two edits: one allowed'],
  ['kardin', null, '6 letters, wrong first letter counts two'],
  ['boulangeire', TARGETS.boulangerie, 'two letters swapped: one edit'],
  ['bolangeri', TARGETS.boulangerie, '9 letters, two edits'],
  ['zoulangerie', TARGETS.boulangerie, '11 letters, wrong first letter counts two'],
  ['pein', null, '4 letters: no typo tolerance'],
  ['pains', TARGETS.boulangerie, 'plural of a word of the description'],
  ['legumse', TARGETS.paniers, 'typo on a word of a name beats the same word in a description'],
  ['mariachage', TARGETS.chantier, '10 letters, one swap'],
  ['boulagn', TARGETS.boulangerie, 'the word being typed, with a swap'],
];

/**
 * [query, expected first result or null, why]: a word with a typo of a lexicon word is read as that
 * word and brings its synonyms (the targets never say the word typed); indexed words stay as typed.
 */
const LEXICON_TYPO_CASES: [string, SearchDocument | null, string][] = [
  ['illetrisme', TARGETS.savoirsDeBase, 'one edit from illettrisme ~ savoirs de base'],
  ['surendetement', TARGETS.budget, 'one edit from surendettement ~ budget'],
  ['psychologe', TARGETS.santeMentale, 'one edit from psychologue ~ santé mentale'],
  ['dettr', TARGETS.budget, '5 letters, one edit from dettes'],
  ['creches', TARGETS.haltGarderie, 'plural, no accent: crèche'],
  ['garde d’enfant', TARGETS.haltGarderie, 'singular of garde d’enfants'],
  ['garde d’enfnats', TARGETS.haltGarderie, 'a typo in a word of a lexicon phrase'],
  ['permis de condure', TARGETS.autoEcole, 'a typo in a word of permis de conduire'],
  ['permsi de conduir', TARGETS.autoEcole, 'a swap in one word, the last one still being typed'],
  ['dotta', null, '5 letters, two edits from dettes: one allowed'],
  ['paniers', TARGETS.paniers, 'one edit from papiers, but an indexed word: taken as typed'],
];

/** Text queries on the demo catalogue: both engines must return the same documents. */
const DEMO_TEXT_QUERIES = [
  'crèche', 'garde d’enfants', 'permis de conduire', 'auto-école', 'FLE', 'illettrisme', 'ACI', 'chantier d’insertion',
  'CMP', 'santé mentale', 'budget', 'surendettement', 'mobilitee', 'formaton', 'numériqe', 'logemnt', 'jeunes',
  'démarches administratives', 'épicerie solidaire', 'mission locale', 'hébergement d’urgence', 'cv', 'bénévola',
  'illetrisme', 'surendetement', 'garde d’enfnats', 'logemnt numérique',
];

(HAS_GEO ? describe : describe.skip).each(ENGINES)('SearchIndex contract — %s', (name) => {
  it('filter-only queries return exactly the documents the rules give, in the port’s order', async () => {
    for (const [label, filters, geo] of filterCases()) {
      const expected = expectedIds(documents, filters, geo);
      const got = await ids(name, { filters, ...(geo ? { geo } : {}) });
      expect(got, label).toEqual(expected);
    }
  });

  it('the filter cases are not empty, and each narrows the catalogue', async () => {
    const everything = expectedIds(documents, { activeOn: TODAY }).length;
    for (const [label, filters, geo] of filterCases()) {
      if (label.startsWith('nothing') || label.startsWith('a day after') || label.startsWith('empty')) continue;
      const n = expectedIds(documents, filters, geo).length;
      expect(n, label).toBeGreaterThan(0);
      expect(n, label).toBeLessThan(everything);
    }
  });

  it('full offers come after the others that answer as well: without text, and with a text they match alike', async () => {
    const geo: GeoConstraint = { lat: place.rodez.lat, lon: place.rodez.lon, radiusKm: 30, reachable: { includeRemote: true, itinerantCommune: '12202' } };
    const filters: SearchFilters = { departements: [CONTRACT_DEPARTEMENT], activeOn: TODAY };
    const pair = [FULL.fartherWithPlaces.id, FULL.nearButFull.id];
    // Without text, the full one is nearer but comes after every offer that can still take someone.
    const all = await ids(name, { filters, geo });
    expect(all.filter((id) => pair.includes(id))).toEqual(pair);
    expect(all.at(-1)).toBe(FULL.nearButFull.id);
    // With a text both match the same way, the one with places comes first, though farther.
    expect((await ids(name, { q: 'garage roue libre', filters, geo })).slice(0, 2)).toEqual(pair);
    expect((await ids(name, { q: 'garage roue libre', filters })).slice(0, 2)).toEqual(pair);
  });

  it('overdue offers come after the up-to-date ones that answer as well and before full ones: without text, and with a text', async () => {
    const geo: GeoConstraint = { lat: place.rodez.lat, lon: place.rodez.lon, radiusKm: 30, reachable: { includeRemote: true, itinerantCommune: '12202' } };
    const filters: SearchFilters = { departements: [CONTRACT_DEPARTEMENT], activeOn: TODAY };
    const pair = [OVERDUE.fartherUpToDate.id, OVERDUE.nearButOverdue.id];
    // Without text, the overdue one is nearer but comes after every up-to-date offer, and before the full ones.
    const all = await ids(name, { filters, geo });
    expect(all.filter((id) => pair.includes(id))).toEqual(pair);
    const tiers = all.map((id) => documents.find((d) => d.id === id)!).map((d) => (d.full ? 2 : d.overdue ? 1 : 0));
    expect(tiers).toEqual([...tiers].sort());
    expect(tiers).toContain(1);
    expect(all.indexOf(OVERDUE.nearButOverdue.id)).toBeLessThan(all.indexOf(FULL.nearButFull.id));
    expect((await ids(name, { filters })).filter((id) => pair.includes(id))).toEqual(pair);
    // With a text both match the same way, the up-to-date one comes first, though farther.
    expect((await ids(name, { q: 'recyclerie copeaux', filters, geo })).slice(0, 2)).toEqual(pair);
    expect((await ids(name, { q: 'recyclerie copeaux', filters })).slice(0, 2)).toEqual(pair);
  });

  it('reach from a commune: unplaced there, itinerant through it, remote — not unplaced elsewhere or far on site', async () => {
    const geo: GeoConstraint = { lat: place.rodez.lat, lon: place.rodez.lon, radiusKm: 5, reachable: { includeRemote: true, itinerantCommune: '12202' } };
    const got = new Set(await ids(name, { filters: { departements: [CONTRACT_DEPARTEMENT], activeOn: TODAY }, geo }));
    for (const d of [REACH.unplacedInRodez, REACH.itinerantThroughRodez, REACH.remote, REACH.remoteUnplaced, TARGETS.budget]) expect(got.has(d.id), d.name).toBe(true);
    for (const d of [REACH.unplacedElsewhere, REACH.farOnSite, REACH.suspended]) expect(got.has(d.id), d.name).toBe(false);
  });

  it('indexing and searching leak no abort listeners (MaxListenersExceededWarning)', async () => {
    for (let i = 0; i < 30; i++) await engine(name).search({ q: 'permis', filters: { activeOn: TODAY } });
    await engine(name).reindex(documents);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
  });

  it('a suspension ends after its last day', async () => {
    const onDay = await ids(name, { filters: { ids: [REACH.suspended.id], activeOn: '2026-06-16' } });
    const dayAfter = await ids(name, { filters: { ids: [REACH.suspended.id], activeOn: '2026-06-17' } });
    expect(onDay).toEqual([]);
    expect(dayAfter).toEqual([REACH.suspended.id]);
  });

  it.each(LEXICON_CASES)('lexicon: « %s » finds its synonym first', async (q, target) => {
    const r = await engine(name).search(inFixture(q));
    expect(r.hits[0]?.document.name).toBe(target.name);
  });

  it.each(TYPO_CASES.map(([q, target, why]) => [q, target?.name ?? 'rien', why, target] as const))('typo: « %s » → %s (%s)', async (q, _name, _why, target) => {
    const r = await engine(name).search(inFixture(q));
    expect(r.hits[0]?.document.name ?? null).toBe(target?.name ?? null);
  });

  it.each(LEXICON_TYPO_CASES.map(([q, target, why]) => [q, target?.name ?? 'rien', why, target] as const))(
    'lexicon with a typo: « %s » → %s (%s)',
    async (q, _name, _why, target) => {
      const r = await engine(name).search(inFixture(q));
      expect(r.hits[0]?.document.name ?? null).toBe(target?.name ?? null);
    },
  );

  it('facet counts are the counts of what matched, per field', async () => {
    for (const [label, filters, geo] of filterCases().slice(0, 14)) {
      const r = await engine(name).search({ filters, ...(geo ? { geo } : {}), facets: FACET_FIELDS, limit: 0 });
      const matched = documents.filter((d) => expectedIds(documents, filters, geo).includes(d.id));
      expect(r.facets, label).toEqual(expectedFacets(matched, FACET_FIELDS));
      expect(r.total, label).toBe(matched.length);
    }
  });

  it('pages are stable: they never overlap and together make the whole list', async () => {
    const m = place.marmande;
    const queries: SearchQuery[] = [
      { filters: { departements: ['47'], activeOn: TODAY } },
      { filters: { activeOn: TODAY }, geo: { lat: m.lat, lon: m.lon, radiusKm: 40, reachable: { includeRemote: true } } },
      { q: 'accompagnement', filters: { activeOn: TODAY } },
    ];
    for (const query of queries) {
      const whole = await engine(name).search({ ...query, limit: ALL });
      const pages: string[] = [];
      for (let offset = 0; offset < whole.total; offset += 7) {
        const page = await engine(name).search({ ...query, offset, limit: 7 });
        expect(page.total).toBe(whole.total);
        pages.push(...page.hits.map((h) => h.id));
      }
      expect(pages).toEqual(whole.hits.map((h) => h.id));
      expect(new Set(pages).size).toBe(pages.length);
    }
  });
});

describe.skipIf(!meiliBinary || !HAS_GEO)('both engines agree', () => {
  it.each(DEMO_TEXT_QUERIES)('« %s » finds the same documents on the demo catalogue', async (q) => {
    const query: SearchQuery = { q, filters: { activeOn: TODAY } };
    const [a, b] = await Promise.all([ids('sqlite', query), ids('meilisearch', query)]);
    expect(a.length).toBeGreaterThan(0);
    expect(new Set(b)).toEqual(new Set(a));
  });

  it('the same facet counts for text, filter and place together', async () => {
    const m = place.marmande;
    const query: SearchQuery = {
      q: 'accompagnement emploi',
      filters: { zoneCodes: m.zone, activeOn: TODAY },
      geo: { lat: m.lat, lon: m.lon, radiusKm: 30, reachable: { includeRemote: true, itinerantCommune: '47157' } },
      facets: FACET_FIELDS,
      limit: 0,
    };
    const [a, b] = await Promise.all([engine('sqlite').search(query), engine('meilisearch').search(query)]);
    expect(a.total).toBeGreaterThan(0);
    expect(b.total).toBe(a.total);
    expect(b.facets).toEqual(a.facets);
  });
});

describe.skipIf(!meiliBinary)('Meilisearch alone', () => {
  it('an index deleted behind the engine’s back is recreated: searches answer, writes land', async () => {
    const uid = 'vanishing';
    const index = createMeilisearchIndex({ url: server!.url, apiKey: server!.key, indexUid: uid, fetch: nodeHttpFetch() });
    const [first, second] = documents;
    await index.upsert([first!]);
    expect((await index.search({})).total).toBe(1);
    await new Meilisearch({ host: server!.url, apiKey: server!.key }).index(uid).delete().waitTask();
    expect((await index.search({})).total).toBe(0);
    await index.upsert([second!]);
    expect((await index.search({})).hits.map((h) => h.id)).toEqual([second!.id]);
  });
});
