/**
 * Completeness of an offer, 0..1, following data·inclusion's `score_qualite` (schema v1): the mean of
 * the applicable criteria, each 0..1. Stored in `offers.completeness` at every write and used by the
 * ranking, so an offer a person can act on (address, contact, fees, a real description) comes first.
 */
import type { OfferInput } from './offer.ts';

export type CompletenessInput = Pick<
  OfferInput,
  | 'source'
  | 'description'
  | 'thematiques'
  | 'publics'
  | 'fees'
  | 'fees_details'
  | 'modes_accueil'
  | 'modes_mobilisation'
  | 'mobilisable_par'
  | 'address'
  | 'email'
  | 'phone'
  | 'mobilisation_url'
  | 'updated_on'
>;

const DAY = 86_400_000;
const SIX_MONTHS_DAYS = 182.5;
const TWO_YEARS_DAYS = 730;
/** d·i does not judge the recency of these national sources (their date_maj is not meaningful). */
const SOURCES_WITHOUT_RECENCY = new Set(['agefiph', 'france-travail']);

const has = (list: readonly string[] | null | undefined, value: string) => list?.includes(value) ?? false;
const nonEmpty = (list: readonly string[] | null | undefined) => (list?.length ?? 0) > 0;
const filled = (text: string | null | undefined) => text != null && text.trim() !== '';

/** Each criterion: a score 0..1, or null when it does not apply to this offer. */
export const COMPLETENESS_CRITERIA = {
  adresse_bien_definie: (o: CompletenessInput) =>
    has(o.modes_accueil, 'en-presentiel') || has(o.modes_mobilisation, 'se-presenter') ? (filled(o.address) ? 1 : 0) : null,
  modes_mobilisation_bien_definis: (o: CompletenessInput) =>
    (nonEmpty(o.modes_mobilisation) ? 0.5 : 0) + (nonEmpty(o.mobilisable_par) ? 0.5 : 0),
  au_moins_un_public: (o: CompletenessInput) => (nonEmpty(o.publics) ? 1 : 0),
  au_moins_une_thematique: (o: CompletenessInput) => (nonEmpty(o.thematiques) ? 1 : 0),
  au_moins_un_moyen_de_contact: (o: CompletenessInput) => (filled(o.email) || filled(o.mobilisation_url) || filled(o.phone) ? 1 : 0),
  courriel_bien_defini: (o: CompletenessInput) => (has(o.modes_mobilisation, 'envoyer-un-courriel') ? (filled(o.email) ? 1 : 0) : null),
  date_maj_recente: (o: CompletenessInput, now: Date) => {
    if (SOURCES_WITHOUT_RECENCY.has(o.source)) return null;
    const ageDays = (now.getTime() - new Date(`${o.updated_on.slice(0, 10)}T00:00:00Z`).getTime()) / DAY;
    if (ageDays < SIX_MONTHS_DAYS) return 1;
    if (ageDays >= TWO_YEARS_DAYS) return 0;
    return (TWO_YEARS_DAYS - ageDays) / (TWO_YEARS_DAYS - SIX_MONTHS_DAYS);
  },
  frais_bien_definis: (o: CompletenessInput) => (o.fees == null ? 0 : o.fees === 'payant' ? (filled(o.fees_details) ? 1 : 0.5) : 1),
  description_bien_definie: (o: CompletenessInput) => {
    const n = o.description.trim().length;
    if (n === 0) return null;
    if (n < 50) return 0;
    if (n < 200) return 0.5;
    if (n < 2000) return 1;
    return 0.5;
  },
  telephone_bien_defini: (o: CompletenessInput) => (has(o.modes_mobilisation, 'telephoner') ? (filled(o.phone) ? 1 : 0) : null),
} satisfies Record<string, (o: CompletenessInput, now: Date) => number | null>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Mean of the applicable criteria, rounded to 2 decimals like d·i (criteria are rounded first too). */
export function offerCompleteness(offer: CompletenessInput, now: Date): number {
  const scores = Object.values(COMPLETENESS_CRITERIA)
    .map((criterion) => criterion(offer, now))
    .filter((s): s is number => s != null)
    .map(round2);
  if (!scores.length) return 0;
  return round2(scores.reduce((a, b) => a + b, 0) / scores.length);
}
