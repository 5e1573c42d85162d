/** An offer: an action a structure runs (d·i "service"). Field names are ours; d·i mapping in di/. */
export const OFFER_STATUSES = ['draft', 'published', 'suspended', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** How often (months) a structure must confirm an offer is still accurate; DORA's default is 6. */
export const UPDATE_FREQUENCIES = [1, 3, 6, 12] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];
export const DEFAULT_UPDATE_FREQUENCY: UpdateFrequency = 6;

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
  /** Last time a coordinator reviewed it (moderation queue: "published or changed since last review"). */
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
  sessions: OfferSession[];
}

type FreshnessFields = Pick<Offer, 'confirmed_at' | 'updated_on' | 'update_frequency_months'>;

function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** When the offer must next be confirmed: its last confirmation (or change) plus its frequency (for display). */
export function reviewDueAt(offer: FreshnessFields): Date {
  const due = new Date(offer.confirmed_at ?? offer.updated_on);
  due.setUTCMonth(due.getUTCMonth() + offer.update_frequency_months);
  return due;
}

/** True when the offer was last confirmed (or changed) more than its update frequency ago. */
export function isOverdue(offer: FreshnessFields, now: Date): boolean {
  return new Date(offer.confirmed_at ?? offer.updated_on).getTime() < monthsBefore(now, offer.update_frequency_months).getTime();
}

/**
 * For each frequency, the instant before which a last confirmation makes an offer overdue: what a
 * query needs to list overdue offers (`coalesce(confirmed_at, updated_on) < cutoff`). isOverdue uses
 * the same computation, so the reminder list and the flag in the API always agree.
 */
export function overdueCutoffs(now: Date): Record<UpdateFrequency, string> {
  const cutoff = (months: number) => monthsBefore(now, months).toISOString();
  return { 1: cutoff(1), 3: cutoff(3), 6: cutoff(6), 12: cutoff(12) };
}

const DAY_MS = 86_400_000;

/** Whole days since the offer became overdue (0 on the day it falls due; negative when not due yet). */
export function daysOverdue(offer: FreshnessFields, now: Date): number {
  return Math.floor((now.getTime() - reviewDueAt(offer).getTime()) / DAY_MS);
}
