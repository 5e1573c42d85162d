/**
 * The whole state of the "Où orienter ?" page, kept in the URL (shareable, back button works), with
 * French parameter names: /?commune=47157&freins=mobilite,sante&rayon=30&q=permis&page=2&offre=<id>.
 */
import type { SearchParams } from '../api/endpoints.ts';

export const RADIUS_CHOICES = [5, 10, 15, 30, 50, 100] as const;
export const DEFAULT_RADIUS = 30;
/** Cards per page of the list. */
export const PAGE_SIZE = 20;
/** Offers fetched at once: the map shows them all, the list pages through them. */
export const BATCH_SIZE = 100;

export interface SearchState {
  commune: string | null;
  barriers: string[];
  publics: string[];
  types: string[];
  fees: string[];
  modes: string[];
  radius: number;
  q: string;
  page: number;
  /** The offer selected on the list or the map. */
  selected: string | null;
}

const list = (query: URLSearchParams, name: string) =>
  (query.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export function parseSearchState(query: URLSearchParams): SearchState {
  const commune = query.get('commune');
  const radius = Number(query.get('rayon'));
  const page = Number(query.get('page'));
  return {
    commune: commune && /^\w{5}$/.test(commune) ? commune : null,
    barriers: list(query, 'freins'),
    publics: list(query, 'publics'),
    types: list(query, 'types'),
    fees: list(query, 'frais'),
    modes: list(query, 'modes'),
    radius: Number.isFinite(radius) && radius > 0 && radius <= 300 ? radius : DEFAULT_RADIUS,
    q: (query.get('q') ?? '').slice(0, 200),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    selected: query.get('offre'),
  };
}

export function searchHref(state: SearchState): string {
  const query = new URLSearchParams();
  if (state.commune) query.set('commune', state.commune);
  if (state.barriers.length) query.set('freins', state.barriers.join(','));
  if (state.publics.length) query.set('publics', state.publics.join(','));
  if (state.types.length) query.set('types', state.types.join(','));
  if (state.fees.length) query.set('frais', state.fees.join(','));
  if (state.modes.length) query.set('modes', state.modes.join(','));
  if (state.radius !== DEFAULT_RADIUS) query.set('rayon', String(state.radius));
  if (state.q.trim()) query.set('q', state.q.trim());
  if (state.page > 1) query.set('page', String(state.page));
  if (state.selected) query.set('offre', state.selected);
  const text = query.toString().replace(/%2C/g, ',');
  return text ? `/?${text}` : '/';
}

/** Something to search for: a commune, a text, or a filter. */
export function hasCriteria(state: SearchState): boolean {
  return Boolean(state.commune || state.q.trim() || state.barriers.length || state.publics.length || state.types.length || state.fees.length || state.modes.length);
}

export function countOtherFilters(state: SearchState): number {
  return state.publics.length + state.types.length + state.fees.length + state.modes.length;
}

/** The API page holding the list page `state.page` (BATCH_SIZE per API page). */
export function batchOf(page: number): number {
  return Math.floor(((page - 1) * PAGE_SIZE) / BATCH_SIZE) + 1;
}

/** GET /api/search parameters for this state (without barriers when `withoutBarriers`, for the chips' counts). */
export function apiParams(state: SearchState, options: { withoutBarriers?: boolean; size?: number } = {}): SearchParams {
  return {
    commune: state.commune,
    radius_km: state.commune ? state.radius : null,
    q: state.q.trim() || null,
    barriers: options.withoutBarriers ? [] : state.barriers,
    publics: state.publics,
    types: state.types,
    fees: state.fees,
    modes: state.modes,
    size: options.size ?? BATCH_SIZE,
    page: options.size ? 1 : batchOf(state.page),
  };
}

/** The next wider radius, or null at the widest. */
export function widerRadius(radius: number): number | null {
  return RADIUS_CHOICES.find((r) => r > radius) ?? (radius < 200 ? 200 : null);
}
