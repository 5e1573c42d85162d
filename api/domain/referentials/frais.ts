/**
 * d·i v1 frais (2), field `Service.frais` (single value).
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const FRAIS = [
  'gratuit',
  'payant',
] as const;
export type Frais = (typeof FRAIS)[number];

export const FRAIS_ENTRIES: readonly ReferentialEntry<Frais>[] = [
  { value: 'gratuit', label: 'Gratuit', description: 'L’accès au lieu et/ou à ses services est gratuit' },
  { value: 'payant', label: 'Payant', description: 'L’accès au lieu et/ou à ses services est payant' },
];

export const fraisSchema = referentialEnum(FRAIS, 'Valeur de frais inconnue', 'frais');
