/** An offer: an action a structure runs (d·i "service"). Field names are ours; d·i mapping in di/. */
export const OFFER_STATUSES = ['draft', 'published', 'suspended', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const UPDATE_FREQUENCIES = [1, 3, 6, 12] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

export interface OfferSessionInput {
  label: string | null;
  starts_on: string;
  ends_on: string | null;
  capacity: number | null;
  places_available: number | null;
}

export interface OfferSession extends OfferSessionInput {
  id: string;
}

export interface OfferInput {
  structure_id: string;
  source: string;
  source_id: string;
  name: string;
  description: string;
  type: string | null;
  thematiques: string[] | null;
  publics: string[] | null;
  publics_details: string | null;
  age_min: number | null;
  age_max: number | null;
  access_conditions: string | null;
  fees: string | null;
  fees_details: string | null;
  modes_accueil: string[] | null;
  itinerant_communes: string[] | null;
  /** d·i zone_eligibilite: commune, EPCI (SIREN), département codes or "france". */
  zone: string[] | null;
  address: string | null;
  address_complement: string | null;
  postal_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  lon: number | null;
  lat: number | null;
  modes_mobilisation: string[] | null;
  mobilisable_par: string[] | null;
  mobilisation_details: string | null;
  mobilisation_url: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  /** False: contact details are for professionals only. */
  contact_public: boolean;
  opening_hours: string | null;
  weekly_hours: number | null;
  weeks: number | null;
  capacity: number | null;
  places_available: number | null;
  source_url: string | null;
  status: OfferStatus;
  suspended_until: string | null;
  update_frequency_months: UpdateFrequency;
  /** Date (YYYY-MM-DD) of the last change at the source (d·i date_maj). */
  updated_on: string;
  confirmed_at: string | null;
  sessions: OfferSessionInput[];
}

export interface Offer extends Omit<OfferInput, 'sessions'> {
  id: string;
  departement_code: string | null;
  completeness: number | null;
  created_at: string;
  updated_at: string;
  sessions: OfferSession[];
}

/** True when the offer has not been confirmed within its update frequency. */
export function isOverdue(offer: Pick<Offer, 'confirmed_at' | 'updated_on' | 'update_frequency_months'>, now: Date): boolean {
  const last = new Date(offer.confirmed_at ?? offer.updated_on);
  const due = new Date(last);
  due.setUTCMonth(due.getUTCMonth() + offer.update_frequency_months);
  return due.getTime() < now.getTime();
}
