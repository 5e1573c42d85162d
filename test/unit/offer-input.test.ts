/**
 * What a structure may send to create and edit an offer, the French messages it gets back with the
 * field to fix, and what an offer needs before it goes public.
 */
import { describe, expect, it } from 'vitest';
import {
  applyOfferPatch,
  newOfferInput,
  offerConsistencyProblems,
  parseOfferCreate,
  parseOfferPatch,
} from '../../api/domain/offer-input.ts';
import { publicationProblems, suspensionProblems } from '../../api/domain/publication.ts';
import { effectiveStatus, transitionOffer } from '../../api/domain/offer-lifecycle.ts';
import { isOverdue, overdueCutoffs, reviewDueAt, type Offer } from '../../api/domain/offer.ts';
import { parseStructureCreate, parseStructurePatch, structurePrefill } from '../../api/domain/structure-input.ts';
import { establishmentRefusal, type Establishment } from '../../api/domain/establishment.ts';
import type { FieldProblem, InputResult } from '../../api/domain/field-problem.ts';

const NOW = new Date('2026-06-15T10:00:00Z');
const STRUCTURE_ID = '2f1c6a9e-0d7b-4c55-9f43-5a1d6f0b7e21';

function ok<T>(r: InputResult<T>): T {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errors<T>(r: InputResult<T>): FieldProblem[] {
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const fullBody = {
  structure_id: STRUCTURE_ID,
  name: '  Atelier réparation de vélos  ',
  description: 'Un atelier hebdomadaire pour apprendre à entretenir et réparer son vélo, prêté ensuite pour se rendre en formation.',
  type: 'atelier',
  thematiques: ['mobilite--entretenir-reparer-son-vehicule', 'mobilite--mobilite-douce-partagee-collective'],
  publics: ['beneficiaires-des-minimas-sociaux', 'jeunes'],
  age_min: 18,
  age_max: 65,
  fees: 'gratuit',
  modes_accueil: ['en-presentiel'],
  zone: ['47157', '200030435'],
  address: '2 chemin de la Gravette',
  postal_code: '47200',
  commune_code: '47157',
  lon: 0.180554,
  lat: 44.48912,
  modes_mobilisation: ['telephoner', 'envoyer-un-courriel'],
  mobilisable_par: ['professionnels'],
  phone: '0553123456',
  email: 'Atelier@Tremplin-VDG.example',
  opening_hours: 'we 14:00-17:00',
  weekly_hours: 3,
  capacity: 8,
  places_available: 3,
  update_frequency_months: 3,
  sessions: [{ label: 'Rentrée', starts_on: '2026-09-02', ends_on: '2026-12-16', capacity: 8, places_available: 8 }],
};

describe('creating an offer', () => {
  it('accepts a complete body and normalises what people type', () => {
    const offer = ok(parseOfferCreate(fullBody));
    expect(offer.name).toBe('Atelier réparation de vélos');
    expect(offer.phone).toBe('05 53 12 34 56');
    expect(offer.email).toBe('atelier@tremplin-vdg.example');
    expect(offer.opening_hours).toBe('We 14:00-17:00');
    expect(offer.sessions).toEqual([{ label: 'Rentrée', starts_on: '2026-09-02', ends_on: '2026-12-16', capacity: 8, places_available: 8 }]);
  });

  it('needs only a name and a structure for a draft, with defaults for the rest', () => {
    const offer = ok(parseOfferCreate({ structure_id: STRUCTURE_ID, name: 'Permanence emploi' }));
    expect(offer).toMatchObject({ description: null, thematiques: null, contact_public: false, update_frequency_months: 6, sessions: [] });
  });

  it('turns empty form fields into null and empty required-one lists into "not specified"', () => {
    const offer = ok(parseOfferCreate({ structure_id: STRUCTURE_ID, name: 'Permanence emploi', address: '  ', phone: '', publics: [], modes_mobilisation: [] }));
    expect(offer).toMatchObject({ address: null, phone: null, publics: null, modes_mobilisation: null });
  });

  it('says in French which field is wrong and why', () => {
    const body = {
      structure_id: STRUCTURE_ID,
      name: 'AB',
      type: 'stage',
      thematiques: ['mobilite', 'mobilite--preparer-un-permis'],
      modes_accueil: ['en-presentiel', 'en-presentiel'],
      publics: ['tous-publics', 'jeunes'],
      age_min: -1,
      zone: ['47', 'quelque part'],
      commune_code: '4715',
      postal_code: '472000',
      phone: '05 53',
      email: 'pas-une-adresse',
      mobilisation_url: 'www.tremplin.example',
      opening_hours: 'lundi 9h',
      update_frequency_months: 2,
      sessions: [{ starts_on: '02/09/2026' }],
    };
    const byPath = Object.fromEntries(errors(parseOfferCreate(body)).map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      name: 'au moins 3 caractères',
      type: 'Type de service inconnu : « stage »',
      'thematiques.0': 'Thématique inconnue : « mobilite »',
      'modes_accueil.1': 'valeur en double « en-presentiel »',
      publics: '« tous-publics » ne peut pas être utilisé avec d’autres publics',
      age_min: 'doit être supérieur ou égal à 0',
      'zone.1': expect.stringMatching(/^code de zone invalide « quelque part »/),
      commune_code: 'code INSEE de commune attendu (5 caractères, ex. 47157)',
      postal_code: 'code postal invalide « 472000 » : 5 chiffres attendus',
      phone: expect.stringMatching(/^Numéro de téléphone invalide « 05 53 »/),
      email: 'Adresse e-mail invalide',
      mobilisation_url: 'adresse web invalide : elle doit commencer par https:// ou http://',
      opening_hours: expect.stringMatching(/^Horaires illisibles/),
      update_frequency_months: 'Fréquence de mise à jour : 1, 3, 6 ou 12 mois',
      'sessions.0.starts_on': 'date invalide : format AAAA-MM-JJ attendu',
    });
  });

  it('says which required fields are missing', () => {
    expect(errors(parseOfferCreate({}))).toEqual([
      { path: 'structure_id', message: 'champ obligatoire' },
      { path: 'name', message: 'champ obligatoire' },
    ]);
    expect(errors(parseOfferCreate(['pas un objet']))).toEqual([{ path: '(racine)', message: 'objet attendu' }]);
  });

  it('refuses unknown and server-managed fields, saying what to do instead', () => {
    const byPath = Object.fromEntries(
      errors(parseOfferCreate({ structure_id: STRUCTURE_ID, name: 'Permanence emploi', thematique: ['x'], status: 'published', completeness: 1 })).map((e) => [e.path, e.message]),
    );
    expect(byPath).toEqual({
      thematique: 'champ inconnu',
      status: 'le statut change par les actions publier, suspendre, archiver ou confirmer',
      completeness: 'le score de complétude est calculé par le serveur',
    });
  });

  it('builds the stored draft with our source and today’s date', () => {
    const input = newOfferInput(ok(parseOfferCreate(fullBody)), { sourceId: 'offer-1', now: NOW, communeName: 'Marmande' });
    expect(input).toMatchObject({
      source: 'offre-insertion',
      source_id: 'offer-1',
      status: 'draft',
      updated_on: '2026-06-15',
      confirmed_at: null,
      commune_name: 'Marmande',
      structure_id: STRUCTURE_ID,
    });
  });
});

describe('editing an offer (PATCH)', () => {
  const current = newOfferInput(ok(parseOfferCreate(fullBody)), { sourceId: 'offer-1', now: new Date('2026-01-10T09:00:00Z'), communeName: 'Marmande' });

  it('changes only the fields sent, clears those sent as null, and moves updated_on to today', () => {
    const patch = ok(parseOfferPatch({ phone: '05 53 98 76 54', age_max: null }));
    const next = applyOfferPatch(current, patch, { now: NOW, communeName: null });
    expect(next).toEqual({ ...current, phone: '05 53 98 76 54', age_max: null, updated_on: '2026-06-15' });
  });

  it('takes the commune name from the new commune code', () => {
    const next = applyOfferPatch(current, ok(parseOfferPatch({ commune_code: '47310' })), { now: NOW, communeName: 'Tonneins' });
    expect(next).toMatchObject({ commune_code: '47310', commune_name: 'Tonneins' });
    expect(applyOfferPatch(current, ok(parseOfferPatch({ commune_code: null })), { now: NOW, communeName: null }).commune_name).toBeNull();
  });

  it('refuses a null name and a change of structure', () => {
    expect(errors(parseOfferPatch({ name: null }))).toEqual([{ path: 'name', message: 'valeur obligatoire (null refusé)' }]);
    expect(errors(parseOfferPatch({ structure_id: 'other' }))).toEqual([
      { path: 'structure_id', message: 'une offre ne change pas de structure : créez-la dans l’autre structure' },
    ]);
  });

  it('checks rules across fields on the merged offer', () => {
    const next = applyOfferPatch(current, ok(parseOfferPatch({ age_min: 70, places_available: 9, lon: null, sessions: [{ starts_on: '2026-09-02', ends_on: '2026-09-01' }] })), {
      now: NOW,
      communeName: null,
    });
    expect(offerConsistencyProblems(next)).toEqual([
      { path: 'age_max', message: 'L’âge maximum (65 ans) est inférieur à l’âge minimum (70 ans)' },
      { path: 'places_available', message: 'Plus de places disponibles (9) que de places au total (8)' },
      { path: 'lon', message: 'La longitude et la latitude vont ensemble : indiquez les deux ou aucune' },
      { path: 'sessions.0.ends_on', message: 'La session se termine (2026-09-01) avant de commencer (2026-09-02)' },
    ]);
  });
});

function offerOf(body: Record<string, unknown> & { name: string }, extra: Partial<Offer> = {}): Offer {
  const input = newOfferInput(ok(parseOfferCreate({ structure_id: STRUCTURE_ID, ...body })), { sourceId: 'offer-1', now: NOW, communeName: 'Marmande' });
  return { ...input, id: 'offer-1', departement_code: '47', completeness: null, reviewed_at: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString(), sessions: [], ...extra };
}

describe('publication rules', () => {
  it('accepts a complete offer', () => {
    expect(publicationProblems(offerOf(fullBody))).toEqual([]);
  });

  it('lists the d·i required fields, the thématique and the place, each at its field', () => {
    expect(publicationProblems(offerOf({ name: 'Permanence emploi', description: 'Info' }))).toEqual([
      { path: 'description', message: 'description : au moins 5 caractères' },
      { path: 'thematiques', message: 'choisissez au moins une thématique pour que l’offre soit trouvée' },
      {
        path: 'address',
        message: 'indiquez où l’offre a lieu : une adresse et sa commune, un point sur la carte, les communes d’une offre itinérante, ou « à distance » seulement',
      },
    ]);
    expect(publicationProblems(offerOf({ name: 'Permanence emploi' }))[0]).toEqual({
      path: 'description',
      message: 'décrivez l’offre (au moins 5 caractères) avant de la publier',
    });
  });

  const base = { name: 'Permanence emploi', description: 'Des rendez-vous pour préparer sa candidature.', thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi'] };

  it('accepts remote-only, itinerant, a point on the map, or the structure’s address as the place', () => {
    expect(publicationProblems(offerOf({ ...base, modes_accueil: ['a-distance'] }))).toEqual([]);
    expect(publicationProblems(offerOf({ ...base, itinerant_communes: ['47157', '47310'] }))).toEqual([]);
    expect(publicationProblems(offerOf({ ...base, lon: 0.16, lat: 44.5 }))).toEqual([]);
    expect(publicationProblems(offerOf({ ...base, address: '14 rue Léopold Faye', commune_code: '47157' }))).toEqual([]);
    const structure = { address: '14 rue Léopold Faye', commune_code: '47157', lon: null, lat: null };
    expect(publicationProblems(offerOf(base), { structure })).toEqual([]);
  });

  it('still wants a place for the on-site part of an offer that is also remote', () => {
    expect(publicationProblems(offerOf({ ...base, modes_accueil: ['en-presentiel', 'a-distance'] })).map((p) => p.path)).toEqual(['address']);
    // An address without its commune cannot be found on a map.
    expect(publicationProblems(offerOf({ ...base, address: '14 rue Léopold Faye' })).map((p) => p.path)).toEqual(['address']);
  });

  it('repeats the cross-field rules (ages)', () => {
    expect(publicationProblems(offerOf({ ...base, modes_accueil: ['a-distance'], age_min: 26, age_max: 25 }))).toEqual([
      { path: 'age_max', message: 'L’âge maximum (25 ans) est inférieur à l’âge minimum (26 ans)' },
    ]);
  });
});

describe('status changes', () => {
  const draft = offerOf(fullBody);

  it('publishes a complete draft and stamps it as confirmed today', () => {
    expect(transitionOffer(draft, 'publish', { now: NOW })).toEqual({
      ok: true,
      changes: { status: 'published', suspended_until: null, confirmed_at: NOW.toISOString(), updated_on: '2026-06-15' },
    });
  });

  it('refuses to publish an incomplete draft, with the fields to complete', () => {
    const r = transitionOffer(offerOf({ name: 'Permanence emploi' }), 'publish', { now: NOW });
    expect(r).toMatchObject({ ok: false, kind: 'incomplete', title: 'Offre incomplète' });
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['description', 'thematiques', 'address']);
  });

  it('suspends a published offer until a future date, at most a year ahead', () => {
    const published = { ...draft, status: 'published' as const };
    expect(transitionOffer(published, 'suspend', { now: NOW, until: '2026-08-31' })).toEqual({ ok: true, changes: { status: 'suspended', suspended_until: '2026-08-31' } });
    expect(suspensionProblems(null, NOW)).toEqual([{ path: 'until', message: 'indiquez jusqu’à quelle date l’offre est suspendue' }]);
    expect(suspensionProblems('2026-06-15', NOW)).toEqual([{ path: 'until', message: 'la date de fin de suspension doit être postérieure à aujourd’hui (2026-06-15)' }]);
    expect(suspensionProblems('2027-06-16', NOW)).toEqual([{ path: 'until', message: 'une suspension dure au plus un an (jusqu’au 2027-06-15) : au-delà, archivez l’offre' }]);
    expect(suspensionProblems('31/08/2026', NOW)).toEqual([{ path: 'until', message: 'date invalide : format AAAA-MM-JJ attendu' }]);
    expect(transitionOffer(published, 'suspend', { now: NOW, until: '2026-06-01' })).toMatchObject({ ok: false, kind: 'incomplete' });
  });

  it('confirms "rien n’a changé" on a published offer only', () => {
    expect(transitionOffer({ ...draft, status: 'published' }, 'confirm', { now: NOW })).toEqual({
      ok: true,
      changes: { confirmed_at: NOW.toISOString(), updated_on: '2026-06-15' },
    });
    expect(transitionOffer(draft, 'confirm', { now: NOW })).toEqual({
      ok: false,
      kind: 'conflict',
      title: 'Action impossible',
      detail: 'Cette offre est un brouillon. Seule une offre publiée ou suspendue peut être confirmée à jour.',
      errors: [],
    });
  });

  it('archives, and refuses what does not apply to the current status', () => {
    expect(transitionOffer(draft, 'archive', { now: NOW })).toEqual({ ok: true, changes: { status: 'archived', suspended_until: null } });
    expect(transitionOffer({ ...draft, status: 'archived' }, 'archive', { now: NOW })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(transitionOffer(draft, 'suspend', { now: NOW, until: '2026-08-31' })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(transitionOffer({ ...draft, status: 'published' }, 'publish', { now: NOW })).toMatchObject({ ok: false, kind: 'conflict' });
  });

  it('ends a suspension once its last day has passed', () => {
    const suspended = { status: 'suspended' as const, suspended_until: '2026-06-14' };
    expect(effectiveStatus(suspended, NOW)).toBe('published');
    expect(effectiveStatus({ ...suspended, suspended_until: '2026-06-15' }, NOW)).toBe('suspended');
  });
});

describe('update frequency', () => {
  it('flags an offer overdue once its frequency has passed since the last confirmation', () => {
    const offer = { confirmed_at: '2026-03-10T08:00:00.000Z', updated_on: '2026-01-01', update_frequency_months: 3 as const };
    expect(reviewDueAt(offer).toISOString()).toBe('2026-06-10T08:00:00.000Z');
    expect(isOverdue(offer, NOW)).toBe(true);
    expect(isOverdue({ ...offer, update_frequency_months: 6 }, NOW)).toBe(false);
    // Never confirmed: the date of the last change counts.
    expect(isOverdue({ confirmed_at: null, updated_on: '2025-06-01', update_frequency_months: 12 }, NOW)).toBe(true);
  });

  it('gives the cutoffs a reminder query uses, agreeing with the flag', () => {
    const cutoffs = overdueCutoffs(NOW);
    expect(cutoffs).toEqual({
      1: '2026-05-15T10:00:00.000Z',
      3: '2026-03-15T10:00:00.000Z',
      6: '2025-12-15T10:00:00.000Z',
      12: '2025-06-15T10:00:00.000Z',
    });
    for (const months of [1, 3, 6, 12] as const) {
      const justBefore = new Date(new Date(cutoffs[months]).getTime() - 1000).toISOString();
      expect(isOverdue({ confirmed_at: justBefore, updated_on: '2020-01-01', update_frequency_months: months }, NOW)).toBe(true);
      expect(isOverdue({ confirmed_at: cutoffs[months], updated_on: '2020-01-01', update_frequency_months: months }, NOW)).toBe(false);
    }
  });
});

describe('structure input', () => {
  it('accepts a SIRET pasted with spaces and checks its key', () => {
    expect(ok(parseStructureCreate({ name: 'Tremplin Val de Garonne', siret: '417 628 930 00022' })).siret).toBe('41762893000022');
    expect(errors(parseStructureCreate({ name: 'Tremplin Val de Garonne', siret: '41762893000023' }))).toEqual([
      { path: 'siret', message: 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les 14 chiffres)' },
    ]);
    expect(errors(parseStructureCreate({ name: 'Tremplin', siret: '4176289300002' }))[0]).toEqual({
      path: 'siret',
      message: 'SIRET invalide « 4176289300002 » : 14 chiffres attendus',
    });
  });

  it('checks typology, networks, description and links against the referentials and d·i', () => {
    const byPath = Object.fromEntries(
      errors(
        parseStructureCreate({ name: 'Tremplin', typology: 'asso', reseaux_porteurs: ['emmaus', 'inconnu'], description: 'Bof', website: 'tremplin.example', status: 'validated' }),
      ).map((e) => [e.path, e.message]),
    );
    expect(byPath).toEqual({
      typology: 'Type de structure inconnu : « asso »',
      'reseaux_porteurs.1': 'Réseau porteur inconnu : « inconnu »',
      description: 'au moins 5 caractères',
      website: 'adresse web invalide : elle doit commencer par https:// ou http://',
      status: 'le statut change par la validation d’un coordinateur ou l’archivage',
    });
    expect(ok(parseStructurePatch({ description: null, phone: '05 53 64 00 00' }))).toEqual({ description: null, phone: '05 53 64 00 00' });
  });

  const closed: Establishment = {
    siret: '41762893000014',
    siren: '417628930',
    name: 'TREMPLIN VAL DE GARONNE',
    establishment_name: null,
    address: 'ZA DE LAGRAVE',
    address_complement: null,
    postal_code: '47400',
    commune_code: '47310',
    commune_name: 'TONNEINS',
    lon: 0.31624,
    lat: 44.398102,
    naf: '88.99B',
    legal_form: '9220',
    is_head_office: false,
    closed: true,
    closed_on: '2021-06-30',
    non_diffusible: false,
    rna: 'W472000815',
    siae_type: 'ACI',
  };

  it('refuses a closed establishment and prefills the form from an open one', () => {
    expect(establishmentRefusal(closed)).toBe(
      'Cet établissement est fermé depuis le 30/06/2021 au répertoire SIRENE : il ne peut pas être inscrit. Cherchez l’établissement ouvert de votre structure.',
    );
    const open = { ...closed, siret: '41762893000022', closed: false, closed_on: null, address: '14 RUE LEOPOLD FAYE', postal_code: '47200', commune_code: '47157' };
    expect(establishmentRefusal(open)).toBeNull();
    expect(structurePrefill(open)).toEqual({
      name: 'Tremplin Val de Garonne',
      siret: '41762893000022',
      typology: 'aci',
      address: '14 Rue Leopold Faye',
      address_complement: null,
      postal_code: '47200',
      commune_code: '47157',
      lon: 0.31624,
      lat: 44.398102,
    });
    // The prefilled form is a valid creation body once confirmed.
    expect(parseStructureCreate(structurePrefill(open)).ok).toBe(true);
  });
});
