/**
 * data·inclusion v1 ↔ our catalogue. Every d·i field has its own column, so an import exports back
 * unchanged: null stays null, [] stays [], strings and numbers are copied as they are (no phone or
 * URL normalisation here). Our own fields (typology, ages, capacity, sessions, moderation status...)
 * get defaults on the first import and are kept on re-import.
 */
import type { Offer, OfferInput } from '../offer.ts';
import type { Structure, StructureInput } from '../structure.ts';
import { TYPOLOGY_ENTRIES } from '../referentials/index.ts';
import type { DiService, DiStructure } from './schema.ts';

/** Source of the records created in this application (exported with their own source_id as d·i id). */
export const OWN_SOURCE = 'offre-insertion';

/** Update frequency given to imported offers (months). */
export const IMPORTED_UPDATE_FREQUENCY = 6;

/** d·i identity of a record: (source, id). */
export interface DiRef {
  source: string;
  id: string;
}

export function diKey(ref: DiRef): string {
  return `${ref.source}\u0000${ref.id}`;
}

/**
 * The structure a service belongs to among candidates: same source and id first; otherwise the id
 * alone when exactly one candidate carries it (d·i ids are meant to be global, and an offer created
 * here for an imported structure is exported with our source but the structure's id).
 */
export function resolveStructureRef<T extends DiRef>(service: { source: string; structure_id: string }, candidates: readonly T[]): T | undefined {
  const sameId = candidates.filter((c) => c.id === service.structure_id);
  const sameSource = sameId.find((c) => c.source === service.source);
  if (sameSource) return sameSource;
  const distinct = new Map(sameId.map((c) => [diKey(c), c]));
  return distinct.size === 1 ? [...distinct.values()][0] : undefined;
}

/** The later of two ISO dates/timestamps (lexicographic order is chronological for both forms). */
function latest(a: string | null | undefined, b: string): string {
  return a && a > b ? a : b;
}

export function structureFromDi(s: DiStructure, existing?: Structure | null): StructureInput {
  return {
    source: s.source,
    source_id: s.id,
    name: s.nom,
    updated_on: s.date_maj,
    description: s.description,
    source_url: s.lien_source,
    siret: s.siret,
    commune_name: s.commune,
    postal_code: s.code_postal,
    commune_code: s.code_insee,
    address: s.adresse,
    address_complement: s.complement_adresse,
    lon: s.longitude,
    lat: s.latitude,
    phone: s.telephone,
    email: s.courriel,
    website: s.site_web,
    opening_hours: s.horaires_accueil,
    accessibility_url: s.accessibilite_lieu,
    reseaux_porteurs: s.reseaux_porteurs,
    // Ours: an imported structure is validated on arrival; a re-import keeps the local decisions.
    typology: existing?.typology ?? null,
    status: existing?.status ?? 'validated',
    confirmed_at: latest(existing?.confirmed_at, s.date_maj),
  };
}

/** `structureId` is our id of the structure, resolved by the caller (see resolveStructureRef). */
export function offerFromDi(s: DiService, structureId: string, existing?: Offer | null): OfferInput {
  return {
    structure_id: structureId,
    source: s.source,
    source_id: s.id,
    name: s.nom,
    description: s.description,
    source_url: s.lien_source,
    updated_on: s.date_maj,
    type: s.type,
    thematiques: s.thematiques,
    fees: s.frais,
    fees_details: s.frais_precisions,
    publics: s.publics,
    publics_details: s.publics_precisions,
    access_conditions: s.conditions_acces,
    commune_name: s.commune,
    postal_code: s.code_postal,
    commune_code: s.code_insee,
    address: s.adresse,
    address_complement: s.complement_adresse,
    lon: s.longitude,
    lat: s.latitude,
    phone: s.telephone,
    email: s.courriel,
    opening_hours: s.horaires_accueil,
    modes_accueil: s.modes_accueil,
    zone: s.zone_eligibilite,
    contact_name: s.contact_nom_prenom,
    mobilisation_url: s.lien_mobilisation,
    modes_mobilisation: s.modes_mobilisation,
    mobilisable_par: s.mobilisable_par,
    mobilisation_details: s.mobilisation_precisions,
    weekly_hours: s.volume_horaire_hebdomadaire,
    weeks: s.nombre_semaines,
    // Ours: published on arrival with public contacts; a re-import keeps what was decided here.
    status: existing?.status ?? 'published',
    suspended_until: existing?.suspended_until ?? null,
    contact_public: existing?.contact_public ?? true,
    update_frequency_months: existing?.update_frequency_months ?? IMPORTED_UPDATE_FREQUENCY,
    confirmed_at: latest(existing?.confirmed_at, s.date_maj),
    age_min: existing?.age_min ?? null,
    age_max: existing?.age_max ?? null,
    itinerant_communes: existing?.itinerant_communes ?? null,
    capacity: existing?.capacity ?? null,
    places_available: existing?.places_available ?? null,
    sessions: (existing?.sessions ?? []).map(({ id: _id, ...session }) => session),
  };
}

/**
 * A d·i record as we would emit it, before schema validation (the export validates each record and
 * leaves out what the schema refuses, so the file stays valid v1 JSON).
 */
export type DiStructureDraft = { [K in keyof DiStructure]: unknown };
export type DiServiceDraft = { [K in keyof DiService]: unknown };

function unique(list: readonly string[] | null): string[] | null {
  return list == null ? null : [...new Set(list)];
}

/** d·i requires at least one item in these lists when present: an empty list of ours becomes null. */
function nonEmpty(list: readonly string[] | null): string[] | null {
  return list == null || list.length === 0 ? null : [...list];
}

function dateOnly(value: string): string {
  return value.slice(0, 10);
}

export function structureToDi(s: Structure): DiStructureDraft {
  const fromTypology = s.typology ? TYPOLOGY_ENTRIES.find((t) => t.value === s.typology)?.reseaux_porteurs : undefined;
  return {
    source: s.source,
    id: s.source_id,
    nom: s.name,
    date_maj: dateOnly(s.updated_on),
    description: s.description,
    lien_source: s.source_url,
    siret: s.siret,
    commune: s.commune_name,
    code_postal: s.postal_code,
    code_insee: s.commune_code,
    adresse: s.address,
    complement_adresse: s.address_complement,
    longitude: s.lon,
    latitude: s.lat,
    telephone: s.phone,
    courriel: s.email,
    horaires_accueil: s.opening_hours,
    site_web: s.website,
    accessibilite_lieu: s.accessibility_url,
    // A structure of ours without networks gets the ones its typology implies.
    reseaux_porteurs: unique(s.reseaux_porteurs ?? (fromTypology?.length ? [...fromTypology] : null)),
  };
}

/** `structure` is the offer's structure (its d·i id is its source_id). */
export function offerToDi(o: Offer, structure: Pick<Structure, 'source_id'>): DiServiceDraft {
  // Contacts reserved to professionals never leave in an open-data export.
  const contact = o.contact_public ? o : { contact_name: null, phone: null, email: null };
  return {
    source: o.source,
    structure_id: structure.source_id,
    id: o.source_id,
    nom: o.name,
    description: o.description,
    lien_source: o.source_url,
    date_maj: dateOnly(o.updated_on),
    type: o.type,
    thematiques: unique(o.thematiques),
    frais: o.fees,
    frais_precisions: o.fees_details,
    publics: nonEmpty(unique(o.publics)),
    publics_precisions: o.publics_details,
    conditions_acces: o.access_conditions,
    commune: o.commune_name,
    code_postal: o.postal_code,
    code_insee: o.commune_code,
    adresse: o.address,
    complement_adresse: o.address_complement,
    longitude: o.lon,
    latitude: o.lat,
    telephone: contact.phone,
    courriel: contact.email,
    horaires_accueil: o.opening_hours,
    modes_accueil: unique(o.modes_accueil),
    zone_eligibilite: nonEmpty(o.zone),
    contact_nom_prenom: contact.contact_name,
    lien_mobilisation: o.mobilisation_url,
    modes_mobilisation: nonEmpty(unique(o.modes_mobilisation)),
    mobilisable_par: nonEmpty(unique(o.mobilisable_par)),
    mobilisation_precisions: o.mobilisation_details,
    volume_horaire_hebdomadaire: o.weekly_hours,
    nombre_semaines: o.weeks,
  };
}
