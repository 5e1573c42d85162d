/**
 * The French insertion lexicon: groups of words and phrases a mairie agent, a referent or a
 * beneficiary uses for the same thing. Within a group every entry is equivalent (mutual synonyms):
 * searching one finds actions described with any other. Plain data, shared by both engines.
 *
 * Rules the lexicon test enforces: entries are lower case and trimmed; once normalised (no accents,
 * no stop words: see `lexiconKey`) no entry appears in two groups, so each entry has one meaning.
 * Generic words that name several needs ("aide", "accompagnement", "entretien") stay out of the
 * lexicon: as synonyms they would drag unrelated actions into every search.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // ── Contraintes familiales ──
  ['crèche', 'garde d’enfants', 'mode de garde', 'halte-garderie', 'assistante maternelle', 'micro-crèche', 'garderie', 'nounou', 'multi-accueil', 'accueil petite enfance'],
  ['parentalité', 'soutien à la parentalité', 'lieu d’accueil enfants parents', 'laep', 'relation parent enfant'],
  ['aidant', 'proche aidant', 'aidants familiaux', 'soutien aux aidants', 'personne dépendante'],
  ['violences conjugales', 'violences intrafamiliales', 'femmes victimes de violences', 'violences faites aux femmes'],
  ['séparation', 'divorce', 'médiation familiale'],
  // ── Mobilité ──
  ['permis', 'permis de conduire', 'permis b', 'auto-école', 'auto-école sociale', 'code de la route', 'école de conduite'],
  ['vélo', 'deux-roues', 'scooter', 'mobylette', 'cyclomoteur', 'vélo électrique', 'vélo à assistance électrique'],
  ['covoiturage', 'transport solidaire', 'transport à la demande', 'tad', 'navette', 'autopartage'],
  ['garage solidaire', 'garage social', 'réparation de véhicule', 'entretien du véhicule', 'mécanique solidaire'],
  ['location solidaire', 'location de véhicule', 'prêt de véhicule', 'location de voiture', 'voiture sans permis'],
  ['plateforme mobilité', 'conseil en mobilité', 'bilan mobilité', 'diagnostic mobilité', 'se déplacer'],
  // ── Santé ──
  ['cmp', 'centre médico-psychologique', 'santé mentale', 'psychologue', 'psychiatre', 'soutien psychologique', 'souffrance psychique'],
  ['addiction', 'addictologie', 'alcool', 'drogue', 'toxicomanie', 'csapa', 'caarud'],
  ['cpam', 'assurance maladie', 'css', 'complémentaire santé', 'complémentaire santé solidaire', 'cmu', 'mutuelle', 'carte vitale', 'ame'],
  ['mdph', 'handicap', 'rqth', 'reconnaissance travailleur handicapé', 'travailleur handicapé', 'aah', 'cap emploi'],
  ['accès aux soins', 'bilan de santé', 'médecin', 'soins', 'pass', 'permanence d’accès aux soins de santé', 'centre de santé'],
  // ── Logement ──
  ['logement', 'hébergement', 'toit', 'se loger', 'logement social', 'hlm', 'bailleur social'],
  ['hébergement d’urgence', '115', 'mise à l’abri', 'sans abri', 'sans domicile', 'sdf', 'samu social', 'chrs'],
  ['impayés de loyer', 'dette de loyer', 'expulsion', 'maintien dans le logement', 'fsl', 'fonds de solidarité logement'],
  ['précarité énergétique', 'chèque énergie', 'facture d’énergie', 'facture d’électricité'],
  ['domiciliation', 'adresse postale', 'élection de domicile'],
  // ── Maîtrise de la langue ──
  ['fle', 'français langue étrangère', 'apprendre le français', 'cours de français', 'alphabétisation', 'ateliers sociolinguistiques', 'asl'],
  ['illettrisme', 'savoirs de base', 'lecture écriture', 'compétences de base', 'savoirs fondamentaux', 'remise à niveau', 'lire écrire compter', 'cléa'],
  // ── Numérique ──
  ['numérique', 'informatique', 'ordinateur', 'internet', 'inclusion numérique', 'outils numériques', 'bureautique'],
  ['conseiller numérique', 'aidant numérique', 'aidants connect', 'médiation numérique', 'médiateur numérique', 'epn', 'espace public numérique'],
  ['matériel informatique', 'ordinateur reconditionné', 'tablette', 'smartphone', 'téléphone portable'],
  ['connexion internet', 'accès internet', 'wifi', 'box internet'],
  // ── Difficultés administratives ──
  ['démarches administratives', 'papiers', 'accès aux droits', 'écrivain public', 'france services', 'dossier administratif'],
  ['caf', 'caisse d’allocations familiales', 'allocations familiales', 'apl', 'aide au logement', 'prime d’activité'],
  ['rsa', 'revenu de solidarité active', 'allocataire du rsa', 'bénéficiaire du rsa', 'brsa', 'minima sociaux'],
  ['justice', 'spip', 'sortant de prison', 'détenu', 'placement sous main de justice', 'ppsmj', 'problématique judiciaire'],
  ['réfugié', 'demandeur d’asile', 'exilé', 'primo-arrivant', 'migrant', 'contrat d’intégration républicaine', 'ofii'],
  ['tutelle', 'curatelle', 'mesure de protection', 'mandataire judiciaire', 'masp', 'protection juridique des majeurs'],
  // ── Difficultés financières ──
  ['budget', 'surendettement', 'dettes', 'endettement', 'gestion budgétaire', 'point conseil budget', 'pcb'],
  ['microcrédit', 'micro-crédit', 'prêt personnel', 'crédit solidaire'],
  ['épicerie sociale', 'épicerie solidaire', 'aide alimentaire', 'colis', 'colis alimentaire', 'banque alimentaire', 'restos du cœur', 'distribution alimentaire'],
  ['vêtements', 'habillement', 'vestiaire solidaire', 'friperie'],
  ['électroménager', 'meubles', 'mobilier', 'ressourcerie', 'recyclerie', 'équipement de la maison'],
  // ── Emploi ──
  ['france travail', 'pôle emploi', 'anpe', 'ft'],
  ['mission locale', 'jeunes 16-25 ans', 'ml', 'jeunes de moins de 26 ans'],
  ['contrat d’engagement jeune', 'cej', 'garantie jeunes'],
  ['cv', 'curriculum vitae', 'lettre de motivation'],
  ['entretien d’embauche', 'entretien de recrutement', 'simulation d’entretien', 'préparer un entretien'],
  ['trouver un emploi', 'recherche d’emploi', 'chercher du travail', 'job', 'boulot', 'retour à l’emploi'],
  ['emploi saisonnier', 'saisonnier', 'travail saisonnier', 'vendanges', 'cueillette'],
  ['créer son entreprise', 'création d’entreprise', 'auto-entrepreneur', 'micro-entreprise', 'entrepreneuriat', 'couveuse d’entreprises', 'coopérative d’activité et d’emploi'],
  // ── Insertion par l'activité économique ──
  ['aci', 'chantier d’insertion', 'atelier chantier d’insertion', 'atelier et chantier d’insertion'],
  ['iae', 'insertion par l’activité économique', 'siae', 'structure d’insertion', 'pass iae'],
  ['ai', 'association intermédiaire', 'mise à disposition'],
  ['ei', 'entreprise d’insertion'],
  ['etti', 'entreprise de travail temporaire d’insertion', 'intérim d’insertion'],
  ['geiq', 'groupement d’employeurs pour l’insertion et la qualification', 'groupement d’employeurs'],
  ['plie', 'plan local pour l’insertion et l’emploi'],
  ['esat', 'entreprise adaptée', 'travail protégé', 'milieu protégé'],
  // ── Formation ──
  ['formation qualifiante', 'formation professionnelle', 'formation certifiante', 'cpf', 'compte personnel de formation'],
  ['vae', 'validation des acquis de l’expérience', 'validation des acquis'],
  ['bilan de compétences', 'orientation professionnelle', 'projet professionnel', 'bilan professionnel'],
  ['alternance', 'apprentissage', 'contrat d’apprentissage', 'contrat de professionnalisation'],
  ['immersion', 'pmsmp', 'stage en entreprise', 'période de mise en situation en milieu professionnel', 'découverte métier'],
  // ── Remobilisation ──
  ['isolement', 'lien social', 'rompre l’isolement', 'solitude', 'sortir de chez soi'],
  ['confiance en soi', 'estime de soi', 'bien-être', 'socio-esthétique', 'image de soi'],
  ['sport', 'activité physique', 'activités sportives'],
  ['bénévolat', 'volontariat', 'service civique', 'engagement citoyen'],
];
