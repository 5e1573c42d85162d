/** The API calls of the structure space and the coordination pages (one function per call). */
import { queryString, request } from './client.ts';
import type {
  AuditItem,
  Coverage,
  DepartementIndicators,
  DepartementSummary,
  EditableOffer,
  EditedStructure,
  EpciSummary,
  EstablishmentResult,
  InvitationPreview,
  JoinRequest,
  Members,
  ModerationQueue,
  MyStructures,
  OfferDryRun,
  OfferReport,
  Page,
  Role,
  Structure,
  StructureDryRun,
  StructureOffers,
  ZoneName,
} from './space-types.ts';
import type { Message } from './types.ts';

const id = encodeURIComponent;
type Body = Record<string, unknown>;

// Structures and their people
export const getMyStructures = (signal?: AbortSignal) => request<MyStructures>('/api/me/structures', { signal });
export const getStructure = (structureId: string, signal?: AbortSignal) => request<Structure>(`/api/structures/${id(structureId)}`, { signal });
export const findEstablishments = (params: { q?: string; commune?: string; siret?: string }, signal?: AbortSignal) =>
  request<{ total: number; items: EstablishmentResult[] }>(`/api/establishments${queryString(params)}`, { signal });
export const createStructure = (body: Body) => request<EditedStructure>('/api/structures', { method: 'POST', json: body });
export const checkNewStructure = (body: Body, signal?: AbortSignal) => request<StructureDryRun>('/api/structures?dry_run=1', { method: 'POST', json: body, signal });
export const editStructure = (structureId: string, body: Body) => request<EditedStructure>(`/api/structures/${id(structureId)}`, { method: 'PATCH', json: body });
export const checkStructureEdit = (structureId: string, body: Body, signal?: AbortSignal) =>
  request<StructureDryRun>(`/api/structures/${id(structureId)}?dry_run=1`, { method: 'PATCH', json: body, signal });
export const confirmStructure = (structureId: string, includeOffers: boolean) =>
  request<Structure & { confirmed_offers: EditableOffer[] }>(`/api/structures/${id(structureId)}/confirm`, { method: 'POST', json: { include_offers: includeOffers } });
export const archiveStructure = (structureId: string, reason: string) => request<Structure>(`/api/structures/${id(structureId)}/archive`, { method: 'POST', json: { reason } });
export const getStructureOffers = (structureId: string, status: string, page: number, signal?: AbortSignal) =>
  request<StructureOffers>(`/api/structures/${id(structureId)}/offers${queryString({ status, page, size: 50 })}`, { signal });
export const getStructureAudit = (structureId: string, page: number, signal?: AbortSignal) =>
  request<Page<AuditItem>>(`/api/structures/${id(structureId)}/audit${queryString({ page, size: 20 })}`, { signal });
export const askToJoin = (structureId: string, message: string | null) =>
  request<JoinRequest>(`/api/structures/${id(structureId)}/join-requests`, { method: 'POST', json: message ? { message } : {} });
export const cancelJoinRequest = (requestId: string) => request<JoinRequest>(`/api/join-requests/${id(requestId)}/cancel`, { method: 'POST' });
export const getJoinRequests = (structureId: string, signal?: AbortSignal) =>
  request<{ total: number; items: JoinRequest[] }>(`/api/structures/${id(structureId)}/join-requests`, { signal });
export const acceptJoinRequest = (requestId: string, role: Role) => request<JoinRequest>(`/api/join-requests/${id(requestId)}/accept`, { method: 'POST', json: { role } });
export const refuseJoinRequest = (requestId: string, reason: string) => request<JoinRequest>(`/api/join-requests/${id(requestId)}/refuse`, { method: 'POST', json: { reason } });
export const getMembers = (structureId: string, signal?: AbortSignal) => request<Members>(`/api/structures/${id(structureId)}/members`, { signal });
export const changeMemberRole = (structureId: string, userId: string, role: Role) =>
  request<{ user_id: string; role: Role }>(`/api/structures/${id(structureId)}/members/${id(userId)}`, { method: 'PATCH', json: { role } });
export const removeMember = (structureId: string, userId: string) => request<void>(`/api/structures/${id(structureId)}/members/${id(userId)}`, { method: 'DELETE' });
export const invite = (structureId: string, email: string, role: Role) =>
  request<{ email: string; role: Role; expires_at: string }>(`/api/structures/${id(structureId)}/invitations`, { method: 'POST', json: { email, role } });
export const revokeInvitation = (structureId: string, email: string) =>
  request<{ email: string; revoked: true }>(`/api/structures/${id(structureId)}/invitations/revoke`, { method: 'POST', json: { email } });
export const previewInvitation = (token: string, signal?: AbortSignal) => request<InvitationPreview>(`/api/invitations/preview${queryString({ token })}`, { signal });
export const acceptInvitation = (token: string) => request<{ structure: { id: string; name: string }; role: Role }>('/api/invitations/accept', { method: 'POST', json: { token } });
export const signupByInvitation = (body: { token: string; name: string; password: string }) =>
  request<{ structure: { id: string; name: string }; role: Role }>('/api/invitations/signup', { method: 'POST', json: body });

// Offers
export const getEditableOffer = (offerId: string, signal?: AbortSignal) => request<EditableOffer>(`/api/offers/${id(offerId)}`, { signal });
export const createOffer = (body: Body) => request<EditableOffer>('/api/offers', { method: 'POST', json: body });
export const checkNewOffer = (body: Body, signal?: AbortSignal) => request<OfferDryRun>('/api/offers?dry_run=1', { method: 'POST', json: body, signal });
export const editOffer = (offerId: string, body: Body) => request<EditableOffer>(`/api/offers/${id(offerId)}`, { method: 'PATCH', json: body });
export const checkOfferEdit = (offerId: string, body: Body, signal?: AbortSignal) => request<OfferDryRun>(`/api/offers/${id(offerId)}?dry_run=1`, { method: 'PATCH', json: body, signal });
export type OfferAction = 'publish' | 'suspend' | 'archive' | 'confirm' | 'review' | 'unpublish';
export const offerAction = (offerId: string, action: OfferAction, body?: Body) => request<EditableOffer>(`/api/offers/${id(offerId)}/${action}`, { method: 'POST', json: body ?? {} });
export const getOfferAudit = (offerId: string, page: number, signal?: AbortSignal) =>
  request<Page<AuditItem>>(`/api/offers/${id(offerId)}/audit${queryString({ page, size: 20 })}`, { signal });

// Territories for eligibility zones
export const searchEpci = (q: string, departement: string | null, signal?: AbortSignal) =>
  request<{ items: EpciSummary[] }>(`/api/territories/epci${queryString({ q, departement, limit: 8 })}`, { signal });
export const searchDepartements = (q: string, signal?: AbortSignal) => request<{ items: DepartementSummary[] }>(`/api/territories/departements${queryString({ q, limit: 8 })}`, { signal });
export const listDepartements = (signal?: AbortSignal) => request<{ items: DepartementSummary[] }>('/api/territories/departements', { signal });
export const nameZones = (codes: readonly string[], signal?: AbortSignal) => request<{ items: ZoneName[] }>(`/api/territories/zones${queryString({ codes })}`, { signal });

// Coordination
export const getModerationQueue = (dept: string, signal?: AbortSignal) => request<ModerationQueue>(`/api/moderation${queryString({ dept })}`, { signal });
export const decideStructure = (structureId: string, decision: 'validate' | 'reject', reason?: string) =>
  request<Structure>(`/api/structures/${id(structureId)}/${decision}`, { method: 'POST', json: reason ? { reason } : {} });
export const getReports = (dept: string, signal?: AbortSignal) => request<Page<OfferReport>>(`/api/reports${queryString({ dept, status: 'new', size: 50 })}`, { signal });
export const closeReport = (reportId: string, decision: 'resolve' | 'dismiss') =>
  request<{ id: string; status: 'resolved' | 'dismissed' }>(`/api/reports/${id(reportId)}/${decision}`, { method: 'POST', json: {} });
export const getCoverage = (dept: string, params: { from?: string; to?: string }, signal?: AbortSignal) =>
  request<Coverage>(`/api/coverage${queryString({ dept, ...params })}`, { signal });
export const coverageCsvUrl = (dept: string, params: { from?: string; to?: string }) => `/api/coverage${queryString({ dept, ...params, format: 'csv' })}`;
export const getIndicators = (dept: string, signal?: AbortSignal) => request<DepartementIndicators>(`/api/indicators${queryString({ dept })}`, { signal });

export type { Message };
