/**
 * One search document per published (or suspended) offer of a validated structure, denormalised so
 * an engine can filter, facet, rank and display without going back to the database. A suspension
 * ends by itself on its date, so suspended offers are indexed with it and left out at query time
 * (SearchFilters.activeOn) while it lasts.
 */
import type { Offer } from '../api/domain/offer.ts';
import { isFull } from '../api/domain/capacity.ts';
import { isOverdue } from '../api/domain/offer.ts';
import { barriersOfThematiques, categorieOfThematique, type Thematique } from '../api/domain/referentials/index.ts';

export interface SearchDocument {
  id: string;
  source: string;
  source_id: string;
  name: string;
  description: string;
  structure_id: string;
  structure_name: string;
  type: string | null;
  thematiques: string[];
  categories: string[];
  barriers: string[];
  publics: string[];
  publics_details: string | null;
  access_conditions: string | null;
  fees: string | null;
  modes_accueil: string[];
  /** d·i zone_eligibilite codes; empty = no restriction. */
  zone: string[];
  departement_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  lat: number | null;
  lon: number | null;
  itinerant_communes: string[];
  age_min: number | null;
  age_max: number | null;
  capacity: number | null;
  places_available: number | null;
  /**
   * « Complet » (api/domain/capacity.ts isFull): no place left on the offer, or on none of its sessions
   * to come, on the day the document was built. Full offers rank after the others that match as well.
   */
  full: boolean;
  /**
   * Not confirmed within its update frequency (api/domain/offer.ts isOverdue) at the instant the
   * document was built: overdue offers rank after the fresh ones that match as well, before full
   * ones. It changes with time alone: the maintenance job (api/jobs/maintenance.ts) queues the
   * offers that fell due since, so the flag follows within a maintenance run.
   */
  overdue: boolean;
  /** ISO timestamp of the last confirmation (or the source's date_maj). */
  confirmed_at: string;
  update_frequency_months: number;
  /** 0..1, d·i score_qualite style. */
  completeness: number;
  /** Last day (YYYY-MM-DD) of a suspension; null when the offer is not suspended. */
  suspended_until: string | null;
}

export interface StructureForDocument {
  id: string;
  name: string;
  status: string;
  lon: number | null;
  lat: number | null;
  commune_code: string | null;
  commune_name: string | null;
}

/** Statuses of the offers an engine holds: published, and suspended (until a day, see above). */
export const SEARCHABLE_OFFER_STATUSES = ['published', 'suspended'] as const;

/** A suspension without an end date lasts until the offer is published again. */
export const OPEN_ENDED_SUSPENSION = '9999-12-31';

/** Only published or suspended offers of validated structures are searchable. */
export function isSearchable(offer: Pick<Offer, 'status'>, structure: Pick<StructureForDocument, 'status'>): boolean {
  return (SEARCHABLE_OFFER_STATUSES as readonly string[]).includes(offer.status) && structure.status === 'validated';
}

/** What a document reads of an offer (a whole Offer will do). */
export const OFFER_FIELDS_FOR_DOCUMENT = [
  'id', 'source', 'source_id', 'name', 'description', 'type', 'thematiques', 'publics', 'publics_details', 'access_conditions',
  'fees', 'modes_accueil', 'zone', 'departement_code', 'commune_code', 'commune_name', 'lat', 'lon', 'itinerant_communes',
  'age_min', 'age_max', 'capacity', 'places_available', 'confirmed_at', 'updated_on', 'update_frequency_months', 'completeness',
  'status', 'suspended_until', 'structure_id',
] as const satisfies readonly (keyof Offer)[];

export type OfferForDocument = Pick<Offer, (typeof OFFER_FIELDS_FOR_DOCUMENT)[number]> & { sessions?: Offer['sessions'] };

/**
 * The moment documents are built for: `now` (overdue is judged at that instant) and its day
 * `today` (YYYY-MM-DD, French time: « complet » and suspensions are judged by the day).
 */
export interface DocumentTime {
  now: Date;
  today: string;
}

/** Only remote (a-distance, not en-presentiel): no place where one goes, whatever the structure's address. */
export function isRemoteOnly(modes: readonly string[]): boolean {
  return modes.includes('a-distance') && !modes.includes('en-presentiel');
}

/**
 * The document of an offer (its sessions: those to come at least) at `time`. It is placed where the
 * offer takes place, else at its structure; a remote-only offer has no place (no coordinates, so no
 * distance): it is reached remotely, never « sur place ».
 */
export function buildSearchDocument(offer: OfferForDocument, structure: StructureForDocument, time: DocumentTime): SearchDocument {
  const thematiques = offer.thematiques ?? [];
  const modes = offer.modes_accueil ?? [];
  const remoteOnly = isRemoteOnly(modes);
  const hasOwnPlace = offer.lat != null && offer.lon != null;
  return {
    id: offer.id,
    source: offer.source,
    source_id: offer.source_id,
    name: offer.name,
    description: offer.description,
    structure_id: structure.id,
    structure_name: structure.name,
    type: offer.type,
    thematiques,
    categories: [...new Set(thematiques.map((t) => categorieOfThematique(t as Thematique)))],
    barriers: barriersOfThematiques(thematiques),
    publics: offer.publics ?? [],
    publics_details: offer.publics_details,
    access_conditions: offer.access_conditions,
    fees: offer.fees,
    modes_accueil: modes,
    zone: offer.zone ?? [],
    departement_code: offer.departement_code,
    commune_code: offer.commune_code ?? structure.commune_code,
    commune_name: offer.commune_name ?? structure.commune_name,
    lat: remoteOnly ? null : hasOwnPlace ? offer.lat : structure.lat,
    lon: remoteOnly ? null : hasOwnPlace ? offer.lon : structure.lon,
    itinerant_communes: offer.itinerant_communes ?? [],
    age_min: offer.age_min,
    age_max: offer.age_max,
    capacity: offer.capacity,
    places_available: offer.places_available,
    full: isFull(offer, time.today),
    overdue: isOverdue(offer, time.now),
    confirmed_at: offer.confirmed_at ?? `${offer.updated_on}T00:00:00.000Z`,
    update_frequency_months: offer.update_frequency_months,
    completeness: offer.completeness ?? 0,
    suspended_until: offer.status === 'suspended' ? (offer.suspended_until ?? OPEN_ENDED_SUSPENSION) : null,
  };
}

/**
 * Where a document ranks among those that match as well (lower first): 0 can take someone and is
 * up to date, 1 overdue (its information may be stale), 2 full (cannot take anyone now). Both
 * engines order by it after text relevance's coarse levels, and before distance.
 */
export type RankTier = 0 | 1 | 2;

export function rankTier(doc: Pick<SearchDocument, 'full' | 'overdue'>): RankTier {
  return doc.full ? 2 : doc.overdue ? 1 : 0;
}

/** The long free texts of a document: what a lean document goes without. */
export type LongTexts = Pick<SearchDocument, 'description' | 'publics_details' | 'access_conditions'>;

/**
 * A document without its long texts (description '', the others null): everything filters,
 * ranking, reasons and result summaries read, at a fraction of the size (SearchQuery.lean).
 */
export function leanDocument(doc: SearchDocument): SearchDocument {
  return { ...doc, description: '', publics_details: null, access_conditions: null };
}
