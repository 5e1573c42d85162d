/**
 * d·i v1 personnes mobilisatrices (2), field `Service.mobilisable_par`.
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const PERSONNES_MOBILISATRICES = [
  'professionnels',
  'usagers',
] as const;
export type PersonneMobilisatrice = (typeof PERSONNES_MOBILISATRICES)[number];

export const PERSONNE_MOBILISATRICE_ENTRIES: readonly ReferentialEntry<PersonneMobilisatrice>[] = [
  {
    value: 'professionnels',
    label: 'Professionnels',
    description: 'Service mobilisable par les professionnels de l’insertion.',
  },
  { value: 'usagers', label: 'Usagers', description: 'Service mobilisable par les usagers.' },
];

export const personneMobilisatriceSchema = referentialEnum(PERSONNES_MOBILISATRICES, 'Personne mobilisatrice inconnue', 'personne mobilisatrice');
