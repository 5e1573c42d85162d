/**
 * d·i v1 modes de mobilisation (4), field `Service.modes_mobilisation`.
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const MODES_MOBILISATION = [
  'envoyer-un-courriel',
  'se-presenter',
  'telephoner',
  'utiliser-lien-mobilisation',
] as const;
export type ModeMobilisation = (typeof MODES_MOBILISATION)[number];

export const MODE_MOBILISATION_ENTRIES: readonly ReferentialEntry<ModeMobilisation>[] = [
  {
    value: 'envoyer-un-courriel',
    label: 'Envoyer un courriel',
    description: 'Envoyer un courriel à l’adresse électronique associée au service, ou à défaut, à la structure.',
  },
  {
    value: 'se-presenter',
    label: 'Se présenter',
    description: 'Se présenter directement à l’adresse associée au service ou, à défaut, à la structure.',
  },
  {
    value: 'telephoner',
    label: 'Téléphoner',
    description: 'Téléphoner au numéro associé au service, ou à défaut, à la structure.',
  },
  {
    value: 'utiliser-lien-mobilisation',
    label: 'Utiliser le lien de mobilisation',
    description: 'Utiliser le lien de mobilisation du service.',
  },
];

export const modeMobilisationSchema = referentialEnum(MODES_MOBILISATION, 'Mode de mobilisation inconnu', 'mode de mobilisation');
