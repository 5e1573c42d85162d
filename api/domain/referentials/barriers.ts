/**
 * Barriers (« freins »): the 10 Carnet de bord themes plus `remobilisation`.
 * Each barrier is a set of d·i catégories and covers EVERY thématique of them; the thématiques
 * are derived from the catégories, never listed by hand. Each catégorie belongs to exactly one barrier.
 */
import { referentialEnum } from './enum-schema.ts';
import type { Categorie } from './categories.ts';
import { categorieOfThematique, isThematique, thematiquesOfCategorie, type Thematique } from './thematiques.ts';

export const BARRIER_KEYS = [
  'mobilite',
  'contraintes_familiales',
  'sante',
  'logement',
  'maitrise_langue',
  'numerique',
  'difficulte_administrative',
  'difficulte_financiere',
  'emploi',
  'formation',
  'remobilisation',
] as const;
export type BarrierKey = (typeof BARRIER_KEYS)[number];

/** Icon names the UI maps to its own icon set. */
export type BarrierIcon =
  | 'car'
  | 'child'
  | 'health'
  | 'home'
  | 'book'
  | 'laptop'
  | 'file'
  | 'euro'
  | 'briefcase'
  | 'school'
  | 'sun';

export interface Barrier {
  readonly key: BarrierKey;
  readonly label: string;
  readonly description: string;
  readonly icon: BarrierIcon;
  readonly categories: readonly Categorie[];
  /** Every thématique of `categories`, in referential order. */
  readonly thematiques: readonly Thematique[];
}

type BarrierDefinition = Omit<Barrier, 'thematiques'>;

const DEFINITIONS: readonly BarrierDefinition[] = [
  {
    key: 'mobilite',
    label: 'Mobilité',
    description: 'Se déplacer pour travailler ou se former : permis, véhicule, transports, aides à la mobilité.',
    icon: 'car',
    categories: ['mobilite'],
  },
  {
    key: 'contraintes_familiales',
    label: 'Garde d’enfants et contraintes familiales',
    description: 'Faire garder ses enfants, s’occuper d’un proche, traverser une séparation ou des difficultés familiales.',
    icon: 'child',
    categories: ['famille'],
  },
  {
    key: 'sante',
    label: 'Santé',
    description: 'Accéder aux soins, prendre soin de sa santé mentale, faire face à une addiction, constituer un dossier MDPH.',
    icon: 'health',
    categories: ['sante'],
  },
  {
    key: 'logement',
    label: 'Logement',
    description: 'Trouver un logement ou un hébergement, s’y maintenir, faire face aux impayés de loyer.',
    icon: 'home',
    categories: ['logement-hebergement'],
  },
  {
    key: 'maitrise_langue',
    label: 'Maîtrise du français et savoirs de base',
    description: 'Apprendre ou améliorer le français (FLE, illettrisme), la lecture, l’écriture et le calcul.',
    icon: 'book',
    categories: ['lecture-ecriture-calcul'],
  },
  {
    key: 'numerique',
    label: 'Numérique',
    description: 'S’équiper, se connecter à Internet, apprendre les bases et faire ses démarches en ligne.',
    icon: 'laptop',
    categories: ['numerique'],
  },
  {
    key: 'difficulte_administrative',
    label: 'Démarches administratives',
    description: 'Accéder à ses droits, obtenir ses papiers, être aidé dans ses démarches ou face à une question juridique.',
    icon: 'file',
    categories: ['difficultes-administratives-ou-juridiques'],
  },
  {
    key: 'difficulte_financiere',
    label: 'Difficultés financières',
    description: 'Gérer son budget, faire face aux dettes, trouver une aide alimentaire ou matérielle.',
    icon: 'euro',
    categories: ['difficultes-financieres', 'equipement-et-alimentation'],
  },
  {
    key: 'emploi',
    label: 'Emploi',
    description: 'Choisir un métier, préparer sa candidature, trouver un emploi, créer son activité.',
    icon: 'briefcase',
    categories: [
      'trouver-un-emploi',
      'preparer-sa-candidature',
      'choisir-un-metier',
      'creer-une-entreprise',
      'souvrir-a-linternational',
    ],
  },
  {
    key: 'formation',
    label: 'Formation',
    description: 'Trouver une formation et monter son dossier de formation.',
    icon: 'school',
    categories: ['se-former'],
  },
  {
    key: 'remobilisation',
    label: 'Remobilisation et confiance en soi',
    description: 'Rompre l’isolement, reprendre confiance, pratiquer des activités sportives, culturelles ou bénévoles.',
    icon: 'sun',
    categories: ['remobilisation'],
  },
];

export const BARRIERS: readonly Barrier[] = DEFINITIONS.map((d) => ({
  ...d,
  thematiques: d.categories.flatMap((c) => thematiquesOfCategorie(c)),
}));

export const barrierSchema = referentialEnum(BARRIER_KEYS, 'Frein inconnu', 'frein');

const BARRIER_BY_KEY = new Map<BarrierKey, Barrier>(BARRIERS.map((b) => [b.key, b]));
const BARRIER_BY_CATEGORIE = new Map<Categorie, BarrierKey>(
  BARRIERS.flatMap((b) => b.categories.map((c) => [c, b.key] as const)),
);

export function barrierByKey(key: BarrierKey): Barrier {
  const barrier = BARRIER_BY_KEY.get(key);
  if (!barrier) throw new Error(`Unknown barrier: ${key}`);
  return barrier;
}

/** The barrier whose catégories contain this thématique; undefined for an unknown value. */
export function barrierOfThematique(t: Thematique | string): BarrierKey | undefined {
  if (!isThematique(t)) return undefined;
  return BARRIER_BY_CATEGORIE.get(categorieOfThematique(t));
}

/** The barrier a catégorie belongs to. */
export function barrierOfCategorie(c: Categorie): BarrierKey | undefined {
  return BARRIER_BY_CATEGORIE.get(c);
}

/** Every thématique the barrier covers. */
export function thematiquesOfBarrier(key: BarrierKey): readonly Thematique[] {
  return barrierByKey(key).thematiques;
}

/** The distinct barriers of a list of thématiques, in barrier order (unknown values ignored). */
export function barriersOfThematiques(ts: Iterable<Thematique | string>): BarrierKey[] {
  const found = new Set<BarrierKey>();
  for (const t of ts) {
    const key = barrierOfThematique(t);
    if (key) found.add(key);
  }
  return BARRIER_KEYS.filter((k) => found.has(k));
}
