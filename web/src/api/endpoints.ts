/** One function per API call the web app makes. */
import { queryString, request } from './client.ts';
import type {
  ClientConfig,
  CommuneDetails,
  CommuneSummary,
  MatchProfile,
  MatchResponse,
  Me,
  Message,
  OfferDetail,
  OpeningHoursReading,
  Referentials,
  SearchResponse,
} from './types.ts';

/** Lists and configuration change with a deployment, not during a visit: fetched once per page load. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

export const getReferentials = once(() => request<Referentials>('/api/referentials'));
export const getConfig = once(() => request<ClientConfig>('/api/config'));

export const searchCommunes = (q: string, signal?: AbortSignal) =>
  request<{ items: CommuneSummary[] }>(`/api/territories/communes${queryString({ q, limit: 8 })}`, { signal });

export const getCommune = (code: string, signal?: AbortSignal) => request<CommuneDetails>(`/api/territories/communes/${encodeURIComponent(code)}`, { signal });

export type SearchParams = Record<string, string | number | readonly string[] | null | undefined>;

export const searchOffers = (params: SearchParams, signal?: AbortSignal) => request<SearchResponse>(`/api/search${queryString(params)}`, { signal });

export const matchProfile = (profile: MatchProfile, signal?: AbortSignal) => request<MatchResponse>('/api/match', { method: 'POST', json: profile, signal });

export const getOffer = (id: string, signal?: AbortSignal) => request<OfferDetail>(`/api/offers/${encodeURIComponent(id)}`, { signal });

export const readOpeningHours = (value: string, departement: string | null, signal?: AbortSignal) =>
  request<OpeningHoursReading>(`/api/opening-hours${queryString({ value, departement })}`, { signal });

export const reportOffer = (id: string, body: { message: string; email?: string }) =>
  request<Message & { id: string }>(`/api/offers/${encodeURIComponent(id)}/reports`, { method: 'POST', json: body });

export const departementLayerUrl = (code: string, layer: 'contour' | 'communes' | 'areas') =>
  `/api/territories/departements/${encodeURIComponent(code)}/${layer}.geojson`;

// Accounts
export const getMe = () => request<Me>('/api/me');
export const login = (body: { email: string; password: string }) => request<Me>('/api/auth/login', { method: 'POST', json: body });
export const logout = () => request<void>('/api/auth/logout', { method: 'POST' });
export const signup = (body: { name: string; email: string; password: string }) => request<Message>('/api/auth/signup', { method: 'POST', json: body });
export const verifyEmail = (token: string) => request<Message>('/api/auth/verify', { method: 'POST', json: { token } });
export const forgotPassword = (email: string) => request<Message>('/api/auth/password/forgot', { method: 'POST', json: { email } });
export const resetPassword = (token: string, password: string) => request<Message>('/api/auth/password/reset', { method: 'POST', json: { token, password } });
