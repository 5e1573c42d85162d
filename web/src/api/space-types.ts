/**
 * Shapes of the API answers the structure space and the coordination pages read, from the API's own
 * types where they exist (type-only imports: no code shipped).
 */
import type { OrientationStatusValue } from '../../../api/domain/orientation-choices.ts';
import type { Structure } from '../../../api/domain/structure.ts';
import type { OfferView } from '../../../api/domain/offer-view.ts';
import type { OfferInput } from '../../../api/domain/offer.ts';
import type { Establishment } from '../../../api/domain/establishment.ts';
import type { StructurePrefill } from '../../../api/domain/structure-input.ts';
import type { GeocodingOutcome } from '../../../api/domain/place.ts';
import type { CompletenessAdvice } from '../../../api/domain/offer-assessment.ts';
import type { FieldProblem } from '../../../api/domain/field-problem.ts';
import type { JoinRequest } from '../../../api/db/join-requests.ts';
import type { OfferCounts } from '../../../api/db/offers.ts';
import type { PendingInvitation } from '../../../api/db/invitations.ts';
import type { OfferReportListItem } from '../../../api/db/offer-reports.ts';
import type { DepartementSummary, EpciSummary, ZoneName } from '../../../api/db/zones.ts';
import type { Indicators } from '../../../api/domain/indicators.ts';
import type { AuditAction, AuditEntity } from '../../../api/domain/audit.ts';
import type { BarrierKey } from '../../../api/domain/referentials/barriers.ts';
import type { AreaCoverage, BarrierCounts, CommuneCoverage } from '../../../api/domain/coverage.ts';

export type { CompletenessAdvice, DepartementSummary, EpciSummary, FieldProblem, GeocodingOutcome, JoinRequest, OfferCounts, OfferInput, PendingInvitation, Structure, ZoneName };

export type Role = 'member' | 'admin';

/** An offer as its editors read it (every status, all contacts). */
export type EditableOffer = OfferView & { structure: { id: string; name: string }; geocoding?: GeocodingOutcome };
/** `notice`: a validated structure moved to another département waits for its coordinators again. */
export type EditedStructure = Structure & { geocoding?: GeocodingOutcome; notice?: string };

export interface OfferDryRun {
  dry_run: true;
  offer: OfferInput & { id: string | null; completeness: number };
  changed?: boolean;
  completeness: number;
  completeness_advice: CompletenessAdvice[];
  publication_problems: FieldProblem[];
}

export interface StructureDryRun {
  dry_run: true;
  structure: Omit<Structure, 'id'> & { id: string | null };
  changed?: boolean;
  /** Saving would send the structure back to validation (another département). */
  notice?: string;
}

export interface MyStructure {
  structure: Pick<Structure, 'id' | 'name' | 'status' | 'rejection_reason' | 'commune_name' | 'departement_code' | 'confirmed_at' | 'updated_on'>;
  role: Role;
  offers: OfferCounts;
  pending_join_requests?: number;
}

export interface MyStructures {
  items: MyStructure[];
  join_requests: Array<{ id: string; kind: 'join' | 'claim'; status: string; structure: { id: string; name: string }; created_at: string }>;
}

export interface StructureOffers {
  structure: { id: string; name: string; status: Structure['status'] };
  counts: OfferCounts;
  /** Orientations received per status, for its members (null for others). */
  orientations: Record<OrientationStatusValue, number> | null;
  total: number;
  page: number;
  size: number;
  items: EditableOffer[];
}

export interface AuditItem {
  id: number;
  at: string;
  action: AuditAction;
  action_label: string;
  entity: AuditEntity;
  entity_id: string;
  entity_name: string | null;
  actor: { name: string } | null;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
}

export interface Page<T> {
  total: number;
  page: number;
  size: number;
  items: T[];
}

export interface Registered {
  id: string;
  name: string;
  status: Structure['status'];
  has_members: boolean;
}

export interface EstablishmentAnswer extends Establishment {
  refusal: string | null;
  prefill: StructurePrefill | null;
  registered: Registered | null;
}

export interface EstablishmentResult extends EstablishmentAnswer {
  establishments?: EstablishmentAnswer[];
}

export interface Member {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

export interface Members {
  members: Member[];
  invitations?: PendingInvitation[];
}

export interface InvitationPreview {
  email: string;
  structure: { id: string; name: string };
  role: Role;
  invited_by: string | null;
  expires_at: string;
  account_exists: boolean;
}

export interface OverdueEntry {
  id: string;
  name: string;
  status: string;
  update_frequency_months: number;
  confirmed_at: string | null;
  updated_on: string;
  due_at: string;
  days_overdue: number;
  structure: { id: string; name: string };
}

export interface ModerationQueue {
  departements: string[] | null;
  pending_structures: { total: number; items: Array<Structure & { admins: Array<{ name: string; email: string }> }> };
  claims: { total: number; items: JoinRequest[] };
  offers_to_review: { total: number; items: Array<EditableOffer & { last_change: { action: string; at: string } }> };
  overdue_offers: { total: number; items: OverdueEntry[] };
}

export type OfferReport = OfferReportListItem;

/** A commune's or an area's coverage with the unmet needs of the period added by the route. */
export type CoverageCommune = CommuneCoverage & { unmet_needs: BarrierCounts };
export type CoverageArea = AreaCoverage & { unmet_needs: BarrierCounts };

/** GET /api/coverage?dept= */
export interface Coverage {
  departement: { code: string; name: string };
  radius_km: number;
  day: string;
  period: { from: string; to: string };
  barriers: Array<{ key: BarrierKey; label: string }>;
  totals: { offers: BarrierCounts; zones_blanches: BarrierCounts; unmet_needs: BarrierCounts };
  communes: CoverageCommune[];
  areas: CoverageArea[];
}

export type DepartementIndicators = Indicators & { departement: { code: string; name: string } };
