/** API calls and answer shapes of orientations and freshness campaigns (type-only imports of the API). */
import { queryString, request } from './client.ts';
import type { Message } from './types.ts';
import type { OrientationDetail, OrientationSummary as Summary, noticeView } from '../../../api/routes/orientation-view.ts';
import type { CampaignStructure } from '../../../api/db/freshness-campaigns.ts';
import type { ContactPreferenceValue, OrientationStatusValue, RefusalReason } from '../../../api/domain/orientation-choices.ts';

/** Where the mail to the structure stands (the professional's lists and detail only). */
export type NoticeView = ReturnType<typeof noticeView>;
export type OrientationSummary = Summary & { notice?: NoticeView };
export type { OrientationDetail };

export interface OrientationPage {
  total: number;
  page: number;
  size: number;
  items: OrientationSummary[];
}

export interface OrientationRequestBody {
  offer_ids: string[];
  first_name: string;
  last_name: string;
  contact_preference: ContactPreferenceValue | '';
  phone?: string;
  email?: string;
  availability?: string;
  reasons: string;
  consent: boolean;
}

export interface AnsweredOrientation extends OrientationSummary {
  sessions: Array<{ id: string; label: string | null; starts_on: string; places_available: number | null }>;
}

export const sendOrientation = (body: OrientationRequestBody) =>
  request<{ id: string; orientations: OrientationSummary[] }>('/api/orientations', { method: 'POST', json: body });

export const myOrientations = (params: { status?: OrientationStatusValue | ''; page?: number }, signal?: AbortSignal) =>
  request<OrientationPage>(`/api/me/orientations${queryString({ status: params.status, page: params.page, size: 50 })}`, { signal });

export const structureOrientations = (structureId: string, params: { status?: OrientationStatusValue | ''; page?: number }, signal?: AbortSignal) =>
  request<OrientationPage & { structure: { id: string; name: string } }>(
    `/api/structures/${encodeURIComponent(structureId)}/orientations${queryString({ status: params.status, page: params.page, size: 50 })}`,
    { signal },
  );

export const resendToStructure = (id: string) =>
  request<Message & { notice: NonNullable<NoticeView> }>(`/api/orientations/${encodeURIComponent(id)}/resend`, { method: 'POST' });

export const getOrientation = (id: string, token: string | null, signal?: AbortSignal) =>
  request<OrientationDetail>(`/api/orientations/${encodeURIComponent(id)}${queryString({ token })}`, { signal });

const withToken = (token: string | null, body: Record<string, unknown> = {}) => (token ? { ...body, token } : body);

export const acceptOrientation = (id: string, token: string | null, body: { session_id?: string; message?: string }) =>
  request<AnsweredOrientation>(`/api/orientations/${encodeURIComponent(id)}/accept`, { method: 'POST', json: withToken(token, body) });

export const refuseOrientation = (id: string, token: string | null, body: { reason: RefusalReason | ''; message?: string }) =>
  request<AnsweredOrientation>(`/api/orientations/${encodeURIComponent(id)}/refuse`, { method: 'POST', json: withToken(token, body) });

export const writeToPrescriber = (id: string, token: string | null, message: string) =>
  request<Message>(`/api/orientations/${encodeURIComponent(id)}/messages`, { method: 'POST', json: withToken(token, { message }) });

export const markOfferFullFromOrientation = (id: string, token: string | null) =>
  request<Message & { offer: { id: string; places_available: number | null } }>(`/api/orientations/${encodeURIComponent(id)}/offer-full`, {
    method: 'POST',
    json: withToken(token),
  });

export const askFreshLink = (id: string, token: string) => request<Message>(`/api/orientations/${encodeURIComponent(id)}/link`, { method: 'POST', json: { token } });

// Freshness campaigns
export interface LinkedOffer {
  offer: { id: string; name: string; status: string; confirmed_at: string | null; updated_on: string; overdue: boolean };
  structure: { id: string; name: string };
}

export const getLinkedOffer = (id: string, token: string, signal?: AbortSignal) =>
  request<LinkedOffer>(`/api/freshness/offers/${encodeURIComponent(id)}${queryString({ token })}`, { signal });

export const confirmLinkedOffer = (id: string, token: string) =>
  request<LinkedOffer & Message>(`/api/freshness/offers/${encodeURIComponent(id)}/confirm`, { method: 'POST', json: { token } });

export interface CampaignProgress {
  departements: string[] | null;
  month: string;
  months: string[];
  totals: { structures: number; structures_done: number; offers: number; confirmed: number; confirmed_by_link: number; still_overdue: number };
  structures: Array<CampaignStructure & { offers_total: number; confirmed: number; confirmed_by_link: number; still_overdue: number }>;
}

export const getCampaignProgress = (params: { dept?: string; month?: string }, signal?: AbortSignal) =>
  request<CampaignProgress>(`/api/freshness/campaigns${queryString(params)}`, { signal });
