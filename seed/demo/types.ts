/**
 * Shape of the hand-written demo catalogue (one module per département).
 * The loader (seed/demo/load.ts) turns these into structures and offers,
 * resolving coordinates from commune centres and dates relative to "now",
 * so the demo stays fresh whatever day it is loaded.
 *
 * All codes are data·inclusion v1 values (see api/domain/referentials).
 */
export interface DemoStructure {
  /** Stable key, unique across the demo, e.g. "47-syllabe". Becomes source_id (source "demo"). */
  key: string;
  name: string;
  /** Only for real, public establishments whose SIRET is known; never invent one. */
  siret?: string;
  /** Our typology slug (api/domain/referentials/typologies.ts). */
  typology: string;
  /** d·i réseaux porteurs, when the structure belongs to a national network. */
  reseaux_porteurs?: string[];
  description: string;
  /** INSEE code of the commune where the structure is. */
  commune: string;
  address: string;
  postal_code: string;
  phone?: string;
  email?: string;
  website?: string;
  /** OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-12:00,14:00-17:00". */
  opening_hours?: string;
  /** Moderation status; default "validated". */
  status?: 'draft' | 'pending' | 'validated' | 'rejected' | 'archived';
  /** True when the structure is named in a seed programme (then `seed_ref` says where). */
  real: boolean;
  /** Provenance, e.g. "seeds/notes/000.md L212". */
  seed_ref?: string;
  offers: DemoOffer[];
}

export interface DemoSession {
  label?: string;
  /** Days from load date (may be negative for a running session). */
  starts_in_days: number;
  ends_in_days?: number;
  capacity?: number;
  places_available?: number;
}

export interface DemoOffer {
  /** Stable key, unique across the demo, e.g. "47-syllabe-ateliers". */
  key: string;
  name: string;
  description: string;
  type: 'accompagnement' | 'aide-financiere' | 'aide-materielle' | 'atelier' | 'formation' | 'information';
  /** d·i thématiques, e.g. "mobilite--acceder-a-un-vehicule". At least one. */
  thematiques: string[];
  /** d·i publics; "tous-publics" alone or not at all. */
  publics: string[];
  publics_details?: string;
  age_min?: number;
  age_max?: number;
  access_conditions?: string;
  fees: 'gratuit' | 'payant';
  fees_details?: string;
  modes_accueil: Array<'en-presentiel' | 'a-distance'>;
  /** INSEE codes of communes an itinerant service visits (bus, permanences). */
  itinerant_communes?: string[];
  /** d·i zone_eligibilite: commune INSEE codes, EPCI SIREN (9 digits), département codes, or "france". */
  zone: string[];
  /** Where the action takes place when not at the structure's address. */
  location?: { commune: string; address: string; postal_code: string };
  modes_mobilisation: Array<'envoyer-un-courriel' | 'se-presenter' | 'telephoner' | 'utiliser-lien-mobilisation'>;
  mobilisable_par: Array<'professionnels' | 'usagers'>;
  mobilisation_details?: string;
  mobilisation_url?: string;
  contact?: { name?: string; phone?: string; email?: string; /** false = professionals only */ public: boolean };
  opening_hours?: string;
  weekly_hours?: number;
  weeks?: number;
  capacity?: number;
  places_available?: number;
  sessions?: DemoSession[];
  /** Default "published". */
  status?: 'draft' | 'published' | 'suspended' | 'archived';
  /** For suspended offers: days from load date until the suspension ends. */
  suspended_for_days?: number;
  /** 1, 3, 6 or 12; default 6. */
  update_frequency_months?: 1 | 3 | 6 | 12;
  /** How long ago the offer was last confirmed, in days (default 30). Use > frequency for some stale ones. */
  confirmed_days_ago?: number;
  seed_ref?: string;
}

export interface DemoDepartement {
  code: string;
  structures: DemoStructure[];
}
