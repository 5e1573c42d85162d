/**
 * d·i v1 thématiques (69), field `Service.thematiques`. Value format `<categorie>--<sous-thematique>`.
 * Values and labels from data·inclusion schema v1.0.8 (public standard); upstream has no descriptions.
 */
import { referentialEnum } from './enum-schema.ts';
import type { Categorie } from './categories.ts';

export const THEMATIQUES = [
  // choisir-un-metier
  'choisir-un-metier--confirmer-son-choix-de-metier',
  'choisir-un-metier--connaitre-les-opportunites-demploi',
  'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
  'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
  // creer-une-entreprise
  'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
  'creer-une-entreprise--developper-son-entreprise',
  'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
  // difficultes-administratives-ou-juridiques
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
  'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
  'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
  // difficultes-financieres
  'difficultes-financieres--acquerir-une-autonomie-budgetaire',
  'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
  'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
  'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
  'difficultes-financieres--situation-dendettement-surendettement',
  // equipement-et-alimentation
  'equipement-et-alimentation--aide-menagere',
  'equipement-et-alimentation--alimentation',
  'equipement-et-alimentation--electromenager',
  'equipement-et-alimentation--habillement',
  // famille
  'famille--garde-denfants',
  'famille--prise-en-charge-personne-dependante',
  'famille--soutien-a-la-parentalite-et-a-leducation',
  'famille--soutien-aidants',
  'famille--surmonter-conflits-separation-violence',
  // lecture-ecriture-calcul
  'lecture-ecriture-calcul--maitriser-le-calcul',
  'lecture-ecriture-calcul--maitriser-le-francais',
  // logement-hebergement
  'logement-hebergement--acheter-un-logement',
  'logement-hebergement--changer-de-logement',
  'logement-hebergement--louer-un-logement',
  'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
  'logement-hebergement--reduire-les-impayes-de-loyer',
  'logement-hebergement--se-maintenir-dans-le-logement',
  'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
  // mobilite
  'mobilite--acceder-a-un-vehicule',
  'mobilite--entretenir-reparer-son-vehicule',
  'mobilite--etre-accompagne-dans-son-parcours-mobilite',
  'mobilite--financer-ma-mobilite',
  'mobilite--mobilite-douce-partagee-collective',
  'mobilite--preparer-un-permis',
  // numerique
  'numerique--acceder-a-des-services-en-ligne',
  'numerique--acceder-a-une-connexion-internet',
  'numerique--acquerir-un-equipement',
  'numerique--maitriser-les-fondamentaux-du-numerique',
  // preparer-sa-candidature
  'preparer-sa-candidature--developper-son-reseau',
  'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
  'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
  'preparer-sa-candidature--valoriser-ses-competences',
  // remobilisation
  'remobilisation--activites-sportives-et-culturelles',
  'remobilisation--benevolat-action-citoyenne',
  'remobilisation--bien-etre-confiance-en-soi',
  'remobilisation--lien-social',
  // sante
  'sante--acces-aux-soins',
  'sante--addictions',
  'sante--constituer-un-dossier-mdph-invalidite',
  'sante--sante-mentale',
  'sante--sante-sexuelle',
  // se-former
  'se-former--monter-son-dossier-de-formation',
  'se-former--trouver-sa-formation',
  // souvrir-a-linternational
  'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
  'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
  'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
  // trouver-un-emploi
  'trouver-un-emploi--convaincre-un-recruteur-en-entretien',
  'trouver-un-emploi--faire-des-candidatures-spontanees',
  'trouver-un-emploi--maintien-dans-lemploi',
  'trouver-un-emploi--repondre-a-des-offres-demploi',
  'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
] as const;
export type Thematique = (typeof THEMATIQUES)[number];

export interface ThematiqueEntry {
  readonly value: Thematique;
  readonly label: string;
  /** The catégorie, i.e. the part of the value before `--`. */
  readonly category: Categorie;
}

export const THEMATIQUE_ENTRIES: readonly ThematiqueEntry[] = [
  {
    value: 'choisir-un-metier--confirmer-son-choix-de-metier',
    label: 'Confirmer son choix de métier',
    category: 'choisir-un-metier',
  },
  {
    value: 'choisir-un-metier--connaitre-les-opportunites-demploi',
    label: 'Connaître les opportunités d’emploi',
    category: 'choisir-un-metier',
  },
  {
    value: 'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
    label: 'Découvrir un métier ou un secteur d’activité',
    category: 'choisir-un-metier',
  },
  {
    value: 'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
    label: 'Identifier ses points forts et ses compétences',
    category: 'choisir-un-metier',
  },
  {
    value: 'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
    label: 'Définir son projet de création d’entreprise',
    category: 'creer-une-entreprise',
  },
  {
    value: 'creer-une-entreprise--developper-son-entreprise',
    label: 'Développer son entreprise',
    category: 'creer-une-entreprise',
  },
  {
    value: 'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
    label: 'Structurer son projet de création d’entreprise',
    category: 'creer-une-entreprise',
  },
  {
    value: 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    label: 'Accompagnement aux démarches administratives',
    category: 'difficultes-administratives-ou-juridiques',
  },
  {
    value: 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
    label: 'Accompagnement pour l’accès à la citoyenneté',
    category: 'difficultes-administratives-ou-juridiques',
  },
  {
    value: 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    label: 'Accompagnement pour l’accès aux droits',
    category: 'difficultes-administratives-ou-juridiques',
  },
  {
    value: 'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte',
    label: 'Bénéficier d’une mesure d’accompagnement adapté',
    category: 'difficultes-administratives-ou-juridiques',
  },
  {
    value: 'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
    label: 'Connaître ses droits face à une discrimination',
    category: 'difficultes-administratives-ou-juridiques',
  },
  {
    value: 'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
    label: 'Prendre en compte une problématique judiciaire',
    category: 'difficultes-administratives-ou-juridiques',
  },
  {
    value: 'difficultes-financieres--acquerir-une-autonomie-budgetaire',
    label: 'Acquérir une autonomie budgétaire',
    category: 'difficultes-financieres',
  },
  {
    value: 'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
    label: 'Améliorer sa gestion budgétaire',
    category: 'difficultes-financieres',
  },
  {
    value: 'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere',
    label: 'Mettre en place une mesure de protection financière',
    category: 'difficultes-financieres',
  },
  {
    value: 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    label: 'Prévenir une dégradation de la situation financière',
    category: 'difficultes-financieres',
  },
  {
    value: 'difficultes-financieres--situation-dendettement-surendettement',
    label: 'Situation d’endettement ou de surendettement',
    category: 'difficultes-financieres',
  },
  {
    value: 'equipement-et-alimentation--aide-menagere',
    label: 'Aide ménagère',
    category: 'equipement-et-alimentation',
  },
  { value: 'equipement-et-alimentation--alimentation', label: 'Alimentation', category: 'equipement-et-alimentation' },
  {
    value: 'equipement-et-alimentation--electromenager',
    label: 'Électroménager',
    category: 'equipement-et-alimentation',
  },
  { value: 'equipement-et-alimentation--habillement', label: 'Habillement', category: 'equipement-et-alimentation' },
  { value: 'famille--garde-denfants', label: 'Garde d’enfants', category: 'famille' },
  {
    value: 'famille--prise-en-charge-personne-dependante',
    label: 'Prise en charge d’une personne dépendante',
    category: 'famille',
  },
  {
    value: 'famille--soutien-a-la-parentalite-et-a-leducation',
    label: 'Soutien à la parentalité et à l’éducation',
    category: 'famille',
  },
  { value: 'famille--soutien-aidants', label: 'Soutien aux aidants', category: 'famille' },
  {
    value: 'famille--surmonter-conflits-separation-violence',
    label: 'Surmonter les conflits liés à la séparation ou à la violence',
    category: 'famille',
  },
  {
    value: 'lecture-ecriture-calcul--maitriser-le-calcul',
    label: 'Maîtriser le calcul',
    category: 'lecture-ecriture-calcul',
  },
  {
    value: 'lecture-ecriture-calcul--maitriser-le-francais',
    label: 'Maîtriser le français',
    category: 'lecture-ecriture-calcul',
  },
  {
    value: 'logement-hebergement--acheter-un-logement',
    label: 'Acheter un logement',
    category: 'logement-hebergement',
  },
  {
    value: 'logement-hebergement--changer-de-logement',
    label: 'Changer de logement',
    category: 'logement-hebergement',
  },
  { value: 'logement-hebergement--louer-un-logement', label: 'Louer un logement', category: 'logement-hebergement' },
  {
    value: 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
    label: 'Rechercher une solution d’hébergement temporaire',
    category: 'logement-hebergement',
  },
  {
    value: 'logement-hebergement--reduire-les-impayes-de-loyer',
    label: 'Réduire les impayés de loyer',
    category: 'logement-hebergement',
  },
  {
    value: 'logement-hebergement--se-maintenir-dans-le-logement',
    label: 'Se maintenir dans le logement',
    category: 'logement-hebergement',
  },
  {
    value: 'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    label: 'S’informer sur les démarches liées à l’accès au logement',
    category: 'logement-hebergement',
  },
  { value: 'mobilite--acceder-a-un-vehicule', label: 'Accéder à un véhicule', category: 'mobilite' },
  {
    value: 'mobilite--entretenir-reparer-son-vehicule',
    label: 'Entretenir et réparer son véhicule',
    category: 'mobilite',
  },
  {
    value: 'mobilite--etre-accompagne-dans-son-parcours-mobilite',
    label: 'Être accompagné dans son parcours mobilité',
    category: 'mobilite',
  },
  { value: 'mobilite--financer-ma-mobilite', label: 'Financer ma mobilité', category: 'mobilite' },
  {
    value: 'mobilite--mobilite-douce-partagee-collective',
    label: 'Utiliser des services de mobilité douce, partagée ou collective',
    category: 'mobilite',
  },
  { value: 'mobilite--preparer-un-permis', label: 'Préparer un permis', category: 'mobilite' },
  {
    value: 'numerique--acceder-a-des-services-en-ligne',
    label: 'Accéder à des services en ligne',
    category: 'numerique',
  },
  {
    value: 'numerique--acceder-a-une-connexion-internet',
    label: 'Accéder à une connexion Internet',
    category: 'numerique',
  },
  { value: 'numerique--acquerir-un-equipement', label: 'Acquérir un équipement', category: 'numerique' },
  {
    value: 'numerique--maitriser-les-fondamentaux-du-numerique',
    label: 'Maîtriser les fondamentaux du numérique',
    category: 'numerique',
  },
  {
    value: 'preparer-sa-candidature--developper-son-reseau',
    label: 'Développer son réseau',
    category: 'preparer-sa-candidature',
  },
  {
    value: 'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
    label: 'Organiser ses démarches de recherche d’emploi',
    category: 'preparer-sa-candidature',
  },
  {
    value: 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
    label: 'Réaliser un CV et/ou une lettre de motivation',
    category: 'preparer-sa-candidature',
  },
  {
    value: 'preparer-sa-candidature--valoriser-ses-competences',
    label: 'Valoriser ses compétences',
    category: 'preparer-sa-candidature',
  },
  {
    value: 'remobilisation--activites-sportives-et-culturelles',
    label: 'Activités sportives et culturelles',
    category: 'remobilisation',
  },
  {
    value: 'remobilisation--benevolat-action-citoyenne',
    label: 'Bénévolat et action citoyenne',
    category: 'remobilisation',
  },
  {
    value: 'remobilisation--bien-etre-confiance-en-soi',
    label: 'Bien-être et confiance en soi',
    category: 'remobilisation',
  },
  { value: 'remobilisation--lien-social', label: 'Lien social', category: 'remobilisation' },
  { value: 'sante--acces-aux-soins', label: 'Accès aux soins', category: 'sante' },
  { value: 'sante--addictions', label: 'Addictions', category: 'sante' },
  {
    value: 'sante--constituer-un-dossier-mdph-invalidite',
    label: 'Constituer un dossier MDPH pour invalidité',
    category: 'sante',
  },
  { value: 'sante--sante-mentale', label: 'Santé mentale', category: 'sante' },
  { value: 'sante--sante-sexuelle', label: 'Santé sexuelle', category: 'sante' },
  {
    value: 'se-former--monter-son-dossier-de-formation',
    label: 'Monter son dossier de formation',
    category: 'se-former',
  },
  { value: 'se-former--trouver-sa-formation', label: 'Trouver sa formation', category: 'se-former' },
  {
    value: 'souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger',
    label: 'Connaître les opportunités d’emploi à l’étranger',
    category: 'souvrir-a-linternational',
  },
  {
    value: 'souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger',
    label: 'S’informer sur les aides pour travailler à l’étranger',
    category: 'souvrir-a-linternational',
  },
  {
    value: 'souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france',
    label: 'S’organiser suite à son retour en France',
    category: 'souvrir-a-linternational',
  },
  {
    value: 'trouver-un-emploi--convaincre-un-recruteur-en-entretien',
    label: 'Convaincre un recruteur en entretien',
    category: 'trouver-un-emploi',
  },
  {
    value: 'trouver-un-emploi--faire-des-candidatures-spontanees',
    label: 'Faire des candidatures spontanées',
    category: 'trouver-un-emploi',
  },
  { value: 'trouver-un-emploi--maintien-dans-lemploi', label: 'Maintien dans l’emploi', category: 'trouver-un-emploi' },
  {
    value: 'trouver-un-emploi--repondre-a-des-offres-demploi',
    label: 'Répondre à des offres d’emploi',
    category: 'trouver-un-emploi',
  },
  {
    value: 'trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs',
    label: 'Suivre ses candidatures et relancer les employeurs',
    category: 'trouver-un-emploi',
  },
];

export const thematiqueSchema = referentialEnum(THEMATIQUES, 'Thématique inconnue', 'thématique');

const THEMATIQUE_SET: ReadonlySet<string> = new Set(THEMATIQUES);

export function isThematique(value: string): value is Thematique {
  return THEMATIQUE_SET.has(value);
}

/** The catégorie of a thématique (derived from its value). */
export function categorieOfThematique(t: Thematique): Categorie {
  return t.slice(0, t.indexOf('--')) as Categorie;
}

/** Every thématique of a catégorie, in referential order. */
export function thematiquesOfCategorie(c: Categorie): Thematique[] {
  return THEMATIQUES.filter((t) => categorieOfThematique(t) === c);
}
