/** Kysely's view of the database: the single source of truth for queries (see migrations/). */
import type { Generated } from 'kysely';

export interface RegionTable { code: string; name: string }
export interface DepartementTable { code: string; name: string; region_code: string; chef_lieu: string }
export interface EpciTable { code: string; name: string; kind: string; population: number | null }
export interface CommuneTable {
  code: string;
  name: string;
  /** Normalised name (see domain/text.ts) for prefix search. */
  search_name: string;
  departement_code: string;
  region_code: string;
  epci_code: string | null;
  arrondissement_code: string | null;
  /** Space-separated postal codes. */
  postal_codes: string;
  population: number;
  lon: number | null;
  lat: number | null;
}
export interface AreaTable { id: string; departement_code: string; name: string; kind: string; chef_lieu: string | null }
export interface AreaCommuneTable { area_id: string; commune_code: string }
export interface ContourTable { kind: 'departement' | 'commune'; code: string; geometry: string }
export interface TerritoryLoadTable {
  id: Generated<number>;
  cog_version: string;
  communes: number;
  centres: number;
  loaded_at: string;
}

/** JSON-encoded array of strings, or NULL. */
export type JsonList = string | null;

export interface StructureTable {
  id: string;
  source: string;
  source_id: string;
  siret: string | null;
  name: string;
  description: string | null;
  typology: string | null;
  reseaux_porteurs: JsonList;
  address: string | null;
  address_complement: string | null;
  postal_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  departement_code: string | null;
  lon: number | null;
  lat: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: string | null;
  accessibility_url: string | null;
  source_url: string | null;
  status: string;
  updated_on: string;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
  validated_at: string | null;
  rejection_reason: string | null;
}

export interface OfferTable {
  id: string;
  structure_id: string;
  source: string;
  source_id: string;
  name: string;
  description: string;
  type: string | null;
  thematiques: JsonList;
  publics: JsonList;
  publics_details: string | null;
  age_min: number | null;
  age_max: number | null;
  access_conditions: string | null;
  fees: string | null;
  fees_details: string | null;
  modes_accueil: JsonList;
  itinerant_communes: JsonList;
  zone: JsonList;
  address: string | null;
  address_complement: string | null;
  postal_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  departement_code: string | null;
  lon: number | null;
  lat: number | null;
  modes_mobilisation: JsonList;
  mobilisable_par: JsonList;
  mobilisation_details: string | null;
  mobilisation_url: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  contact_public: number;
  opening_hours: string | null;
  weekly_hours: number | null;
  weeks: number | null;
  capacity: number | null;
  places_available: number | null;
  source_url: string | null;
  status: string;
  suspended_until: string | null;
  update_frequency_months: number;
  updated_on: string;
  confirmed_at: string | null;
  completeness: number | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OfferSessionTable {
  id: string;
  offer_id: string;
  label: string | null;
  starts_on: string;
  ends_on: string | null;
  capacity: number | null;
  places_available: number | null;
}

/** When a maintenance task last ran (api/db/maintenance-runs.ts). */
export interface MaintenanceRunTable {
  task: string;
  last_run_at: string;
}

export interface SearchOutboxTable {
  id: Generated<number>;
  offer_id: string;
  enqueued_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
}

export interface UnmetNeedTable {
  commune_code: string;
  barrier: string;
  day: string;
  count: Generated<number>;
}

export type MembershipRole = 'member' | 'admin';
export type EmailTokenPurpose = 'verify' | 'reset' | 'invite';

export interface UserTable {
  id: string;
  /** Trimmed and lower-cased; unique case-insensitively. */
  email: string;
  name: string;
  /** PBKDF2-SHA256 derived key and salt (base64) and the iteration count used, so it can be raised. */
  password_hash: string;
  password_salt: string;
  password_iterations: number;
  email_verified_at: string | null;
  is_admin: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the token held by the browser cookie; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; idle expiry is computed from last_seen_at. */
  expires_at: string;
}

export interface EmailTokenTable {
  /** SHA-256 (hex) of the token sent by mail. */
  id: string;
  purpose: EmailTokenPurpose;
  user_id: string | null;
  email: string;
  /** Invitations: the structure and role offered. */
  structure_id: string | null;
  role: MembershipRole | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RateLimitEventTable {
  /** "login:ip:<hash>", "login:email:<hash>", "mail:<hash>"... never a clear IP or email. */
  key: string;
  at: string;
}

export interface MembershipTable {
  user_id: string;
  structure_id: string;
  role: MembershipRole;
  created_at: string;
}

export interface CoordinatorScopeTable {
  user_id: string;
  departement_code: string;
  created_at: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
  reply_to: string | null;
  /** pending → sent (handed to SMTP, or kept in the development outbox) | failed (gave up) | undeliverable (reserved domain). */
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  /** The last delivery error, addresses masked. */
  last_error: string | null;
  sent_at: string | null;
  /** What the mail is about, for the mails someone follows (e.g. `orientation-structure`). */
  topic: string | null;
  orientation_id: string | null;
}

export type MailStatus = 'pending' | 'sent' | 'failed' | 'undeliverable';

export interface ServerSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export type AuditEntityKind = 'offer' | 'structure';

export interface AuditLogTable {
  id: Generated<number>;
  entity: AuditEntityKind;
  entity_id: string;
  structure_id: string;
  /** NULL for the system or an import. */
  actor_user_id: string | null;
  action: string;
  /** JSON `{"field": [before, after]}`. */
  changes: string;
  reason: string | null;
  at: string;
}

export type JoinRequestStatus = 'pending' | 'accepted' | 'rejected' | 'cancelled';

export type JoinRequestKind = 'join' | 'claim';

export interface JoinRequestTable {
  id: string;
  user_id: string;
  structure_id: string;
  /** 'join': the structure's admins answer; 'claim': a structure without members, a coordinator answers. */
  kind: Generated<JoinRequestKind>;
  status: JoinRequestStatus;
  message: string | null;
  created_at: string;
  answered_at: string | null;
  answered_by: string | null;
  answer_reason: string | null;
}

export interface Database {
  regions: RegionTable;
  departements: DepartementTable;
  epci: EpciTable;
  communes: CommuneTable;
  areas: AreaTable;
  area_communes: AreaCommuneTable;
  contours: ContourTable;
  territory_loads: TerritoryLoadTable;
  structures: StructureTable;
  offers: OfferTable;
  offer_sessions: OfferSessionTable;
  search_outbox: SearchOutboxTable;
  unmet_needs: UnmetNeedTable;
  users: UserTable;
  sessions: SessionTable;
  email_tokens: EmailTokenTable;
  rate_limit_events: RateLimitEventTable;
  memberships: MembershipTable;
  coordinator_scopes: CoordinatorScopeTable;
  mail_outbox: MailOutboxTable;
  server_secrets: ServerSecretTable;
  audit_log: AuditLogTable;
  join_requests: JoinRequestTable;
  offer_reports: OfferReportTable;
  orientation_requests: OrientationRequestTable;
  orientations: OrientationTable;
  orientation_messages: OrientationMessageTable;
  orientation_events: OrientationEventTable;
  freshness_campaign_mails: FreshnessCampaignMailTable;
  maintenance_runs: MaintenanceRunTable;
}

export type OfferReportStatus = 'new' | 'resolved' | 'dismissed';

export interface OfferReportTable {
  id: string;
  offer_id: string;
  message: string;
  /** Given by the reporter to be answered; optional. */
  email: string | null;
  status: OfferReportStatus;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export type ContactPreference = 'telephone' | 'email' | 'referent';

/** What a professional filled in once for a person (0011); beneficiary fields are NULL once anonymised. */
export interface OrientationRequestTable {
  id: string;
  prescriber_user_id: string | null;
  beneficiary_first_name: string | null;
  beneficiary_last_name: string | null;
  contact_preference: ContactPreference;
  beneficiary_phone: string | null;
  beneficiary_email: string | null;
  availability: string | null;
  reasons: string | null;
  consent_at: string;
  created_at: string;
  anonymised_at: string | null;
}

export type OrientationStatus = 'sent' | 'accepted' | 'refused' | 'expired';

export interface OrientationTable {
  id: string;
  request_id: string;
  offer_id: string | null;
  structure_id: string | null;
  offer_name: string;
  structure_name: string;
  status: OrientationStatus;
  refusal_reason: string | null;
  answer_message: string | null;
  session_label: string | null;
  session_starts_on: string | null;
  sent_at: string;
  answered_at: string | null;
  closed_at: string | null;
  reminded_at: string | null;
  /** Last time an answer link was mailed to the structure (a fresh link is not mailed more than hourly). */
  link_sent_at: string;
}

export interface OrientationMessageTable {
  id: Generated<number>;
  orientation_id: string;
  author: 'structure' | 'prescriber';
  body: string | null;
  created_at: string;
}

export type OrientationActorKind = 'prescriber' | 'structure-link' | 'structure-member' | 'admin' | 'system';

export interface OrientationEventTable {
  id: Generated<number>;
  orientation_id: string;
  action: string;
  actor_kind: OrientationActorKind;
  actor_user_id: string | null;
  at: string;
}

export interface FreshnessCampaignMailTable {
  structure_id: string;
  /** YYYY-MM (Europe/Paris). */
  month: string;
  sent_at: string;
  /** JSON list of the offer ids the digest listed. */
  offer_ids: string;
  recipients: number;
}
