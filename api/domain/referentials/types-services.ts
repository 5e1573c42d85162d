/**
 * d·i v1 types de services (6), field `Service.type`. (« Aide materielle » is the upstream spelling.)
 * Values and labels from data·inclusion schema v1.0.8 (public standard).
 */
import { referentialEnum, type ReferentialEntry } from './enum-schema.ts';

export const TYPES_SERVICES = [
  'accompagnement',
  'aide-financiere',
  'aide-materielle',
  'atelier',
  'formation',
  'information',
] as const;
export type TypeService = (typeof TYPES_SERVICES)[number];

export const TYPE_SERVICE_ENTRIES: readonly ReferentialEntry<TypeService>[] = [
  { value: 'accompagnement', label: 'Accompagnement', description: 'Accompagnement global pour le retour à l’emploi' },
  {
    value: 'aide-financiere',
    label: 'Aide financière',
    description: 'Prise en charge financière, aide ou rémunération soutenant le retour à l’emploi',
  },
  {
    value: 'aide-materielle',
    label: 'Aide materielle',
    description: 'Accéder à du matériel soutenant le retour à l’emploi (voiture, vélo, ordinateur, alimentation, etc)',
  },
  {
    value: 'atelier',
    label: 'Atelier',
    description: 'Groupe de travail constitué autour d’une activité, d’un thème soutenant le retour à l’emploi',
  },
  {
    value: 'formation',
    label: 'Formation',
    description: 'Formation dispensée par des professionnels pour les bénéficiaires',
  },
  {
    value: 'information',
    label: 'Information',
    description: 'Premier niveau d’information apporté par des professionnels du secteur',
  },
];

export const typeServiceSchema = referentialEnum(TYPES_SERVICES, 'Type de service inconnu', 'type de service');
