/** Shapes of the API's answers, from the API's own types where they exist (type-only imports: no code shipped). */
import type { ReferentialsPayload } from '../../../api/domain/referentials/index.ts';
import type { OfferSummary } from '../../../api/domain/matching/summary.ts';
import type { OfferView } from '../../../api/domain/offer-view.ts';
import type { Structure } from '../../../api/domain/structure.ts';
import type { CommuneDetails, CommuneSummary } from '../../../api/db/territories.ts';
import type { MePayload } from '../../../api/routes/auth.ts';
import type { ClientConfig } from '../../../api/routes/config.ts';
import type { BarrierKey } from '../../../api/domain/referentials/barriers.ts';

export type { BarrierKey, ClientConfig, CommuneDetails, CommuneSummary, OfferSummary, ReferentialsPayload as Referentials };
export type Me = MePayload;

export type FacetCounts = Partial<Record<'barriers' | 'thematiques' | 'categories' | 'publics' | 'type' | 'fees' | 'modes_accueil' | 'departement_code', Record<string, number>>>;

export interface SearchItem extends OfferSummary {
  structure: { id: string; name: string };
  distance_km: number | null;
  reasons: string[];
}

export interface SearchResponse {
  total: number;
  page: number;
  size: number;
  items: SearchItem[];
  facets: FacetCounts;
  engine: string;
  degraded: boolean;
}

export interface MatchItem {
  offer: OfferSummary;
  structure: { id: string; name: string };
  distance_km: number | null;
  score: number;
  reasons: string[];
}

export interface MatchGroup {
  barrier: BarrierKey;
  label: string;
  total: number;
  unmet: boolean;
  items: MatchItem[];
}

export interface MatchResponse {
  commune: { code: string; name: string };
  radius_km: number;
  groups: MatchGroup[];
  unmet_barriers: BarrierKey[];
  engine: string;
  degraded: boolean;
}

export interface MatchProfile {
  commune: string;
  barriers?: string[];
  situations?: string[];
  publics?: string[];
  age?: number;
  has_vehicle?: boolean;
  max_km?: number;
  q?: string;
}

export type OfferDetail = OfferView & { structure: Structure };

export interface OpeningHoursReading {
  value: string;
  text: string | null;
  open_now: boolean | null;
  warnings: string[];
}

export interface Message {
  message: string;
}
