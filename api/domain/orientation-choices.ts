/**
 * The vocabulary of orientations, with French labels: statuses, refusal reasons, contact
 * preferences. Imports nothing, so the web app uses the same lists and labels as the API.
 */
export const ORIENTATION_STATUSES = ['sent', 'accepted', 'refused', 'expired'] as const;
export type OrientationStatusValue = (typeof ORIENTATION_STATUSES)[number];

export const ORIENTATION_STATUS_LABELS: Readonly<Record<OrientationStatusValue, string>> = {
  sent: 'Envoyée, en attente de réponse',
  accepted: 'Acceptée',
  refused: 'Refusée',
  expired: 'Expirée sans réponse',
};

/** Why a structure refuses (DORA's list, kept short enough to read at a glance). */
export const REFUSAL_REASONS = [
  'session-complete',
  'non-eligible',
  'injoignable',
  'absent',
  'deja-en-emploi-ou-formation',
  'frein-peripherique',
  'doublon',
  'autre',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const REFUSAL_REASON_LABELS: Readonly<Record<RefusalReason, string>> = {
  'session-complete': 'Session complète',
  'non-eligible': 'Personne non éligible',
  injoignable: 'Personne injoignable',
  absent: 'Personne absente au rendez-vous',
  'deja-en-emploi-ou-formation': 'Déjà en emploi ou en formation',
  'frein-peripherique': 'Frein périphérique à lever d’abord',
  doublon: 'Demande en doublon',
  autre: 'Autre motif',
};

export const CONTACT_PREFERENCES = ['telephone', 'email', 'referent'] as const;
export type ContactPreferenceValue = (typeof CONTACT_PREFERENCES)[number];

export const CONTACT_PREFERENCE_LABELS: Readonly<Record<ContactPreferenceValue, string>> = {
  telephone: 'Par téléphone',
  email: 'Par courriel',
  referent: 'En passant par le ou la professionnelle qui oriente',
};

/** Limits shared by the form and the API. */
export const REASONS_MAX = 600;
export const ORIENTATION_MAX_OFFERS = 30;
