/** A structure (ACI, association, CCAS...) that carries offers. Field names are ours; d·i mapping in di/. */
export const STRUCTURE_STATUSES = ['draft', 'pending', 'validated', 'rejected', 'archived'] as const;
export type StructureStatus = (typeof STRUCTURE_STATUSES)[number];

export interface StructureInput {
  source: string;
  source_id: string;
  siret: string | null;
  name: string;
  description: string | null;
  typology: string | null;
  reseaux_porteurs: string[] | null;
  address: string | null;
  address_complement: string | null;
  postal_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  lon: number | null;
  lat: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: string | null;
  accessibility_url: string | null;
  source_url: string | null;
  status: StructureStatus;
  /** Date (YYYY-MM-DD) of the last change at the source (d·i date_maj). */
  updated_on: string;
  confirmed_at: string | null;
}

export interface Structure extends StructureInput {
  id: string;
  departement_code: string | null;
  /** When a coordinator validated it (who: in the audit log). */
  validated_at: string | null;
  /** Why a coordinator rejected it, shown to its members. */
  rejection_reason: string | null;
  created_at: string;
  updated_at: string;
}
