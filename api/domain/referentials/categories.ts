/**
 * d·i v1 catégories de thématiques (16). Used for grouping and as filters; NOT valid as a `thematiques` value.
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const CATEGORIES = [
  'choisir-un-metier',
  'creer-une-entreprise',
  'difficultes-administratives-ou-juridiques',
  'difficultes-financieres',
  'equipement-et-alimentation',
  'famille',
  'lecture-ecriture-calcul',
  'logement-hebergement',
  'mobilite',
  'numerique',
  'preparer-sa-candidature',
  'remobilisation',
  'sante',
  'se-former',
  'souvrir-a-linternational',
  'trouver-un-emploi',
] as const;
export type Categorie = (typeof CATEGORIES)[number];

export const CATEGORIE_ENTRIES: readonly ReferentialEntry<Categorie>[] = [
  { value: 'choisir-un-metier', label: 'Choisir un métier' },
  { value: 'creer-une-entreprise', label: 'Créer une entreprise' },
  { value: 'difficultes-administratives-ou-juridiques', label: 'Difficultés administratives ou juridiques' },
  { value: 'difficultes-financieres', label: 'Difficultés financières' },
  { value: 'equipement-et-alimentation', label: 'Équipement et alimentation' },
  { value: 'famille', label: 'Famille' },
  { value: 'lecture-ecriture-calcul', label: 'Lecture, écriture et calcul' },
  { value: 'logement-hebergement', label: 'Logement et hébergement' },
  { value: 'mobilite', label: 'Mobilité' },
  { value: 'numerique', label: 'Numérique' },
  { value: 'preparer-sa-candidature', label: 'Préparer sa candidature' },
  { value: 'remobilisation', label: 'Remobilisation' },
  { value: 'sante', label: 'Santé' },
  { value: 'se-former', label: 'Se former' },
  { value: 'souvrir-a-linternational', label: 'S’ouvrir à l’international' },
  { value: 'trouver-un-emploi', label: 'Trouver un emploi' },
];

export const categorieSchema = referentialEnum(CATEGORIES, 'Catégorie de thématiques inconnue', 'catégorie');
