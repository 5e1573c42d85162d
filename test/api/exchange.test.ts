/**
 * data·inclusion v1 exchange: import (all or nothing, upsert by (source, id)), lossless export,
 * GET /api/exchange/data-inclusion, and the import:di command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { createTestApp } from '../helpers/app.ts';
import { exportDataInclusion, importDataInclusion } from '../../api/db/exchange.ts';
import { upsertOfferBySource, getOffer } from '../../api/db/offers.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { dataInclusionSchemas, DI_SERVICE_FIELDS, DI_STRUCTURE_FIELDS } from '../../api/domain/di/schema.ts';
import { openSqlite } from '../../api/db/sqlite.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';

type Json = Record<string, any>;
const root = new URL('../..', import.meta.url).pathname;
const fixturePath = (name: string) => join(root, 'test/fixtures/data-inclusion', name);
const fixture = (name: string): Json => JSON.parse(readFileSync(fixturePath(name), 'utf8'));
const now = new Date('2025-06-15T10:00:00Z');

/** Every schema field of every record (absent = null), sorted by (source, id): what must survive a round trip. */
function comparable(records: readonly Json[], fields: readonly string[]): Json[] {
  return records
    .map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])))
    .sort((a, b) => `${a.source}\u0000${a.id}`.localeCompare(`${b.source}\u0000${b.id}`));
}
const comparableFile = (file: Json) => ({
  structures: comparable(file.structures, DI_STRUCTURE_FIELDS),
  services: comparable(file.services, DI_SERVICE_FIELDS),
});

async function rowCounts(db: Kysely<Database>) {
  const count = async (table: 'structures' | 'offers' | 'offer_sessions') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { structures: await count('structures'), offers: await count('offers'), sessions: await count('offer_sessions') };
}

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

describe('importDataInclusion', () => {
  it('imports a file into an empty database and the offers are listed at once', async () => {
    expect(await rowCounts(t.db)).toEqual({ structures: 0, offers: 0, sessions: 0 });
    const report = await importDataInclusion(t.db, fixture('valid.json'), { now });
    expect(report).toEqual({ structures: { created: 4, updated: 0 }, services: { created: 5, updated: 0 }, invalid: [], warnings: [] });

    const r = await t.app.request('/api/offers?size=100');
    expect(r.status).toBe(200);
    const body = (await r.json()) as Json;
    expect(body.total).toBe(5);
    expect((body.items as Json[]).map((o) => o.source_id).sort()).toEqual(
      ['cd15--accompagnement-plie', 'dora--asem-maraichage', 'dora--ccas-domiciliation', 'dora--conseil-mobilite-distance', 'dora--permis-solidaire'],
    );
  });

  it('gives imported records our defaults: validated, published, public contacts, 6 months, confirmed at date_maj', async () => {
    await importDataInclusion(t.db, fixture('valid.json'), { now });
    const structure = await t.db.selectFrom('structures').selectAll().where('source_id', '=', 'dora--asem-marmande').executeTakeFirstOrThrow();
    expect(structure).toMatchObject({ source: 'dora', status: 'validated', updated_on: '2025-03-14', confirmed_at: '2025-03-14', departement_code: '47' });
    const row = await t.db.selectFrom('offers').select('id').where('source_id', '=', 'dora--permis-solidaire').executeTakeFirstOrThrow();
    const offer = (await getOffer(t.db, row.id))!;
    expect(offer).toMatchObject({
      structure_id: (await t.db.selectFrom('structures').select('id').where('source_id', '=', 'dora--mobilite-val-de-garonne').executeTakeFirstOrThrow()).id,
      status: 'published',
      contact_public: true,
      update_frequency_months: 6,
      updated_on: '2025-05-20',
      confirmed_at: '2025-05-20',
      weekly_hours: 17.5,
      weeks: 12,
      zone: ['47'],
      // No place of its own: the offer belongs to its structure's département.
      departement_code: '47',
    });
  });

  it('exports back exactly what was imported, for every schema field', async () => {
    const input = fixture('valid.json');
    await importDataInclusion(t.db, input, { now });
    const output = await exportDataInclusion(t.db, { now });
    expect(comparableFile(output)).toEqual(comparableFile(input));
    // null and [] are kept apart, strings (phones) and numbers untouched.
    const ccas = output.structures.find((s) => s.id === 'dora--ccas-villeneuve')!;
    expect(ccas.reseaux_porteurs).toEqual([]);
    expect(ccas.description).toBeNull();
    expect(output.services.find((s) => s.id === 'dora--asem-maraichage')!.telephone).toBe('05 53 64 12 35');
    expect(output.services.find((s) => s.id === 'dora--conseil-mobilite-distance')!.volume_horaire_hebdomadaire).toBe(0);
    // Emitted as a complete, valid v1 file.
    expect(dataInclusionSchemas(now).file.safeParse(JSON.parse(JSON.stringify(output))).success).toBe(true);
    for (const s of output.services) expect(Object.keys(s).sort()).toEqual([...DI_SERVICE_FIELDS].sort());
  });

  it('re-imports by (source, id): updates applied, no duplicates, our own fields kept', async () => {
    const first = fixture('valid.json');
    await importDataInclusion(t.db, first, { now });
    // Decisions taken here between two imports.
    const permis = await t.db.selectFrom('offers').selectAll().where('source_id', '=', 'dora--permis-solidaire').executeTakeFirstOrThrow();
    const local = (await getOffer(t.db, permis.id))!;
    await upsertOfferBySource(
      t.db,
      { ...local, capacity: 8, places_available: 3, sessions: [{ label: 'Session de rentrée', starts_on: '2025-09-01', ends_on: null, capacity: 8, places_available: 3 }] },
      now,
    );

    const second = fixture('valid.json');
    second.structures[0].telephone = '05 53 64 99 99';
    second.structures[0].date_maj = '2025-06-01';
    const permisIn = second.services.find((s: Json) => s.id === 'dora--permis-solidaire');
    permisIn.frais_precisions = 'Participation de 2 € par heure de conduite.';
    permisIn.nombre_semaines = 16;
    permisIn.thematiques = null;
    second.services.push({
      source: 'dora',
      structure_id: 'dora--ccas-villeneuve',
      id: 'dora--ccas-aide-facultative',
      nom: 'Aide facultative d’urgence',
      description: 'Secours financier ponctuel attribué après évaluation sociale.',
      date_maj: '2025-06-10',
      type: 'aide-financiere',
      publics: ['familles'],
    });
    const report = await importDataInclusion(t.db, second, { now });
    expect(report.structures).toEqual({ created: 0, updated: 4 });
    expect(report.services).toEqual({ created: 1, updated: 5 });
    expect(await rowCounts(t.db)).toEqual({ structures: 4, offers: 6, sessions: 1 });

    expect(comparableFile(await exportDataInclusion(t.db, { now }))).toEqual(comparableFile(second));
    const after = (await getOffer(t.db, permis.id))!;
    expect(after).toMatchObject({ capacity: 8, places_available: 3, thematiques: null, weeks: 16 });
    expect(after.sessions.map((s) => s.label)).toEqual(['Session de rentrée']);
  });

  it('writes nothing when the file has an invalid record, and lists every error', async () => {
    await importDataInclusion(t.db, fixture('valid.json'), { now });
    const before = await rowCounts(t.db);
    const report = await importDataInclusion(t.db, fixture('invalid.json'), { now });
    expect(report.structures).toEqual({ created: 0, updated: 0 });
    expect(report.services).toEqual({ created: 0, updated: 0 });
    expect(report.invalid.map((e) => e.path)).toEqual([
      'structures[1].date_maj',
      'structures[1].siret',
      'structures[2].nom',
      'services[1].publics',
      'services[2].structure_id',
      'services[3].zone_eligibilite[0]',
      'services[4].structure_id',
    ]);
    expect(report.invalid.find((e) => e.path === 'services[3].zone_eligibilite[0]')!.message).toMatch(/^code de zone invalide « 4700 »/);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('with skipInvalid, writes only the valid records', async () => {
    const report = await importDataInclusion(t.db, fixture('invalid.json'), { now, skipInvalid: true });
    expect(report.structures).toEqual({ created: 1, updated: 0 });
    expect(report.services).toEqual({ created: 2, updated: 0 });
    expect(report.invalid).toHaveLength(7);
    const output = await exportDataInclusion(t.db, { now });
    expect(output.structures.map((s) => s.id)).toEqual(['dora--epicerie-agenais']);
    expect(output.services.map((s) => s.id).sort()).toEqual(['dora--epicerie-courses', 'dora--epicerie-vestiaire']);
  });

  it('with dryRun, counts without writing', async () => {
    const report = await importDataInclusion(t.db, fixture('valid.json'), { now, dryRun: true });
    expect(report.structures).toEqual({ created: 4, updated: 0 });
    expect(report.services).toEqual({ created: 5, updated: 0 });
    expect(await rowCounts(t.db)).toEqual({ structures: 0, offers: 0, sessions: 0 });
  });

  it('attaches a service to a structure already in the database', async () => {
    await importDataInclusion(t.db, fixture('valid.json'), { now });
    const file = {
      services: [
        {
          source: 'dora',
          structure_id: 'dora--ccas-villeneuve',
          id: 'dora--ccas-epicerie',
          nom: 'Bons alimentaires',
          description: 'Bons d’achat alimentaires remis après entretien avec un travailleur social.',
          date_maj: '2025-06-01',
        },
      ],
    };
    const report = await importDataInclusion(t.db, file, { now });
    expect(report).toMatchObject({ invalid: [], services: { created: 1, updated: 0 } });
    const unknown = await importDataInclusion(t.db, { services: [{ ...file.services[0], id: 'x', structure_id: 'dora--absente' }] }, { now });
    expect(unknown.invalid).toEqual([{ path: 'services[0].structure_id', message: expect.stringMatching(/structure inconnue « dora--absente »/) }]);
  });
});

describe('exportDataInclusion of our own records', () => {
  it('exports published offers of validated structures with their source_id, hides professionals-only contacts, leaves out what d·i refuses', async () => {
    const own = await upsertStructureBySource(
      t.db,
      aStructure({ source: 'offre-insertion', source_id: 'oi-aci-marmande', typology: 'aci', reseaux_porteurs: null, updated_on: '2025-05-01' }),
      now,
    );
    const pending = await upsertStructureBySource(t.db, aStructure({ source: 'offre-insertion', source_id: 'oi-pending', status: 'pending', updated_on: '2025-05-01' }), now);
    const base = { source: 'offre-insertion', updated_on: '2025-05-01', confirmed_at: '2025-05-01T08:00:00.000Z' };
    await upsertOfferBySource(t.db, anOffer(own, { ...base, source_id: 'oi-published', publics: [], zone: [] }), now);
    await upsertOfferBySource(
      t.db,
      anOffer(own, { ...base, source_id: 'oi-pro-contact', contact_public: false, contact_name: 'M. Référent', email: 'referent@aci.example' }),
      now,
    );
    await upsertOfferBySource(t.db, anOffer(own, { ...base, source_id: 'oi-draft', status: 'draft' }), now);
    await upsertOfferBySource(t.db, anOffer(pending, { ...base, source_id: 'oi-of-pending' }), now);
    await upsertOfferBySource(t.db, anOffer(own, { ...base, source_id: 'oi-short', description: 'Bof' }), now);

    const skipped: string[] = [];
    const output = await exportDataInclusion(t.db, { now, onSkipped: (s) => skipped.push(`${s.collection}:${s.id}:${s.errors[0]!.path}`) });
    expect(output.structures.map((s) => [s.source, s.id, s.reseaux_porteurs])).toEqual([['offre-insertion', 'oi-aci-marmande', ['aci']]]);
    expect(output.services.map((s) => s.id)).toEqual(['oi-pro-contact', 'oi-published']);
    const published = output.services.find((s) => s.id === 'oi-published')!;
    expect(published).toMatchObject({ source: 'offre-insertion', structure_id: 'oi-aci-marmande', date_maj: '2025-05-01', publics: null, zone_eligibilite: null });
    expect(output.services.find((s) => s.id === 'oi-pro-contact')).toMatchObject({ contact_nom_prenom: null, courriel: null, telephone: null });
    expect(skipped).toEqual(['services:oi-short:description']);
  });
});

describe('GET /api/exchange/data-inclusion', () => {
  beforeEach(async () => {
    await importDataInclusion(t.db, fixture('valid.json'), { now });
  });

  it('returns only the département asked for, as a download', async () => {
    const r = await t.app.request('/api/exchange/data-inclusion?dept=47');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="data-inclusion-47-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await r.json()) as Json;
    expect((body.structures as Json[]).map((s) => s.id).sort()).toEqual(['dora--asem-marmande', 'dora--ccas-villeneuve', 'dora--mobilite-val-de-garonne']);
    expect((body.services as Json[]).map((s) => s.id).sort()).toEqual([
      'dora--asem-maraichage',
      'dora--ccas-domiciliation',
      'dora--conseil-mobilite-distance',
      'dora--permis-solidaire',
    ]);

    const cantal = (await (await t.app.request('/api/exchange/data-inclusion?dept=15')).json()) as Json;
    expect(comparableFile(cantal)).toEqual(
      comparableFile({ structures: fixture('valid.json').structures.filter((s: Json) => s.source === 'cd15'), services: fixture('valid.json').services.filter((s: Json) => s.source === 'cd15') }),
    );
  });

  it('returns the whole catalogue without dept', async () => {
    const r = await t.app.request('/api/exchange/data-inclusion');
    expect(r.headers.get('content-disposition')).toMatch(/filename="data-inclusion-france-\d{4}-\d{2}-\d{2}\.json"/);
    expect(comparableFile((await r.json()) as Json)).toEqual(comparableFile(fixture('valid.json')));
  });

  it('refuses a bad dept with a problem+json', async () => {
    for (const dept of ['4', '470', 'Lot-et-Garonne']) {
      const r = await t.app.request(`/api/exchange/data-inclusion?dept=${encodeURIComponent(dept)}`);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await r.json()) as Json;
      expect(body.errors).toEqual([{ path: 'dept', message: expect.stringMatching(/département/) }]);
    }
  });
});

describe('npm run cli -- import:di', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-di-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function cli(...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: join(dir, 'cli.sqlite'), NO_COLOR: '1' };
    delete env.DEMO;
    const r = spawnSync('npx', ['tsx', 'seed/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: `${r.stdout}\n${r.stderr}`.split('\n') };
  }

  async function counts() {
    const { db } = openSqlite(join(dir, 'cli.sqlite'));
    try {
      return await rowCounts(db);
    } finally {
      await db.destroy();
    }
  }

  it('refuses an invalid file: one French line per error with its path, exit 1, nothing written', async () => {
    const r = cli('import:di', fixturePath('invalid.json'));
    expect(r.status).toBe(1);
    expect(r.lines).toContainEqual(expect.stringMatching(/^services\[3\]\.zone_eligibilite\[0\] : code de zone invalide « 4700 »/));
    expect(r.lines).toContainEqual(expect.stringMatching(/^structures\[1\]\.date_maj : .*2000/));
    expect(r.lines).toContainEqual(expect.stringMatching(/^services\[4\]\.structure_id : structure inconnue « dora--structure-inconnue »/));
    expect(r.stderr).toMatch(/rien n’a été écrit/);
    expect(await counts()).toEqual({ structures: 0, offers: 0, sessions: 0 });
  }, 90_000);

  it('imports a valid file (exit 0, counts), then updates it on a second run', async () => {
    const first = cli('import:di', fixturePath('valid.json'));
    expect(first.status, first.stderr).toBe(0);
    expect(first.lines).toContain('Structures : 4 créée(s), 0 mise(s) à jour.');
    expect(first.lines).toContain('Services : 5 créé(s), 0 mis à jour.');
    const second = cli('import:di', fixturePath('valid.json'));
    expect(second.status).toBe(0);
    expect(second.lines).toContain('Services : 0 créé(s), 5 mis à jour.');
    expect(await counts()).toEqual({ structures: 4, offers: 5, sessions: 0 });
  }, 90_000);

  it('with --skip-invalid, imports the valid records and exits 0', async () => {
    const r = cli('import:di', fixturePath('invalid.json'), '--skip-invalid');
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines).toContain('Structures : 1 créée(s), 0 mise(s) à jour.');
    expect(r.lines).toContain('Services : 2 créé(s), 0 mis à jour.');
    expect(r.lines).toContain('Enregistrements invalides ignorés : 6.');
  }, 90_000);

  it('says clearly when the file cannot be read or is not JSON', () => {
    const missing = cli('import:di', join(dir, 'absent.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Impossible de lire le fichier .*absent\.json.* : fichier introuvable/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "structures": [ ');
    const notJson = cli('import:di', bad);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/n’est pas un JSON valide/);
  }, 90_000);
});

describe('importDataInclusion with the territories loaded', () => {
  it('refuses zone codes naming no commune, EPCI or département, one error per code, and writes nothing', async () => {
    const withTerritories = await createTestApp({ territories: true });
    try {
      const file = fixture('valid.json');
      const services = file.services as Json[];
      const maraichage = services.findIndex((s) => s.id === 'dora--asem-maraichage');
      const plie = services.findIndex((s) => s.id === 'cd15--accompagnement-plie');
      services[maraichage]!.zone_eligibilite = ['200030674', '99999'];
      services[plie]!.zone_eligibilite = ['999999999', '15', '9Z'];
      const refused = await importDataInclusion(withTerritories.db, file, { now });
      expect(refused.invalid).toEqual([
        { path: `services[${maraichage}].zone_eligibilite[1]`, message: 'commune inconnue : 99999' },
        { path: `services[${plie}].zone_eligibilite[0]`, message: 'intercommunalité (EPCI) inconnue : 999999999' },
        { path: `services[${plie}].zone_eligibilite[2]`, message: 'département inconnu : 9Z' },
      ]);
      expect(await rowCounts(withTerritories.db)).toEqual({ structures: 0, offers: 0, sessions: 0 });

      // The other records go in with skipInvalid; the real codes of the file are all known.
      const skipped = await importDataInclusion(withTerritories.db, file, { now, skipInvalid: true });
      expect(skipped.services).toEqual({ created: 3, updated: 0 });
      expect((await importDataInclusion(withTerritories.db, fixture('valid.json'), { now })).invalid).toEqual([]);
    } finally {
      await withTerritories.close();
    }
  });
});
