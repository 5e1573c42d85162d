/**
 * The guided offer form's values, as the inputs hold them (text as typed, numbers as strings), and
 * the API body they make. The body carries every editable field, so the same body creates an offer
 * (POST) or replaces what the form shows (PATCH, a merge where "" and [] clear a field). Coordinates
 * are sent only when the person placed the pin: otherwise the API geocodes the address.
 */
import type { EditableOffer } from '../api/space-types.ts';

export interface SessionValues {
  label: string;
  starts_on: string;
  ends_on: string;
  capacity: string;
  places_available: string;
}

export interface OfferValues {
  name: string;
  description: string;
  type: string;
  thematiques: string[];
  publics: string[];
  publics_details: string;
  age_min: string;
  age_max: string;
  access_conditions: string;
  fees: string;
  fees_details: string;
  modes_accueil: string[];
  address: string;
  address_complement: string;
  postal_code: string;
  commune: { code: string; name: string; departement_code: string } | null;
  lon: number | null;
  lat: number | null;
  itinerant_communes: string[];
  zone: string[];
  opening_hours: string;
  modes_mobilisation: string[];
  mobilisable_par: string[];
  mobilisation_details: string;
  mobilisation_url: string;
  contact_name: string;
  phone: string;
  email: string;
  contact_public: boolean;
  weekly_hours: string;
  weeks: string;
  capacity: string;
  places_available: string;
  update_frequency_months: string;
  sessions: SessionValues[];
}

const str = (v: string | number | null | undefined) => (v == null ? '' : String(v));

export function emptySession(): SessionValues {
  return { label: '', starts_on: '', ends_on: '', capacity: '', places_available: '' };
}

/** The form's values for an offer (null: a new one, with the structure's département as its zone). */
export function valuesOfOffer(o: EditableOffer | null, defaults: { departement: string | null } = { departement: null }): OfferValues {
  return {
    name: o?.name ?? '',
    description: o?.description ?? '',
    type: o?.type ?? '',
    thematiques: o?.thematiques ?? [],
    publics: o?.publics ?? [],
    publics_details: str(o?.publics_details),
    age_min: str(o?.age_min),
    age_max: str(o?.age_max),
    access_conditions: str(o?.access_conditions),
    fees: o?.fees ?? '',
    fees_details: str(o?.fees_details),
    modes_accueil: o?.modes_accueil ?? (o ? [] : ['en-presentiel']),
    address: str(o?.address),
    address_complement: str(o?.address_complement),
    postal_code: str(o?.postal_code),
    commune: o?.commune_code ? { code: o.commune_code, name: o.commune_name ?? o.commune_code, departement_code: o.departement_code ?? '' } : null,
    lon: o?.lon ?? null,
    lat: o?.lat ?? null,
    itinerant_communes: o?.itinerant_communes ?? [],
    zone: o?.zone ?? (o ? [] : defaults.departement ? [defaults.departement] : []),
    opening_hours: str(o?.opening_hours),
    modes_mobilisation: o?.modes_mobilisation ?? [],
    mobilisable_par: o?.mobilisable_par ?? [],
    mobilisation_details: str(o?.mobilisation_details),
    mobilisation_url: str(o?.mobilisation_url),
    contact_name: str(o?.contact_name),
    phone: str(o?.phone),
    email: str(o?.email),
    contact_public: o?.contact_public ?? false,
    weekly_hours: str(o?.weekly_hours),
    weeks: str(o?.weeks),
    capacity: str(o?.capacity),
    places_available: str(o?.places_available),
    update_frequency_months: str(o?.update_frequency_months ?? 6),
    sessions: (o?.sessions ?? []).map((s) => ({
      label: str(s.label),
      starts_on: s.starts_on,
      ends_on: str(s.ends_on),
      capacity: str(s.capacity),
      places_available: str(s.places_available),
    })),
  };
}

/** A number input's value for the API: null when empty, the number, or the text as typed (the API says what is wrong). */
export function numberOrText(value: string): number | string | null {
  const text = value.trim().replace(',', '.');
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : value;
}

export function offerBody(v: OfferValues, options: { pinPlaced: boolean }): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: v.name,
    description: v.description,
    type: v.type || null,
    thematiques: v.thematiques,
    publics: v.publics,
    publics_details: v.publics_details,
    age_min: numberOrText(v.age_min),
    age_max: numberOrText(v.age_max),
    access_conditions: v.access_conditions,
    fees: v.fees || null,
    fees_details: v.fees_details,
    modes_accueil: v.modes_accueil,
    address: v.address,
    address_complement: v.address_complement,
    postal_code: v.postal_code,
    commune_code: v.commune?.code ?? null,
    itinerant_communes: v.itinerant_communes,
    zone: v.zone,
    opening_hours: v.opening_hours,
    modes_mobilisation: v.modes_mobilisation,
    mobilisable_par: v.mobilisable_par,
    mobilisation_details: v.mobilisation_details,
    mobilisation_url: v.mobilisation_url,
    contact_name: v.contact_name,
    phone: v.phone,
    email: v.email,
    contact_public: v.contact_public,
    weekly_hours: numberOrText(v.weekly_hours),
    weeks: numberOrText(v.weeks),
    capacity: numberOrText(v.capacity),
    places_available: numberOrText(v.places_available),
    update_frequency_months: Number(v.update_frequency_months),
    sessions: v.sessions.map((s) => ({
      label: s.label,
      starts_on: s.starts_on,
      ends_on: s.ends_on || null,
      capacity: numberOrText(s.capacity),
      places_available: numberOrText(s.places_available),
    })),
  };
  if (options.pinPlaced) {
    body.lon = v.lon;
    body.lat = v.lat;
  }
  return body;
}
