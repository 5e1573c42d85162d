/**
 * A synthetic national catalogue for the benchmark: N offers over real communes (from the territory
 * tables, weighted by population), in structures of about five offers, written through the real
 * repositories (so rows, completeness and outbox are what production writes). Texts are assembled
 * from insertion phrases per barrier, so text queries, synonyms and typos have something to find.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';
import { upsertOfferBySource } from '../../api/db/offers.ts';
import { upsertStructureBySource } from '../../api/db/structures.ts';
import { BARRIERS, type BarrierKey } from '../../api/domain/referentials/index.ts';
import type { OfferInput } from '../../api/domain/offer.ts';
import { aStructure, anOffer } from '../fixtures/catalogue.ts';
import { seeded, weightedPicker, type Random } from './random.ts';

export interface BenchCommune {
  code: string;
  name: string;
  departement_code: string;
  epci_code: string | null;
  population: number;
  lat: number;
  lon: number;
}

export async function placedCommunes(db: Kysely<Database>): Promise<BenchCommune[]> {
  const rows = await db
    .selectFrom('communes')
    .select(['code', 'name', 'departement_code', 'epci_code', 'population', 'lat', 'lon'])
    .where('lat', 'is not', null)
    .where('lon', 'is not', null)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ ...r, lat: r.lat!, lon: r.lon! }));
}

/** Phrases per barrier: names are built from the first list, descriptions from both. */
const PHRASES: Record<BarrierKey, { names: string[]; details: string[] }> = {
  mobilite: {
    names: ['Auto-école sociale', 'Location solidaire de scooters', 'Garage solidaire', 'Conseil en mobilité', 'Transport à la demande', 'Vélos électriques en prêt'],
    details: ['préparation au permis de conduire', 'code de la route et conduite accompagnée', 'réparation de véhicule à prix réduit', 'diagnostic mobilité personnalisé'],
  },
  contraintes_familiales: {
    names: ['Crèche à vocation d’insertion', 'Halte-garderie solidaire', 'Relais petite enfance', 'Lieu d’accueil enfants parents', 'Soutien aux aidants'],
    details: ['garde d’enfants en horaires décalés', 'mode de garde pour reprendre un emploi', 'soutien à la parentalité', 'accueil des tout-petits'],
  },
  sante: {
    names: ['Consultations de psychologue', 'Permanence d’accès aux soins', 'Bilan de santé', 'Accompagnement vers le soin', 'Point écoute addictions'],
    details: ['santé mentale et souffrance psychique', 'complémentaire santé solidaire', 'ouverture des droits à l’assurance maladie', 'prévention des addictions'],
  },
  logement: {
    names: ['Accès au logement', 'Hébergement d’urgence', 'Prévention des expulsions', 'Logement temporaire meublé', 'Aide au maintien dans le logement'],
    details: ['impayés de loyer et fonds de solidarité logement', 'recherche d’un logement social', 'mise à l’abri', 'accompagnement vers le logement'],
  },
  maitrise_langue: {
    names: ['Ateliers sociolinguistiques', 'Cours de français langue étrangère', 'Savoirs de base', 'Remise à niveau', 'Lire écrire compter'],
    details: ['apprendre le français du quotidien', 'lutte contre l’illettrisme', 'compétences de base pour l’emploi', 'alphabétisation des adultes'],
  },
  numerique: {
    names: ['Atelier numérique', 'Conseiller numérique', 'Espace public numérique', 'Ordinateurs reconditionnés', 'Aide aux démarches en ligne'],
    details: ['inclusion numérique et outils numériques', 'créer sa boîte mail', 'utiliser un smartphone', 'accès internet gratuit'],
  },
  difficulte_administrative: {
    names: ['France Services', 'Écrivain public', 'Accès aux droits', 'Permanence juridique', 'Domiciliation administrative'],
    details: ['démarches administratives', 'dossier CAF et prime d’activité', 'accompagnement des allocataires du RSA', 'papiers et titres de séjour'],
  },
  difficulte_financiere: {
    names: ['Point conseil budget', 'Épicerie solidaire', 'Aide alimentaire', 'Microcrédit personnel', 'Vestiaire solidaire'],
    details: ['prévention du surendettement', 'gestion budgétaire', 'colis alimentaires', 'aide d’urgence'],
  },
  emploi: {
    names: ['Chantier d’insertion', 'Accompagnement vers l’emploi', 'Atelier CV et lettre de motivation', 'Entreprise d’insertion', 'Job dating', 'Association intermédiaire'],
    details: ['contrat à durée déterminée d’insertion', 'préparation aux entretiens d’embauche', 'recherche d’emploi', 'mise en situation professionnelle'],
  },
  formation: {
    names: ['Formation qualifiante', 'Bilan de compétences', 'Préparation à l’apprentissage', 'Validation des acquis', 'Découverte des métiers'],
    details: ['projet professionnel', 'formation certifiante financée', 'alternance et contrat de professionnalisation', 'immersion en entreprise'],
  },
  remobilisation: {
    names: ['Atelier confiance en soi', 'Jardin partagé', 'Groupe de remobilisation', 'Activités sportives adaptées', 'Bénévolat accompagné'],
    details: ['rompre l’isolement', 'estime de soi', 'lien social', 'sortir de chez soi'],
  },
};

const PUBLICS = ['jeunes', 'femmes', 'familles', 'seniors', 'beneficiaires-des-minimas-sociaux', 'demandeurs-emploi', 'personnes-en-situation-de-handicap', 'personnes-exilees'];
const TYPES = ['accompagnement', 'atelier', 'formation', 'information', 'aide-materielle', 'aide-financiere'];
const FEES = ['gratuit', 'payant', 'gratuit-sous-conditions', null];

/** Offers per structure, on average. */
const OFFERS_PER_STRUCTURE = 5;

function offerInput(random: Random, structureId: string, index: number, commune: BenchCommune, near: readonly BenchCommune[]): OfferInput {
  const barriers = random.some(BARRIERS, random.chance(0.3) ? 2 : 1);
  const primary = barriers[0]!;
  const thematiques = barriers.flatMap((b) => random.some(b.thematiques, 1 + random.int(2)));
  const phrases = PHRASES[primary.key];
  const modes = random.chance(0.1) ? ['a-distance'] : random.chance(0.1) ? ['en-presentiel', 'a-distance'] : ['en-presentiel'];
  const zoneKind = random.next();
  const zone =
    zoneKind < 0.4 ? [commune.departement_code]
    : zoneKind < 0.6 && commune.epci_code ? [commune.epci_code]
    : zoneKind < 0.7 ? [commune.code]
    : zoneKind < 0.8 ? ['france']
    : null;
  const publics = random.chance(0.6) ? ['tous-publics'] : random.some(PUBLICS, 1 + random.int(2));
  const young = publics.includes('jeunes') && random.chance(0.7);
  const status = random.chance(0.95) ? 'published' : random.pick(['draft', 'suspended', 'archived'] as const);
  // Scatter around the commune centre (a few km), like addresses.
  const lat = commune.lat + (random.next() - 0.5) * 0.04;
  const lon = commune.lon + (random.next() - 0.5) * 0.05;
  return anOffer(structureId, {
    source: 'bench',
    source_id: `bench-${index}`,
    name: `${random.pick(phrases.names)} ${random.chance(0.5) ? `de ${commune.name}` : ''}`.trim(),
    description: `${random.pick(phrases.details)}. ${random.pick(PHRASES[random.pick(barriers).key].details)} pour les habitants de ${commune.name} et des environs.`,
    type: random.pick(TYPES),
    thematiques: [...new Set(thematiques)],
    publics,
    age_min: young ? 16 : random.chance(0.05) ? 18 : null,
    age_max: young ? 25 : null,
    fees: random.pick(FEES),
    modes_accueil: modes,
    itinerant_communes: random.chance(0.02) ? random.some(near, 3 + random.int(5)).map((c) => c.code) : null,
    zone,
    commune_code: commune.code,
    commune_name: commune.name,
    postal_code: null,
    address: '1 rue de la République',
    lat,
    lon,
    places_available: random.chance(0.3) ? random.int(10) : null,
    capacity: null,
    status,
    suspended_until: status === 'suspended' ? '2099-12-31' : null,
    updated_on: '2026-05-01',
    confirmed_at: `2026-0${1 + random.int(5)}-1${random.int(9)}T00:00:00.000Z`,
  });
}

/** Writes `count` offers (and their structures) in one transaction; returns how long it took. */
export async function writeSyntheticCatalogue(db: Kysely<Database>, communes: readonly BenchCommune[], count: number, seed: number, now: Date): Promise<number> {
  const started = performance.now();
  const random = seeded(seed);
  const pickCommune = weightedPicker(communes, (c) => Math.sqrt(Math.max(1, c.population)));
  const byDepartement = new Map<string, BenchCommune[]>();
  for (const c of communes) byDepartement.set(c.departement_code, [...(byDepartement.get(c.departement_code) ?? []), c]);
  await db.transaction().execute(async (trx) => {
    let structureId = '';
    let commune = communes[0]!;
    for (let i = 0; i < count; i++) {
      if (i % OFFERS_PER_STRUCTURE === 0) {
        commune = pickCommune(random);
        structureId = await upsertStructureBySource(
          trx,
          aStructure({
            source: 'bench',
            source_id: `bench-structure-${i / OFFERS_PER_STRUCTURE}`,
            name: `${random.pick(['Association', 'CCAS', 'Maison', 'Collectif', 'Centre social', 'Plateforme'])} ${random.pick(['Solidarité', 'Avenir', 'Entraide', 'Horizon', 'Passerelle', 'Tremplin'])} ${commune.name}`,
            commune_code: commune.code,
            commune_name: commune.name,
            postal_code: null,
            lat: commune.lat,
            lon: commune.lon,
          }),
          now,
        );
      }
      await upsertOfferBySource(trx, offerInput(random, structureId, i, commune, byDepartement.get(commune.departement_code)!), now);
    }
    // The benchmark indexes the whole catalogue itself: the rows the writes enqueued are not needed.
    await trx.deleteFrom('search_outbox').execute();
  });
  return performance.now() - started;
}
