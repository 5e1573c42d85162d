/** The public read API of the catalogue: GET /api/offers, /api/offers/:id, /api/structures, /api/health, /api/referentials. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';

type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof createTestApp>>;
const ids: Record<string, string> = {};
const now = new Date('2026-06-15T10:00:00Z');

async function get(path: string): Promise<{ status: number; type: string | null; body: Json }> {
  const r = await t.app.request(path);
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as Json };
}
const sourceIds = (body: Json) => (body.items as Json[]).map((o) => o.source_id).sort();

beforeAll(async () => {
  t = await createTestApp({ territories: true });
  const db = t.db;
  const marmande = await upsertStructureBySource(db, aStructure({ source_id: 's-marmande', name: 'Garage solidaire du Val de Garonne' }), now);
  const agen = await upsertStructureBySource(
    db,
    aStructure({ source_id: 's-agen', name: 'Centre social de Agen', commune_code: '47001', commune_name: 'Agen', postal_code: '47000' }),
    now,
  );
  const pending = await upsertStructureBySource(db, aStructure({ source_id: 's-pending', name: 'Structure en attente', status: 'pending' }), now);
  const aurillac = await upsertStructureBySource(
    db,
    aStructure({ source_id: 's-aurillac', name: 'PLIE de la CABA', commune_code: '15014', commune_name: 'Aurillac', postal_code: '15000' }),
    now,
  );
  ids.marmande = marmande;
  const offers = [
    anOffer(marmande, { source_id: 'o-dept', name: 'Location de scooters', zone: ['47'], thematiques: ['mobilite--acceder-a-un-vehicule'] }),
    anOffer(marmande, { source_id: 'o-epci', name: 'Permis accompagné', zone: ['200030674'], thematiques: ['mobilite--preparer-un-permis'], type: 'formation' }),
    anOffer(marmande, {
      source_id: 'o-commune',
      name: 'Crèche AVIP de Marmande',
      zone: ['47157'],
      thematiques: ['famille--garde-denfants'],
      publics: ['familles', 'beneficiaires-des-minimas-sociaux'],
      contact_public: false,
      contact_name: 'Mme Directrice',
      email: 'creche@exemple.example',
    }),
    anOffer(agen, { source_id: 'o-agen', name: 'Atelier numérique', zone: ['47001'], thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'], type: 'atelier' }),
    anOffer(agen, { source_id: 'o-france', name: 'Écoute santé à distance', zone: ['france'], thematiques: ['sante--acces-aux-soins'], modes_accueil: ['a-distance'], publics: ['jeunes'] }),
    anOffer(agen, { source_id: 'o-nozone', name: 'Aide alimentaire', zone: null, thematiques: ['equipement-et-alimentation--alimentation'], type: 'aide-materielle' }),
    anOffer(agen, { source_id: 'o-draft', name: 'Brouillon', status: 'draft' }),
    anOffer(agen, { source_id: 'o-suspended', name: 'Suspendue', status: 'suspended', suspended_until: '2026-07-01' }),
    anOffer(pending, { source_id: 'o-pending', name: 'Offre d’une structure en attente' }),
    anOffer(aurillac, {
      source_id: 'o-cantal',
      name: 'Accompagnement PLIE',
      zone: ['241500230'],
      thematiques: ['trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs'],
      commune_code: '15014',
      updated_on: '2025-01-10',
      confirmed_at: '2025-01-10T00:00:00.000Z',
      update_frequency_months: 3,
      sessions: [{ label: 'Session de rentrée', starts_on: '2026-09-01', ends_on: '2026-12-15', capacity: 12, places_available: 4 }],
    }),
  ];
  for (const o of offers) ids[o.source_id] = await upsertOfferBySource(db, o, now);
});

afterAll(() => t?.close());

describe('GET /api/offers', () => {
  it('lists only published offers of validated structures, each with id, source and source_id', async () => {
    const { status, body } = await get('/api/offers?size=100');
    expect(status).toBe(200);
    expect(sourceIds(body)).toEqual(['o-agen', 'o-cantal', 'o-commune', 'o-dept', 'o-epci', 'o-france', 'o-nozone']);
    expect(body.total).toBe(7);
    for (const o of body.items as Json[]) {
      expect(o.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(o.source).toBe('test');
      expect(o.structure.name).toBeTypeOf('string');
    }
  });

  it('keeps, for a commune, the offers whose zone covers it: commune, EPCI, département, france or no zone', async () => {
    expect(sourceIds((await get('/api/offers?commune=47157')).body)).toEqual(['o-commune', 'o-dept', 'o-epci', 'o-france', 'o-nozone']);
    // Agen is in the département but not in Val de Garonne Agglomération nor Marmande.
    expect(sourceIds((await get('/api/offers?commune=47001')).body)).toEqual(['o-agen', 'o-dept', 'o-france', 'o-nozone']);
    expect(sourceIds((await get('/api/offers?commune=15014')).body)).toEqual(['o-cantal', 'o-france', 'o-nozone']);
  });

  it('filters by département, barrier (every thématique of its categories), thématique, public and type', async () => {
    expect(sourceIds((await get('/api/offers?dept=15')).body)).toEqual(['o-cantal']);
    expect(sourceIds((await get('/api/offers?barrier=mobilite')).body)).toEqual(['o-dept', 'o-epci']);
    expect(sourceIds((await get('/api/offers?barrier=difficulte_financiere')).body)).toEqual(['o-nozone']);
    expect(sourceIds((await get('/api/offers?barrier=contraintes_familiales,sante')).body)).toEqual(['o-commune', 'o-france']);
    expect(sourceIds((await get('/api/offers?thematique=mobilite--preparer-un-permis')).body)).toEqual(['o-epci']);
    // "familles" matches offers for families and offers for everyone, not those for young people only.
    const familles = sourceIds((await get('/api/offers?public=familles')).body);
    expect(familles).toContain('o-commune');
    expect(familles).toContain('o-dept');
    expect(familles).not.toContain('o-france');
    expect(sourceIds((await get('/api/offers?type=formation')).body)).toEqual(['o-epci']);
  });

  it('paginates with a stable order and reports the total', async () => {
    const first = await get('/api/offers?size=3&page=1');
    const second = await get('/api/offers?size=3&page=2');
    const third = await get('/api/offers?size=3&page=3');
    expect(first.body.total).toBe(7);
    const all = [...first.body.items, ...second.body.items, ...third.body.items].map((o: Json) => o.id);
    expect(new Set(all).size).toBe(7);
  });

  it('refuses bad parameters with a French problem+json naming each field', async () => {
    const r = await get('/api/offers?barrier=voiture&size=500&commune=123');
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    const paths = (r.body.errors as Json[]).map((e) => e.path).sort();
    expect(paths).toEqual(['barrier.0', 'commune', 'size']);
    expect(r.body.title).toBe('Paramètres invalides');
    const unknown = await get('/api/offers?commune=99999');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ status: 400, detail: 'Corrigez les champs signalés puis réessayez.', errors: [{ path: 'commune', message: 'Commune inconnue : 99999' }] });
  });
});

describe('GET /api/offers/:id', () => {
  it('returns a published offer with its structure and sessions, and flags an overdue one', async () => {
    const { status, body } = await get(`/api/offers/${ids['o-cantal']}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ source: 'test', source_id: 'o-cantal', name: 'Accompagnement PLIE', overdue: true });
    expect(body.structure).toMatchObject({ name: 'PLIE de la CABA', commune_code: '15014' });
    expect(body.sessions).toEqual([expect.objectContaining({ starts_on: '2026-09-01', places_available: 4, capacity: 12 })]);
    expect((await get(`/api/offers/${ids['o-dept']}`)).body.overdue).toBe(false);
  });

  it('hides contacts reserved to professionals from anonymous readers', async () => {
    const { body } = await get(`/api/offers/${ids['o-commune']}`);
    expect(body.contact_restricted).toBe(true);
    expect(body.email).toBeNull();
    expect(body.contact_name).toBeNull();
    expect(body.phone).toBeNull();
  });

  it('does not show drafts, suspended offers or offers of unvalidated structures', async () => {
    for (const key of ['o-draft', 'o-suspended', 'o-pending']) {
      const r = await get(`/api/offers/${ids[key]}`);
      expect(r.status).toBe(404);
      expect(r.type).toContain('application/problem+json');
    }
  });
});

describe('GET /api/structures', () => {
  it('lists validated structures only, filterable by département', async () => {
    const all = await get('/api/structures');
    expect((all.body.items as Json[]).map((s) => s.name)).not.toContain('Structure en attente');
    expect(all.body.total).toBe(3);
    const cantal = await get('/api/structures?dept=15');
    expect((cantal.body.items as Json[]).map((s) => s.name)).toEqual(['PLIE de la CABA']);
  });

  it('returns a structure with its published offers only', async () => {
    const { status, body } = await get(`/api/structures/${ids.marmande}`);
    expect(status).toBe(200);
    expect(body.name).toBe('Garage solidaire du Val de Garonne');
    expect((body.offers as Json[]).map((o) => o.source_id).sort()).toEqual(['o-commune', 'o-dept', 'o-epci']);
    expect((await get('/api/structures/unknown')).status).toBe(404);
  });
});

describe('GET /api/health and /api/referentials', () => {
  it('reports the database, the runtime and the counts', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: 'ok', runtime: 'node', offers: 10 });
    expect(body.communes).toBeGreaterThan(34000);
  });

  it('serves the referentials with French labels', async () => {
    const { body } = await get('/api/referentials');
    expect(body.barriers).toHaveLength(11);
    expect(body.situations).toHaveLength(88);
    expect(body.thematiques).toHaveLength(69);
    expect(body.barriers.find((b: Json) => b.key === 'mobilite').label).toBe('Mobilité');
  });

  it('answers unknown routes with a French problem+json', async () => {
    const r = await get('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.type).toContain('application/problem+json');
  });
});
