/**
 * How an offer being edited measures up, for the guided form (the editing API's dry run): its
 * completeness (d·i score_qualite, completeness.ts), what would raise it, in French and pointing to
 * the field to fill, and what still stops it from being published (publication.ts).
 */
import { COMPLETENESS_CRITERIA, offerCompleteness } from './completeness.ts';
import type { FieldProblem } from './field-problem.ts';
import type { OfferInput } from './offer.ts';
import { publicationProblems, type StructurePlace } from './publication.ts';

export type CompletenessCriterion = keyof typeof COMPLETENESS_CRITERIA;

/** Per criterion, the field to fill and the advice to read when it scores below 1 (null path: no field). */
export const COMPLETENESS_ADVICE: Readonly<Record<CompletenessCriterion, { path: string | null; message: string }>> = {
  adresse_bien_definie: { path: 'address', message: 'indiquez l’adresse où se présenter' },
  modes_mobilisation_bien_definis: { path: 'modes_mobilisation', message: 'précisez comment orienter vers l’offre et qui peut le faire' },
  au_moins_un_public: { path: 'publics', message: 'indiquez à quels publics l’offre s’adresse' },
  au_moins_une_thematique: { path: 'thematiques', message: 'choisissez au moins une thématique' },
  au_moins_un_moyen_de_contact: { path: 'phone', message: 'donnez un téléphone, un courriel ou un lien pour orienter' },
  courriel_bien_defini: { path: 'email', message: 'l’orientation se fait par courriel : indiquez l’adresse électronique' },
  date_maj_recente: { path: null, message: 'confirmez que l’offre est à jour (« rien n’a changé »)' },
  frais_bien_definis: { path: 'fees', message: 'précisez si l’offre est gratuite ou payante (et, si elle est payante, combien)' },
  description_bien_definie: { path: 'description', message: 'une description de 200 à 2 000 caractères aide les professionnels à orienter' },
  telephone_bien_defini: { path: 'phone', message: 'l’orientation se fait par téléphone : indiquez le numéro' },
};

export interface CompletenessAdvice {
  criterion: CompletenessCriterion;
  /** The field to fill (a form anchors the advice there); null when no field answers it. */
  path: string | null;
  message: string;
  /** The criterion's score now, 0..1 (below 1). */
  score: number;
}

export interface OfferAssessment {
  /** 0..1, what would be stored. */
  completeness: number;
  /** The criteria that score below 1, in the order of COMPLETENESS_CRITERIA. */
  completeness_advice: CompletenessAdvice[];
  /** Empty when the offer could be published as it is. */
  publication_problems: FieldProblem[];
}

export function assessOffer(offer: OfferInput, options: { structure: StructurePlace | null; now: Date }): OfferAssessment {
  const advice: CompletenessAdvice[] = [];
  for (const [criterion, rule] of Object.entries(COMPLETENESS_CRITERIA) as [CompletenessCriterion, (o: OfferInput, now: Date) => number | null][]) {
    const score = rule(offer, options.now);
    if (score != null && score < 1) advice.push({ criterion, ...COMPLETENESS_ADVICE[criterion], score: Math.round(score * 100) / 100 });
  }
  return {
    completeness: offerCompleteness(offer, options.now),
    completeness_advice: advice,
    publication_problems: publicationProblems(offer, { structure: options.structure }),
  };
}
