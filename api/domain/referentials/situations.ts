/**
 * Carnet de bord situations (88): the findings of a socio-professional diagnosis, as stored in
 * Carnet de bord's `ref_situation` (labels kept exactly, typos and double spaces included, so they
 * can be matched against imported data). Each situation is attached to one of our barriers (derived
 * from its Carnet de bord theme) and to the d·i thématiques of the offers that answer it.
 *
 * `kind` tells the UI how to present it: `difficulty` is a barrier to lift; `asset` is something the
 * person has (permis B, ordinateur…; its thématiques are the usual next steps); `status` is a neutral
 * fact about the person's situation (locataire du parc social, inscrit à Pôle emploi…).
 */
import { referentialEnum } from './enum-schema.ts';
import { BARRIERS, type Barrier, type BarrierKey } from './barriers.ts';
import type { Thematique } from './thematiques.ts';

/** Carnet de bord themes (`ref_theme`): the 10 barrier themes plus 6 objective-only themes. */
export const CDB_THEMES = [
  'choisir_un_metier',
  'contraintes_familiales',
  'creer_une_entreprise',
  'difficulte_administrative',
  'difficulte_financiere',
  'emploi',
  'formation',
  'logement',
  'maitrise_langue',
  'mobilite',
  'numerique',
  'preparer_sa_candidature',
  's_ouvrir_a_l_international',
  'sante',
  'se_former',
  'trouver_un_emploi',
] as const;
export type CdbTheme = (typeof CDB_THEMES)[number];

const BARRIER_OF_CDB_THEME: Readonly<Record<CdbTheme, BarrierKey>> = {
  choisir_un_metier: 'emploi',
  contraintes_familiales: 'contraintes_familiales',
  creer_une_entreprise: 'emploi',
  difficulte_administrative: 'difficulte_administrative',
  difficulte_financiere: 'difficulte_financiere',
  emploi: 'emploi',
  formation: 'formation',
  logement: 'logement',
  maitrise_langue: 'maitrise_langue',
  mobilite: 'mobilite',
  numerique: 'numerique',
  preparer_sa_candidature: 'emploi',
  s_ouvrir_a_l_international: 'emploi',
  sante: 'sante',
  se_former: 'formation',
  trouver_un_emploi: 'emploi',
};

/** Our barrier for a Carnet de bord theme. */
export function barrierOfCdbTheme(theme: CdbTheme): BarrierKey {
  return BARRIER_OF_CDB_THEME[theme];
}

export const SITUATION_KINDS = ['difficulty', 'asset', 'status'] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

interface SituationDefinition {
  readonly id: string;
  readonly theme: CdbTheme;
  readonly kind: SituationKind;
  readonly label: string;
  readonly thematiques: readonly [Thematique, ...Thematique[]];
}

// Order and labels as in Carnet de bord's ref_situation (theme, then description).
const DEFINITIONS = [
  // contraintes_familiales
  {
    id: 'aidant-familial',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Aidant familial (s’occuper d’un proche)',
    thematiques: ['famille--soutien-aidants', 'famille--prise-en-charge-personne-dependante'],
  },
  {
    id: 'attend-un-enfant',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Attend un enfant ou plus',
    thematiques: [
      'famille--soutien-a-la-parentalite-et-a-leducation',
      'famille--garde-denfants',
      'sante--acces-aux-soins',
    ],
  },
  {
    id: 'autres-contraintes-familiales',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Autres contraintes familiales à prendre en compte',
    thematiques: [
      'famille--garde-denfants',
      'famille--soutien-a-la-parentalite-et-a-leducation',
      'famille--prise-en-charge-personne-dependante',
      'famille--soutien-aidants',
      'famille--surmonter-conflits-separation-violence',
    ],
  },
  {
    id: 'contrainte-horaires',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Contrainte horaires',
    thematiques: ['famille--garde-denfants'],
  },
  {
    id: 'enfants-moins-3-ans-sans-garde',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Enfant(s) de moins de 3 ans sans solution de garde',
    thematiques: ['famille--garde-denfants'],
  },
  {
    id: 'enfant-en-situation-de-handicap',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Enfant(s) en situation de handicap',
    thematiques: [
      'famille--soutien-a-la-parentalite-et-a-leducation',
      'famille--soutien-aidants',
      'famille--garde-denfants',
      'sante--constituer-un-dossier-mdph-invalidite',
    ],
  },
  {
    id: 'sante-dun-enfant',
    theme: 'contraintes_familiales',
    kind: 'difficulty',
    label: 'Problématique de santé d\'un enfant',
    thematiques: [
      'famille--soutien-a-la-parentalite-et-a-leducation',
      'famille--soutien-aidants',
      'sante--acces-aux-soins',
    ],
  },
  // difficulte_administrative
  {
    id: 'guidage-acces-aux-droits',
    theme: 'difficulte_administrative',
    kind: 'difficulty',
    label: 'Besoin d\'être guidé dans le cadre d\'un accès aux droits',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    ],
  },
  {
    id: 'difficulte-juridique',
    theme: 'difficulte_administrative',
    kind: 'difficulty',
    label: 'Difficulté d’ordre juridique',
    thematiques: [
      'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
      'difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination',
    ],
  },
  {
    id: 'avis-dimposition',
    theme: 'difficulte_administrative',
    kind: 'difficulty',
    label: 'Difficulté liée à son avis d’imposition',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
      'numerique--acceder-a-des-services-en-ligne',
    ],
  },
  {
    id: 'justificatif-identite-titre-de-sejour',
    theme: 'difficulte_administrative',
    kind: 'difficulty',
    label: 'Difficulté liée à un justificatif d\'identité / titre de séjour',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
    ],
  },
  {
    id: 'demarche-administrative',
    theme: 'difficulte_administrative',
    kind: 'difficulty',
    label: 'Difficulté liée à une démarche administrative',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
      'numerique--acceder-a-des-services-en-ligne',
    ],
  },
  // difficulte_financiere
  {
    id: 'baisse-des-ressources',
    theme: 'difficulte_financiere',
    kind: 'difficulty',
    label: 'Baisse des ressources',
    thematiques: [
      'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    ],
  },
  {
    id: 'soutien-alimentaire',
    theme: 'difficulte_financiere',
    kind: 'difficulty',
    label: 'Besoin d\'un soutien alimentaire',
    thematiques: ['equipement-et-alimentation--alimentation'],
  },
  {
    id: 'gestion-du-budget',
    theme: 'difficulte_financiere',
    kind: 'difficulty',
    label: 'Difficulté dans la gestion d\'un budget',
    thematiques: [
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
      'difficultes-financieres--acquerir-une-autonomie-budgetaire',
    ],
  },
  {
    id: 'surendettement',
    theme: 'difficulte_financiere',
    kind: 'difficulty',
    label: 'En situation de surendettement',
    thematiques: [
      'difficultes-financieres--situation-dendettement-surendettement',
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
    ],
  },
  {
    id: 'ressources-precaires',
    theme: 'difficulte_financiere',
    kind: 'difficulty',
    label: 'Ressources précaires (inférieures au seuil de pauvreté)',
    thematiques: [
      'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
      'equipement-et-alimentation--alimentation',
      'equipement-et-alimentation--habillement',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    ],
  },
  {
    id: 'sans-ressources',
    theme: 'difficulte_financiere',
    kind: 'difficulty',
    label: 'Sans aucune ressource',
    thematiques: [
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
      'equipement-et-alimentation--alimentation',
      'equipement-et-alimentation--habillement',
      'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere',
    ],
  },
  // emploi
  {
    id: 'travailleur-independant',
    theme: 'emploi',
    kind: 'status',
    label: 'Autoentrepreneur / travailleur indépendant / conjoint collaborateur',
    thematiques: [
      'creer-une-entreprise--developper-son-entreprise',
      'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
    ],
  },
  {
    id: 'disponible-immediatement',
    theme: 'emploi',
    kind: 'asset',
    label: 'Disponible immédiatement',
    thematiques: [
      'trouver-un-emploi--repondre-a-des-offres-demploi',
      'trouver-un-emploi--faire-des-candidatures-spontanees',
      'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
    ],
  },
  {
    id: 'disponible-temps-partiel',
    theme: 'emploi',
    kind: 'status',
    label: 'Disponible à temps partiel',
    thematiques: [
      'trouver-un-emploi--repondre-a-des-offres-demploi',
      'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
    ],
  },
  {
    id: 'projet-dentreprise',
    theme: 'emploi',
    kind: 'status',
    label: 'En projet d\'entreprise',
    thematiques: [
      'creer-une-entreprise--definir-son-projet-de-creation-dentreprise',
      'creer-une-entreprise--structurer-son-projet-de-creation-dentreprise',
    ],
  },
  {
    id: 'indisponible-pour-un-emploi',
    theme: 'emploi',
    kind: 'status',
    label: 'Indisponible pour un emploi dans l\'immédiat',
    thematiques: [
      'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
      'remobilisation--bien-etre-confiance-en-soi',
    ],
  },
  {
    id: 'inscrit-pole-emploi',
    theme: 'emploi',
    kind: 'status',
    label: 'Inscrit à Pôle emploi',
    thematiques: [
      'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
      'trouver-un-emploi--repondre-a-des-offres-demploi',
    ],
  },
  {
    id: 'jamais-travaille',
    theme: 'emploi',
    kind: 'difficulty',
    label: 'Jamais travaillé',
    thematiques: [
      'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
      'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
      'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
      'preparer-sa-candidature--valoriser-ses-competences',
    ],
  },
  {
    id: 'sans-emploi-moins-6-mois',
    theme: 'emploi',
    kind: 'status',
    label: 'Moins de 6 mois sans emploi',
    thematiques: [
      'trouver-un-emploi--repondre-a-des-offres-demploi',
      'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
      'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation',
    ],
  },
  {
    id: 'sans-emploi-plus-1-an',
    theme: 'emploi',
    kind: 'difficulty',
    label: 'Plus d\'1 an sans emploi',
    thematiques: [
      'preparer-sa-candidature--valoriser-ses-competences',
      'preparer-sa-candidature--developper-son-reseau',
      'trouver-un-emploi--repondre-a-des-offres-demploi',
      'remobilisation--bien-etre-confiance-en-soi',
    ],
  },
  {
    id: 'sans-emploi-plus-10-ans',
    theme: 'emploi',
    kind: 'difficulty',
    label: 'Plus de 10 ans sans emploi',
    thematiques: [
      'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
      'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
      'remobilisation--bien-etre-confiance-en-soi',
      'remobilisation--lien-social',
    ],
  },
  {
    id: 'sans-emploi-plus-2-ans',
    theme: 'emploi',
    kind: 'difficulty',
    label: 'Plus de 2 ans sans emploi',
    thematiques: [
      'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
      'preparer-sa-candidature--valoriser-ses-competences',
      'remobilisation--bien-etre-confiance-en-soi',
    ],
  },
  {
    id: 'sans-emploi-plus-5-ans',
    theme: 'emploi',
    kind: 'difficulty',
    label: 'Plus de 5 ans sans emploi',
    thematiques: [
      'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
      'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
      'remobilisation--bien-etre-confiance-en-soi',
      'remobilisation--lien-social',
    ],
  },
  {
    id: 'sans-emploi-plus-6-mois',
    theme: 'emploi',
    kind: 'difficulty',
    label: 'Plus de 6 mois sans emploi',
    thematiques: [
      'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
      'preparer-sa-candidature--valoriser-ses-competences',
      'preparer-sa-candidature--developper-son-reseau',
      'trouver-un-emploi--repondre-a-des-offres-demploi',
    ],
  },
  {
    id: 'emploi-pret-pour-une-formation',
    theme: 'emploi',
    kind: 'status',
    label: 'Prêt  à suivre une formation',
    thematiques: [
      'se-former--trouver-sa-formation',
      'se-former--monter-son-dossier-de-formation',
      'choisir-un-metier--confirmer-son-choix-de-metier',
    ],
  },
  {
    id: 'pret-emploi-avec-accompagnement',
    theme: 'emploi',
    kind: 'status',
    label: 'Prêt pour un emploi avec formations / accompagnement',
    thematiques: [
      'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
      'trouver-un-emploi--repondre-a-des-offres-demploi',
      'trouver-un-emploi--maintien-dans-lemploi',
      'se-former--trouver-sa-formation',
    ],
  },
  // formation
  {
    id: 'formation-deja-identifiee',
    theme: 'formation',
    kind: 'asset',
    label: 'A déjà identifié une formation',
    thematiques: ['se-former--monter-son-dossier-de-formation'],
  },
  {
    id: 'ne-souhaite-pas-de-formation',
    theme: 'formation',
    kind: 'status',
    label: 'Ne souhaite pas suivre une formation',
    thematiques: [
      'preparer-sa-candidature--valoriser-ses-competences',
      'choisir-un-metier--identifier-ses-points-forts-et-ses-competences',
    ],
  },
  {
    id: 'pret-formation-avec-accompagnement',
    theme: 'formation',
    kind: 'status',
    label: 'Prêt pour une formation avec un accompagnement',
    thematiques: [
      'se-former--trouver-sa-formation',
      'se-former--monter-son-dossier-de-formation',
      'choisir-un-metier--confirmer-son-choix-de-metier',
    ],
  },
  {
    id: 'pret-a-suivre-une-formation',
    theme: 'formation',
    kind: 'status',
    label: 'Prêt à suivre une formation',
    thematiques: ['se-former--trouver-sa-formation', 'se-former--monter-son-dossier-de-formation'],
  },
  // logement
  {
    id: 'logement-autre-hotel',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Autre type de logement (hôtel, …)',
    thematiques: [
      'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
      'logement-hebergement--louer-un-logement',
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    ],
  },
  {
    id: 'adapter-le-logement',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Besoin d\'adapter le logement',
    thematiques: [
      'logement-hebergement--se-maintenir-dans-le-logement',
      'sante--constituer-un-dossier-mdph-invalidite',
    ],
  },
  {
    id: 'difficulte-a-payer-le-loyer',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Difficulté à payer le loyer',
    thematiques: [
      'logement-hebergement--reduire-les-impayes-de-loyer',
      'logement-hebergement--se-maintenir-dans-le-logement',
      'difficultes-financieres--ameliorer-sa-gestion-budgetaire',
    ],
  },
  {
    id: 'expulsion-du-logement',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Doit quitter le logement (procédure d\'expulsion, ...)',
    thematiques: [
      'logement-hebergement--se-maintenir-dans-le-logement',
      'logement-hebergement--reduire-les-impayes-de-loyer',
      'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
      'logement-hebergement--changer-de-logement',
    ],
  },
  {
    id: 'habitat-mobile',
    theme: 'logement',
    kind: 'status',
    label: 'Habitat mobile',
    thematiques: [
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    ],
  },
  {
    id: 'hebergement-collectif',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Hébergement collectif de type CHRS, CHU, CPH, CADA, …',
    thematiques: [
      'logement-hebergement--louer-un-logement',
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    ],
  },
  {
    id: 'heberge-domicile-parental',
    theme: 'logement',
    kind: 'status',
    label: 'Hébergé au domicile parental',
    thematiques: [
      'logement-hebergement--louer-un-logement',
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    ],
  },
  {
    id: 'heberge-chez-un-tiers',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Hébergé chez un tiers',
    thematiques: [
      'logement-hebergement--louer-un-logement',
      'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    ],
  },
  {
    id: 'locataire-parc-prive',
    theme: 'logement',
    kind: 'status',
    label: 'Locataire du parc privé',
    thematiques: ['logement-hebergement--se-maintenir-dans-le-logement', 'logement-hebergement--changer-de-logement'],
  },
  {
    id: 'locataire-parc-social',
    theme: 'logement',
    kind: 'status',
    label: 'Locataire du parc social',
    thematiques: ['logement-hebergement--se-maintenir-dans-le-logement', 'logement-hebergement--changer-de-logement'],
  },
  {
    id: 'logement-insalubre',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Logement insalubre',
    thematiques: [
      'logement-hebergement--changer-de-logement',
      'logement-hebergement--se-maintenir-dans-le-logement',
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
    ],
  },
  {
    id: 'proprietaire',
    theme: 'logement',
    kind: 'asset',
    label: 'Propriétaire',
    thematiques: ['logement-hebergement--se-maintenir-dans-le-logement'],
  },
  {
    id: 'sans-hebergement',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Sans hébergement / rupture effective de logement',
    thematiques: [
      'logement-hebergement--rechercher-une-solution-dhebergement-temporaire',
      'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement',
      'logement-hebergement--louer-un-logement',
    ],
  },
  {
    id: 'territoire-rural-isole',
    theme: 'logement',
    kind: 'difficulty',
    label: 'Territoire rural isolé',
    thematiques: [
      'mobilite--mobilite-douce-partagee-collective',
      'mobilite--etre-accompagne-dans-son-parcours-mobilite',
      'remobilisation--lien-social',
    ],
  },
  // maitrise_langue
  {
    id: 'francais-lecture',
    theme: 'maitrise_langue',
    kind: 'difficulty',
    label: 'Difficulté en français en lecture',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'],
  },
  {
    id: 'francais-oral',
    theme: 'maitrise_langue',
    kind: 'difficulty',
    label: 'Difficulté en français à l’oral',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'],
  },
  {
    id: 'francais-ecrit',
    theme: 'maitrise_langue',
    kind: 'difficulty',
    label: 'Difficulté en français à l’écrit',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-francais'],
  },
  {
    id: 'calcul',
    theme: 'maitrise_langue',
    kind: 'difficulty',
    label: 'Difficultés en calcul',
    thematiques: ['lecture-ecriture-calcul--maitriser-le-calcul'],
  },
  {
    id: 'fle',
    theme: 'maitrise_langue',
    kind: 'difficulty',
    label: 'Français Langue Étrangère (FLE) : non maitrise ou en cours d\'apprentissage',
    thematiques: [
      'lecture-ecriture-calcul--maitriser-le-francais',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete',
    ],
  },
  // mobilite
  {
    id: 'aucun-moyen-de-transport',
    theme: 'mobilite',
    kind: 'difficulty',
    label: 'Aucun moyen de transport à disposition',
    thematiques: [
      'mobilite--mobilite-douce-partagee-collective',
      'mobilite--acceder-a-un-vehicule',
      'mobilite--etre-accompagne-dans-son-parcours-mobilite',
      'mobilite--financer-ma-mobilite',
    ],
  },
  {
    id: 'autres-permis',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Autres permis (poids lourd, bus, …)',
    thematiques: ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'],
  },
  {
    id: 'covoiturage',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Co-voiturage',
    thematiques: ['mobilite--mobilite-douce-partagee-collective'],
  },
  {
    id: 'code-obtenu',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Code obtenu',
    thematiques: ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'],
  },
  {
    id: 'dependant-transports-en-commun',
    theme: 'mobilite',
    kind: 'difficulty',
    label: 'Dépendant des transports en commun',
    thematiques: [
      'mobilite--mobilite-douce-partagee-collective',
      'mobilite--financer-ma-mobilite',
      'mobilite--preparer-un-permis',
    ],
  },
  {
    id: 'permis-b',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Permis B',
    thematiques: ['mobilite--acceder-a-un-vehicule', 'mobilite--financer-ma-mobilite'],
  },
  {
    id: 'permis-ou-code-en-cours',
    theme: 'mobilite',
    kind: 'status',
    label: 'Permis et/ou code en cours',
    thematiques: ['mobilite--preparer-un-permis', 'mobilite--financer-ma-mobilite'],
  },
  {
    id: 'permis-non-valide',
    theme: 'mobilite',
    kind: 'difficulty',
    label: 'Permis non valide / suspension de permis',
    thematiques: [
      'mobilite--preparer-un-permis',
      'mobilite--mobilite-douce-partagee-collective',
      'mobilite--etre-accompagne-dans-son-parcours-mobilite',
    ],
  },
  {
    id: 'permis-etranger',
    theme: 'mobilite',
    kind: 'difficulty',
    label: 'Permis étranger (hors EEE)',
    thematiques: [
      'mobilite--preparer-un-permis',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    ],
  },
  {
    id: 'vehicule',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Véhicule (voiture, moto, scooter)',
    thematiques: ['mobilite--entretenir-reparer-son-vehicule', 'mobilite--financer-ma-mobilite'],
  },
  {
    id: 'vehicule-sans-permis',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Véhicule sans permis',
    thematiques: ['mobilite--entretenir-reparer-son-vehicule', 'mobilite--preparer-un-permis'],
  },
  {
    id: 'velo-trottinette-electrique',
    theme: 'mobilite',
    kind: 'asset',
    label: 'Vélo ou trottinette électrique',
    thematiques: ['mobilite--mobilite-douce-partagee-collective', 'mobilite--entretenir-reparer-son-vehicule'],
  },
  {
    id: 'sante-incompatible-conduite',
    theme: 'mobilite',
    kind: 'difficulty',
    label: 'État de santé déclaré rendant incompatible la conduite',
    thematiques: [
      'mobilite--mobilite-douce-partagee-collective',
      'mobilite--etre-accompagne-dans-son-parcours-mobilite',
      'sante--constituer-un-dossier-mdph-invalidite',
    ],
  },
  // numerique
  {
    id: 'sans-messagerie-electronique',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Absence d\'adresse ou d\'utilisation de messagerie électronique',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'],
  },
  {
    id: 'sans-connexion-autre-motif',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Absence de connexion (autre motif)',
    thematiques: ['numerique--acceder-a-une-connexion-internet'],
  },
  {
    id: 'sans-connexion-refus',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Absence de connexion (refus)',
    thematiques: [
      'numerique--acceder-a-des-services-en-ligne',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    ],
  },
  {
    id: 'sans-connexion-zone-blanche',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Absence de connexion (zone blanche)',
    thematiques: ['numerique--acceder-a-une-connexion-internet', 'numerique--acceder-a-des-services-en-ligne'],
  },
  {
    id: 'sans-mobilite-vers-espace-numerique',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Absence de mobilité pour accéder à un espace numérique',
    thematiques: ['numerique--acceder-a-une-connexion-internet', 'numerique--acceder-a-des-services-en-ligne'],
  },
  {
    id: 'sans-equipement-numerique',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Absence d’équipement',
    thematiques: ['numerique--acquerir-un-equipement'],
  },
  {
    id: 'demarches-en-ligne',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'Difficulté a réaliser des démarches administratives en ligne',
    thematiques: [
      'numerique--acceder-a-des-services-en-ligne',
      'numerique--maitriser-les-fondamentaux-du-numerique',
      'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
    ],
  },
  {
    id: 'dispose-ordinateur',
    theme: 'numerique',
    kind: 'asset',
    label: 'Dispose d\'un ordinateur',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  },
  {
    id: 'dispose-smartphone',
    theme: 'numerique',
    kind: 'asset',
    label: 'Dispose d\'un smartphone',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'],
  },
  {
    id: 'dispose-tablette',
    theme: 'numerique',
    kind: 'asset',
    label: 'Dispose d\'une tablette',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'],
  },
  {
    id: 'difficulte-numerique-pix',
    theme: 'numerique',
    kind: 'difficulty',
    label: 'En difficulté sur le numérique (résultat Pix emploi <50%)',
    thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'],
  },
  // sante
  {
    id: 'couverture-sociale-mutuelle',
    theme: 'sante',
    kind: 'difficulty',
    label: 'Couverture sociale / mutuelle à mettre à jour',
    thematiques: [
      'sante--acces-aux-soins',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    ],
  },
  {
    id: 'acces-professionnel-de-sante',
    theme: 'sante',
    kind: 'difficulty',
    label: 'Difficulté déclarée concernant l\'accès à un professionnel de santé',
    thematiques: ['sante--acces-aux-soins'],
  },
  {
    id: 'sante-absences-regulieres',
    theme: 'sante',
    kind: 'difficulty',
    label: 'Difficulté déclarée entrainant des absences régulières',
    thematiques: [
      'sante--acces-aux-soins',
      'sante--constituer-un-dossier-mdph-invalidite',
      'trouver-un-emploi--maintien-dans-lemploi',
    ],
  },
  {
    id: 'sante-entrave-certains-metiers',
    theme: 'sante',
    kind: 'difficulty',
    label: 'Difficulté déclarée entravant l’exercice de certains métiers',
    thematiques: [
      'sante--constituer-un-dossier-mdph-invalidite',
      'choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite',
      'trouver-un-emploi--maintien-dans-lemploi',
    ],
  },
  {
    id: 'sante-reprise-non-immediate',
    theme: 'sante',
    kind: 'difficulty',
    label: 'Difficulté déclarée ne permettant pas de reprendre une activité professionnelle immédiate',
    thematiques: [
      'sante--acces-aux-soins',
      'sante--constituer-un-dossier-mdph-invalidite',
      'remobilisation--bien-etre-confiance-en-soi',
    ],
  },
  {
    id: 'sante-plus-dactivite-possible',
    theme: 'sante',
    kind: 'difficulty',
    label: 'Difficulté déclarée ne permettant plus d’exercer une activité professionnelle',
    thematiques: [
      'sante--constituer-un-dossier-mdph-invalidite',
      'sante--acces-aux-soins',
      'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
    ],
  },
  {
    id: 'sante-sans-entrave-reprise',
    theme: 'sante',
    kind: 'status',
    label: 'Difficulté déclarée n’entravant pas la reprise d’une activité professionnelle',
    thematiques: ['sante--acces-aux-soins'],
  },
  {
    id: 'dossier-mdph',
    theme: 'sante',
    kind: 'status',
    label: 'Existence d\'un dossier MDPH',
    thematiques: ['sante--constituer-un-dossier-mdph-invalidite', 'trouver-un-emploi--maintien-dans-lemploi'],
  },
] as const satisfies readonly SituationDefinition[];

export type SituationId = (typeof DEFINITIONS)[number]['id'];

export interface Situation {
  readonly id: SituationId;
  readonly theme: CdbTheme;
  readonly kind: SituationKind;
  /** The Carnet de bord description, verbatim. */
  readonly label: string;
  readonly barrier: BarrierKey;
  /** d·i thématiques of the offers that answer this situation (at least one). */
  readonly thematiques: readonly Thematique[];
}

export const SITUATIONS: readonly Situation[] = DEFINITIONS.map((d) => ({
  id: d.id,
  theme: d.theme,
  kind: d.kind,
  label: d.label,
  barrier: barrierOfCdbTheme(d.theme),
  thematiques: d.thematiques,
}));

export const SITUATION_IDS = DEFINITIONS.map((d) => d.id) as unknown as readonly [SituationId, ...SituationId[]];

export const situationSchema = referentialEnum(SITUATION_IDS, 'Situation inconnue', 'situation');

const SITUATION_BY_ID = new Map<string, Situation>(SITUATIONS.map((s) => [s.id, s]));

export function situationById(id: SituationId | string): Situation | undefined {
  return SITUATION_BY_ID.get(id);
}

/** Distinct thématiques answering a list of situations (unknown ids ignored), first-seen order. */
export function thematiquesOfSituations(ids: Iterable<SituationId | string>): Thematique[] {
  const out = new Set<Thematique>();
  for (const id of ids) for (const t of SITUATION_BY_ID.get(id)?.thematiques ?? []) out.add(t);
  return [...out];
}

export interface SituationGroup {
  readonly barrier: Barrier;
  readonly situations: readonly Situation[];
}

/** Situations grouped per barrier, in barrier order; every barrier is present (remobilisation has none). */
export function situationsByBarrier(): SituationGroup[] {
  return BARRIERS.map((barrier) => ({
    barrier,
    situations: SITUATIONS.filter((s) => s.barrier === barrier.key),
  }));
}
