/**
 * d·i v1 modes d’accueil (2), field `Service.modes_accueil`.
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const MODES_ACCUEIL = [
  'a-distance',
  'en-presentiel',
] as const;
export type ModeAccueil = (typeof MODES_ACCUEIL)[number];

export const MODE_ACCUEIL_ENTRIES: readonly ReferentialEntry<ModeAccueil>[] = [
  {
    value: 'a-distance',
    label: 'À distance',
    description: 'Le service est proposé à distance, par téléphone ou internet.',
  },
  {
    value: 'en-presentiel',
    label: 'En présentiel',
    description: 'Le service est proposé en présentiel, à l’adresse associée à ce service.',
  },
];

export const modeAccueilSchema = referentialEnum(MODES_ACCUEIL, 'Mode d’accueil inconnu', 'mode d’accueil');
