/** data·inclusion v1 validation: the JSON Schema rules, the pydantic-only rules and the checks across records. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDataInclusionFile, type DiError } from '../../api/domain/di/validate.ts';
import { dataInclusionSchemas, DI_SERVICE_FIELDS, DI_STRUCTURE_FIELDS, frenchToday } from '../../api/domain/di/schema.ts';

type Json = Record<string, any>;
const now = new Date('2025-06-15T10:00:00Z');
const fixture = (name: string): Json => JSON.parse(readFileSync(new URL(`../fixtures/data-inclusion/${name}`, import.meta.url), 'utf8'));

const structure = (overrides: Json = {}): Json => ({
  source: 'dora',
  id: 'dora--centre-social-agen',
  nom: 'Centre social du Pin',
  date_maj: '2025-04-01',
  code_insee: '47001',
  ...overrides,
});
const service = (overrides: Json = {}): Json => ({
  source: 'dora',
  structure_id: 'dora--centre-social-agen',
  id: 'dora--atelier-numerique',
  nom: 'Atelier numérique',
  description: 'Apprendre à utiliser sa messagerie et les sites des administrations.',
  date_maj: '2025-04-01',
  ...overrides,
});

/** Errors of a file made of one structure and the given service (or the given structure and no service). */
function serviceErrors(overrides: Json): DiError[] {
  return validateDataInclusionFile({ structures: [structure()], services: [service(overrides)] }, now).errors;
}
function structureErrors(overrides: Json): DiError[] {
  return validateDataInclusionFile({ structures: [structure(overrides)], services: [] }, now).errors;
}

/** French: accented words or French vocabulary, never zod's English defaults. */
const FRENCH = /[éèêàùçô«]|invalide|attendu|caractères|inconnu|doit|double|champ/i;
/** zod's stock French (« Trop petit : tableau doit avoir >=1 éléments »): plainer messages replace it. */
const ZOD_STOCK = /Trop (petit|grand)|Entrée invalide|Option invalide|[<>]=/;
function expectOneError(errors: DiError[], path: string, message?: RegExp | string) {
  expect(errors.map((e) => e.path)).toEqual([path]);
  expect(errors[0]!.message).toMatch(FRENCH);
  expect(errors[0]!.message).not.toMatch(ZOD_STOCK);
  if (typeof message === 'string') expect(errors[0]!.message).toBe(message);
  else if (message) expect(errors[0]!.message).toMatch(message);
}

describe('data·inclusion v1 validation — valid vectors', () => {
  it('accepts the hand-written fixture file', () => {
    const result = validateDataInclusionFile(fixture('valid.json'), now);
    expect(result.errors).toEqual([]);
    expect(result.structures).toHaveLength(4);
    expect(result.services).toHaveLength(5);
  });

  it('accepts minimal records and fills absent optional fields with null', () => {
    const result = validateDataInclusionFile({ structures: [structure()], services: [service()] }, now);
    expect(result.errors).toEqual([]);
    for (const field of DI_STRUCTURE_FIELDS) expect(result.structures[0]).toHaveProperty(field);
    for (const field of DI_SERVICE_FIELDS) expect(result.services[0]).toHaveProperty(field);
    expect(result.services[0]!.publics).toBeNull();
    expect(result.structures[0]!.reseaux_porteurs).toBeNull();
  });

  it('reads Corsican zone codes in their COG form (capitals), so they match the communes', () => {
    const result = validateDataInclusionFile({ structures: [structure()], services: [service({ zone_eligibilite: ['2a004', '2b', 'france', '47'] })] }, now);
    expect(result.errors).toEqual([]);
    expect(result.services[0]!.zone_eligibilite).toEqual(['2A004', '2B', 'france', '47']);
  });

  it('accepts the boundary values', () => {
    const ok = [
      service({ date_maj: '2000-01-01' }),
      service({ id: 'b', date_maj: frenchToday(now) }),
      service({ id: 'c', nom: 'Abc', description: 'Cinq.' }),
      service({ id: 'd', nom: 'x'.repeat(150), description: 'y'.repeat(10000) }),
      service({ id: 'e', zone_eligibilite: ['47001', '2A004', '47', '2B', '974', '200030674', '99100', 'france'] }),
      service({ id: 'f', publics: ['tous-publics'], thematiques: [], modes_accueil: [] }),
      service({ id: 'g', volume_horaire_hebdomadaire: 0, nombre_semaines: 1 }),
      service({ id: 'h', lien_mobilisation: 'http://localhost/rdv', courriel: 'accueil@mairie-agen.fr' }),
      // Upstream ignores unknown keys (score_qualite and adresse_certifiee come with API exports).
      service({ id: 'i', score_qualite: 0.8, adresse_certifiee: true }),
    ];
    const result = validateDataInclusionFile({ structures: [structure({ siret: '12345678901234', code_postal: '47000', reseaux_porteurs: [] })], services: ok }, now);
    expect(result.errors).toEqual([]);
    expect(result.services).toHaveLength(ok.length);
    expect(result.services[8]).not.toHaveProperty('score_qualite');
  });

  it('resolves a service to a structure already in the database', () => {
    const file = { structures: [], services: [service({ structure_id: 'dora--en-base' })] };
    expect(validateDataInclusionFile(file, now, { knownStructures: [{ source: 'dora', id: 'dora--en-base' }] }).errors).toEqual([]);
  });

  it('warns (without refusing) about a name ending with a dot, except "etc."', () => {
    const result = validateDataInclusionFile(
      { structures: [structure({ nom: 'Centre social.' })], services: [service({ nom: 'Aides, conseils, etc.' })] },
      now,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.path)).toEqual(['structures[0].nom']);
  });
});

describe('data·inclusion v1 validation — invalid vectors', () => {
  it('refuses a date_maj before 2000-01-01', () => {
    expectOneError(serviceErrors({ date_maj: '1999-12-31' }), 'services[0].date_maj', /2000/);
    expectOneError(structureErrors({ date_maj: '1999-12-31' }), 'structures[0].date_maj', /2000/);
  });

  it('refuses a date_maj in the future (today is injected)', () => {
    expectOneError(serviceErrors({ date_maj: '2025-06-16' }), 'services[0].date_maj', /futur/);
    expect(validateDataInclusionFile({ structures: [structure()], services: [service({ date_maj: '2025-06-16' })] }, new Date('2025-06-16T08:00:00Z')).errors).toEqual([]);
  });

  it('refuses a malformed date', () => {
    expectOneError(serviceErrors({ date_maj: '2025-02-30' }), 'services[0].date_maj', /date/);
    expectOneError(serviceErrors({ date_maj: '15/06/2025' }), 'services[0].date_maj', /date/);
  });

  it('refuses tous-publics with another public', () => {
    expectOneError(serviceErrors({ publics: ['tous-publics', 'jeunes'] }), 'services[0].publics', /tous-publics/);
  });

  it('refuses bad zone codes, at the index of each bad code', () => {
    const errors = serviceErrors({ zone_eligibilite: ['47001', '4700', '1', '20003067', 'France', '47-01'] });
    expect(errors.map((e) => e.path)).toEqual([1, 2, 3, 4, 5].map((i) => `services[0].zone_eligibilite[${i}]`));
    expect(errors[0]!.message).toMatch(/^code de zone invalide « 4700 »/);
  });

  it('refuses empty lists where at least one item is required', () => {
    for (const field of ['publics', 'modes_mobilisation', 'mobilisable_par', 'zone_eligibilite']) {
      expectOneError(serviceErrors({ [field]: [] }), `services[0].${field}`, 'au moins 1 élément');
    }
  });

  it('refuses a name too short or too long, a description too short', () => {
    expectOneError(structureErrors({ nom: 'AB' }), 'structures[0].nom', 'au moins 3 caractères');
    expectOneError(serviceErrors({ nom: 'x'.repeat(151) }), 'services[0].nom', 'au plus 150 caractères');
    expectOneError(serviceErrors({ description: 'Bof' }), 'services[0].description', /5/);
    expectOneError(structureErrors({ description: 'Bof' }), 'structures[0].description', /5/);
  });

  it('refuses missing required fields', () => {
    const { description: _d, ...withoutDescription } = service();
    const errors = validateDataInclusionFile({ structures: [structure()], services: [withoutDescription] }, now).errors;
    expect(errors).toEqual([{ path: 'services[0].description', message: 'champ obligatoire' }]);
  });

  it('refuses a bad SIRET, postal code or INSEE code', () => {
    expectOneError(structureErrors({ siret: '123 456 789 00012' }), 'structures[0].siret', /SIRET/);
    expectOneError(structureErrors({ siret: '1234567890123' }), 'structures[0].siret', /14 chiffres/);
    expectOneError(structureErrors({ code_postal: '4700' }), 'structures[0].code_postal', /code postal/);
    expectOneError(serviceErrors({ code_insee: '470010' }), 'services[0].code_insee', /INSEE/);
  });

  it('refuses a bad email and non-http(s) links', () => {
    expectOneError(serviceErrors({ courriel: 'accueil@' }), 'services[0].courriel', /e-mail/);
    expectOneError(structureErrors({ courriel: 'accueil.mairie.fr' }), 'structures[0].courriel', /e-mail/);
    expectOneError(structureErrors({ site_web: 'www.mairie-agen.fr' }), 'structures[0].site_web', /adresse web invalide.*https:\/\//);
    expectOneError(serviceErrors({ lien_mobilisation: 'ftp://mairie-agen.fr/dossier' }), 'services[0].lien_mobilisation', /adresse web invalide/);
  });

  it('refuses unknown referential values (thématique, public, type, frais, réseau porteur)', () => {
    expectOneError(serviceErrors({ thematiques: ['mobilite--preparer-un-permis', 'mobilite'] }), 'services[0].thematiques[1]', /Thématique inconnue.*« mobilite »/);
    // Renamed in v1.0.1: the old value is no longer valid.
    expectOneError(serviceErrors({ thematiques: ['mobilite--preparer-un-permis-de-conduire'] }), 'services[0].thematiques[0]', /Thématique inconnue/);
    expectOneError(serviceErrors({ publics: ['chomeurs'] }), 'services[0].publics[0]', /Public inconnu/);
    expectOneError(serviceErrors({ type: 'accueil' }), 'services[0].type', /Type de service inconnu/);
    expectOneError(serviceErrors({ frais: ['gratuit'] }), 'services[0].frais', /frais/i);
    expectOneError(structureErrors({ reseaux_porteurs: ['siae'] }), 'structures[0].reseaux_porteurs[0]', /Réseau porteur inconnu/);
  });

  it('refuses repeated values in lists with uniqueItems (but not in zone_eligibilite)', () => {
    expectOneError(serviceErrors({ thematiques: ['sante--addictions', 'sante--addictions'] }), 'services[0].thematiques[1]', /double/);
    expectOneError(serviceErrors({ modes_accueil: ['a-distance', 'a-distance'] }), 'services[0].modes_accueil[1]', /double/);
    expect(serviceErrors({ zone_eligibilite: ['47', '47'] })).toEqual([]);
  });

  it('refuses bad numbers', () => {
    expectOneError(serviceErrors({ volume_horaire_hebdomadaire: -1 }), 'services[0].volume_horaire_hebdomadaire', /supérieur/);
    expectOneError(serviceErrors({ nombre_semaines: 0 }), 'services[0].nombre_semaines', 'doit être supérieur ou égal à 1');
    expectOneError(serviceErrors({ nombre_semaines: 2.5 }), 'services[0].nombre_semaines', 'nombre entier attendu');
    expectOneError(serviceErrors({ latitude: '44.2' }), 'services[0].latitude', 'nombre attendu');
  });

  it('refuses duplicate (source, id) within the file, keeping the first', () => {
    const result = validateDataInclusionFile(
      { structures: [structure(), structure({ nom: 'Doublon' })], services: [service(), service({ nom: 'Doublon' })] },
      now,
    );
    expect(result.errors.map((e) => e.path)).toEqual(['structures[1].id', 'services[1].id']);
    expect(result.errors[0]!.message).toMatch(/identifiant en double « dora--centre-social-agen ».*structures\[0\]/);
    expect(result.structures.map((s) => s.nom)).toEqual(['Centre social du Pin']);
    expect(result.services.map((s) => s.nom)).toEqual(['Atelier numérique']);
    // The same id under another source is another record.
    expect(validateDataInclusionFile({ structures: [structure(), structure({ source: 'cd47' })] }, now).errors).toEqual([]);
  });

  it('refuses a service whose structure is neither in the file nor in the database', () => {
    const errors = validateDataInclusionFile({ structures: [structure()], services: [service({ structure_id: 'dora--inconnue' })] }, now).errors;
    expectOneError(errors, 'services[0].structure_id', /structure inconnue « dora--inconnue »/);
  });

  it('refuses a service whose structure is invalid in the file', () => {
    const errors = validateDataInclusionFile({ structures: [structure({ nom: 'AB' })], services: [service()] }, now).errors;
    expect(errors.map((e) => e.path)).toEqual(['structures[0].nom', 'services[0].structure_id']);
    expect(errors[1]!.message).toMatch(/invalide dans ce fichier/);
  });

  it('refuses a file that is not { structures, services }', () => {
    for (const json of [null, [], 'texte', {}, { structure: [] }]) {
      expect(validateDataInclusionFile(json, now).errors).toHaveLength(1);
    }
    expect(validateDataInclusionFile({ structures: {}, services: [] }, now).errors).toEqual([
      { path: 'structures', message: 'liste attendue pour « structures »' },
    ]);
    expectOneError(validateDataInclusionFile({ structures: [null] }, now).errors, 'structures[0]');
  });

  it('lists every problem of the invalid fixture with its path', () => {
    const result = validateDataInclusionFile(fixture('invalid.json'), now);
    expect(result.errors.map((e) => e.path)).toEqual([
      'structures[1].date_maj',
      'structures[1].siret',
      'structures[2].nom',
      'services[1].publics',
      'services[2].structure_id',
      'services[3].zone_eligibilite[0]',
      'services[4].structure_id',
    ]);
    for (const e of result.errors) {
      expect(e.message).toMatch(FRENCH);
      expect(e.message).not.toMatch(ZOD_STOCK);
    }
    expect(result.structures.map((s) => s.id)).toEqual(['dora--epicerie-agenais']);
    expect(result.services.map((s) => s.id)).toEqual(['dora--epicerie-courses', 'dora--epicerie-vestiaire']);
  });

  it('validates a whole file with the file schema', () => {
    const schemas = dataInclusionSchemas(now);
    expect(schemas.file.safeParse(fixture('valid.json')).success).toBe(true);
    expect(schemas.file.safeParse({ structures: [structure({ nom: 'AB' })], services: [] }).success).toBe(false);
  });
});
