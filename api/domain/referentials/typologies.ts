/**
 * Our own structure typology (field `Structure.typology`). Not a d·i referential: d·i v1 encodes
 * networks (`reseaux_porteurs`) instead, and has no value for a generic association.
 * `reseaux_porteurs` gives the d·i networks a structure of this typology normally belongs to
 * (suggested mapping, data·inclusion anchors §5.11); empty when there is no d·i equivalent.
 */
import { referentialEnum } from './enum-schema.ts';
import type { ReseauPorteur } from './reseaux-porteurs.ts';

export const TYPOLOGIES = [
  'aci',
  'ai',
  'ei',
  'etti',
  'geiq',
  'ebe',
  'ea',
  'esat',
  'association',
  'ccas',
  'cias',
  'centre-social',
  'plateforme-mobilite',
  'creche-avip',
  'creche',
  'france-services',
  'mission-locale',
  'france-travail',
  'cap-emploi',
  'plie',
  'departement',
  'mds',
  'caf',
  'msa',
  'commune',
  'epci',
  'centre-sante',
  'cmp',
  'pass-hopital',
  'csapa',
  'organisme-formation',
  'e2c',
  'chrs',
  'fjt',
  'bailleur-social',
  'cidff',
  'udaf',
  'epicerie-sociale',
  'tiers-lieu',
  'mdph',
  'securite-sociale',
  'chambre-consulaire',
  'region',
  'autre',
] as const;
export type Typology = (typeof TYPOLOGIES)[number];

export interface TypologyEntry {
  readonly value: Typology;
  readonly label: string;
  /** Default d·i réseaux porteurs for export (may be refined per structure). */
  readonly reseaux_porteurs: readonly ReseauPorteur[];
}

export const TYPOLOGY_ENTRIES: readonly TypologyEntry[] = [
  { value: 'aci', label: 'Atelier et chantier d’insertion (ACI)', reseaux_porteurs: ['aci'] },
  { value: 'ai', label: 'Association intermédiaire (AI)', reseaux_porteurs: ['ai'] },
  { value: 'ei', label: 'Entreprise d’insertion (EI)', reseaux_porteurs: ['ei'] },
  { value: 'etti', label: 'Entreprise de travail temporaire d’insertion (ETTI)', reseaux_porteurs: ['etti'] },
  {
    value: 'geiq',
    label: 'Groupement d’employeurs pour l’insertion et la qualification (GEIQ)',
    reseaux_porteurs: ['geiq'],
  },
  { value: 'ebe', label: 'Entreprise à but d’emploi (EBE, Territoires zéro chômeur)', reseaux_porteurs: ['etcld'] },
  { value: 'ea', label: 'Entreprise adaptée (EA)', reseaux_porteurs: ['ea'] },
  {
    value: 'esat',
    label: 'Établissement et service d’accompagnement par le travail (ESAT)',
    reseaux_porteurs: ['esat'],
  },
  { value: 'association', label: 'Association', reseaux_porteurs: [] },
  { value: 'ccas', label: 'Centre communal d’action sociale (CCAS)', reseaux_porteurs: ['ccas-cias'] },
  { value: 'cias', label: 'Centre intercommunal d’action sociale (CIAS)', reseaux_porteurs: ['ccas-cias'] },
  { value: 'centre-social', label: 'Centre social', reseaux_porteurs: ['fcsf'] },
  { value: 'plateforme-mobilite', label: 'Plateforme mobilité', reseaux_porteurs: [] },
  {
    value: 'creche-avip',
    label: 'Crèche à vocation d’insertion professionnelle (AVIP)',
    reseaux_porteurs: ['creches-avip'],
  },
  { value: 'creche', label: 'Crèche ou multi-accueil', reseaux_porteurs: [] },
  { value: 'france-services', label: 'France services', reseaux_porteurs: ['france-service'] },
  { value: 'mission-locale', label: 'Mission locale', reseaux_porteurs: ['mission-locale'] },
  { value: 'france-travail', label: 'France Travail', reseaux_porteurs: ['france-travail'] },
  { value: 'cap-emploi', label: 'Cap emploi', reseaux_porteurs: ['cap-emploi-reseau-cheops'] },
  { value: 'plie', label: 'Plan local pour l’insertion et l’emploi (PLIE)', reseaux_porteurs: ['plie'] },
  { value: 'departement', label: 'Conseil départemental', reseaux_porteurs: ['departements'] },
  {
    value: 'mds',
    label: 'Maison départementale des solidarités (MDS) / centre médico-social',
    // Upstream asks for both networks on an MDS.
    reseaux_porteurs: ['maisons-des-solidarites', 'departements'],
  },
  { value: 'caf', label: 'Caisse d’allocations familiales (CAF)', reseaux_porteurs: ['caf'] },
  { value: 'msa', label: 'Mutualité sociale agricole (MSA)', reseaux_porteurs: ['mutualite-sociale-agricole'] },
  { value: 'commune', label: 'Commune ou mairie', reseaux_porteurs: ['communes'] },
  // d·i `communes` also covers « communautés de communes ».
  { value: 'epci', label: 'Intercommunalité (EPCI)', reseaux_porteurs: ['communes'] },
  { value: 'centre-sante', label: 'Centre de santé', reseaux_porteurs: [] },
  { value: 'cmp', label: 'Centre médico-psychologique (CMP)', reseaux_porteurs: ['cmp'] },
  { value: 'pass-hopital', label: 'Permanence d’accès aux soins de santé (PASS)', reseaux_porteurs: [] },
  {
    value: 'csapa',
    label: 'Centre de soins, d’accompagnement et de prévention en addictologie (CSAPA)',
    reseaux_porteurs: ['csapa'],
  },
  { value: 'organisme-formation', label: 'Organisme de formation', reseaux_porteurs: [] },
  { value: 'e2c', label: 'École de la 2e chance (E2C)', reseaux_porteurs: ['ecoles-de-la-deuxieme-chance'] },
  {
    value: 'chrs',
    label: 'Centre d’hébergement et de réinsertion sociale (CHRS)',
    reseaux_porteurs: ['chrs'],
  },
  { value: 'fjt', label: 'Foyer de jeunes travailleurs (FJT)', reseaux_porteurs: ['residences-fjt'] },
  { value: 'bailleur-social', label: 'Bailleur social', reseaux_porteurs: [] },
  {
    value: 'cidff',
    label: 'Centre d’information sur les droits des femmes et des familles (CIDFF)',
    reseaux_porteurs: ['cidff'],
  },
  {
    value: 'udaf',
    label: 'Union départementale des associations familiales (UDAF)',
    // The d·i description of `departements` explicitly lists the UDAF.
    reseaux_porteurs: ['departements'],
  },
  { value: 'epicerie-sociale', label: 'Épicerie sociale et solidaire', reseaux_porteurs: [] },
  { value: 'tiers-lieu', label: 'Tiers-lieu', reseaux_porteurs: [] },
  { value: 'mdph', label: 'Maison départementale des personnes handicapées (MDPH)', reseaux_porteurs: ['mdph'] },
  { value: 'securite-sociale', label: 'Organisme de sécurité sociale (CPAM, Carsat)', reseaux_porteurs: [] },
  { value: 'chambre-consulaire', label: 'Chambre consulaire (CCI, CMA, chambre d’agriculture)', reseaux_porteurs: ['chambres-consulaires'] },
  { value: 'region', label: 'Conseil régional', reseaux_porteurs: ['regions'] },
  { value: 'autre', label: 'Autre', reseaux_porteurs: [] },
];

export const typologySchema = referentialEnum(TYPOLOGIES, 'Type de structure inconnu', 'type de structure');
