/**
 * d·i v1 publics (14), field `Service.publics`. `tous-publics` is exclusive of the others.
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const PUBLICS = [
  'actifs',
  'beneficiaires-des-minimas-sociaux',
  'demandeurs-emploi',
  'etudiants',
  'familles',
  'femmes',
  'jeunes',
  'personnes-en-situation-de-handicap',
  'personnes-en-situation-durgence',
  'personnes-en-situation-juridique-specifique',
  'personnes-exilees',
  'residents-qpv-frr',
  'seniors',
  'tous-publics',
] as const;
export type Public = (typeof PUBLICS)[number];

export const PUBLIC_ENTRIES: readonly ReferentialEntry<Public>[] = [
  {
    value: 'actifs',
    label: 'Actifs',
    description: 'Toute personne ayant un emploi, qu’il soit salarié, libéral ou à son compte',
  },
  {
    value: 'beneficiaires-des-minimas-sociaux',
    label: 'Bénéficiaires des minimas sociaux',
    description: 'Personnes touchant des aides financières telles que RSA, SMIC, allocations familiales, bourses, etc',
  },
  { value: 'demandeurs-emploi', label: 'Demandeurs d’emploi', description: 'Demandeurs d’emploi de tout type' },
  { value: 'etudiants', label: 'Étudiants', description: 'Étudiants' },
  { value: 'familles', label: 'Familles', description: 'Familles, parents, enfants, etc' },
  { value: 'femmes', label: 'Femmes', description: 'Femmes isolées, victimes de violence, etc' },
  { value: 'jeunes', label: 'Jeunes', description: 'Jeunes au sens large, jeunes adultes, adolescents, etc' },
  {
    value: 'personnes-en-situation-de-handicap',
    label: 'Personnes en situation de handicap',
    description: 'Personnes en situation de handicap de tout type',
  },
  {
    value: 'personnes-en-situation-durgence',
    label: 'Personnes en situation d’urgence',
    description: 'SDF, victimes de violence, grande précarité, etc',
  },
  {
    value: 'personnes-en-situation-juridique-specifique',
    label: 'Personnes en situation juridique spécifique',
    description: 'Personnes sortant de détention, détenus ou autre statut juridique spécifique',
  },
  {
    value: 'personnes-exilees',
    label: 'Personnes exilées',
    description: 'Réfugiés, demandeurs d’asile, personnes immigrées, etc',
  },
  {
    value: 'residents-qpv-frr',
    label: 'Résidents en QPV ou FRR',
    description: 'Personnes résidentes en zone Quartier Prioritaire de la Ville ou France Ruralités Revitalisation (anciennement ZRR)',
  },
  { value: 'seniors', label: 'Séniors', description: 'Personnes âgées, retraités, etc' },
  { value: 'tous-publics', label: 'Tous publics', description: 'Tous publics' },
];

export const publicSchema = referentialEnum(PUBLICS, 'Public inconnu', 'public');
