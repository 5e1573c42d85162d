/**
 * What a structure may send to create or edit an offer (POST / PATCH /api/offers). A draft can be
 * incomplete — only its name is required — but every field it carries must be valid; the rules for
 * going public are in publication.ts. Server-managed fields (status, dates, source, completeness)
 * are refused here: status changes go through the publish / suspend / archive / confirm actions.
 *
 * PATCH is a merge: an absent field is unchanged, null clears it. Cross-field rules (ages, places,
 * sessions, coordinates) are checked on the merged offer by `offerConsistencyProblems`.
 */
import { z } from 'zod';
import { diFieldRules, frenchToday } from './di/schema.ts';
import { OWN_SOURCE } from './di/mapping.ts';
import { parseInput, type FieldProblem, type InputResult } from './field-problem.ts';
import { allOptional, clearable, communeCode, isoDate, nonEmptyList, placeAndContactFields, text, url, withNullDefaults } from './input-fields.ts';
import { DEFAULT_UPDATE_FREQUENCY, UPDATE_FREQUENCIES, type Offer, type OfferInput, type OfferSessionInput, type UpdateFrequency } from './offer.ts';
import {
  fraisSchema,
  modeAccueilSchema,
  modeMobilisationSchema,
  personneMobilisatriceSchema,
  thematiqueSchema,
  typeServiceSchema,
} from './referentials/index.ts';

const { uniqueList } = diFieldRules;

const count = (max: number) => clearable(z.number().int().min(0).max(max));

const sessionSchema = z.strictObject({
  label: text(150).default(null),
  starts_on: isoDate,
  ends_on: clearable(isoDate).default(null),
  capacity: count(100_000).default(null),
  places_available: count(100_000).default(null),
});

const updateFrequency = z.literal(UPDATE_FREQUENCIES, { error: 'Fréquence de mise à jour : 1, 3, 6 ou 12 mois' });

/** Every editable field except name and structure, all clearable with null. */
const editableFields = {
  description: text(10_000),
  type: clearable(typeServiceSchema),
  thematiques: clearable(uniqueList(thematiqueSchema)),
  publics: nonEmptyList(diFieldRules.publics),
  publics_details: text(2000),
  age_min: count(120),
  age_max: count(120),
  access_conditions: text(5000),
  fees: clearable(fraisSchema),
  fees_details: text(1000),
  modes_accueil: clearable(uniqueList(modeAccueilSchema)),
  itinerant_communes: nonEmptyList(uniqueList(communeCode).max(200)),
  zone: nonEmptyList(uniqueList(diFieldRules.zoneCode, 1).max(500)),
  ...placeAndContactFields,
  modes_mobilisation: nonEmptyList(uniqueList(modeMobilisationSchema, 1)),
  mobilisable_par: nonEmptyList(uniqueList(personneMobilisatriceSchema, 1)),
  mobilisation_details: text(2000),
  mobilisation_url: url,
  contact_name: text(150),
  weekly_hours: clearable(z.number().min(0).max(168)),
  weeks: clearable(z.number().int().min(1).max(520)),
  capacity: count(100_000),
  places_available: count(100_000),
};


const name = z.string().trim().pipe(diFieldRules.nom);

export const offerCreateSchema = z.strictObject({
  structure_id: z.string().trim().min(1).max(100),
  name,
  ...withNullDefaults(editableFields),
  // Contact details are personal data more often than not: public only when the structure says so.
  contact_public: z.boolean().default(false),
  update_frequency_months: updateFrequency.default(DEFAULT_UPDATE_FREQUENCY),
  sessions: z.array(sessionSchema).max(100).default([]),
});

export const offerPatchSchema = z.strictObject({
  name: name.optional(),
  ...allOptional(editableFields),
  contact_public: z.boolean().optional(),
  update_frequency_months: updateFrequency.optional(),
  sessions: z.array(sessionSchema).max(100).optional(),
});

export type OfferCreate = z.output<typeof offerCreateSchema>;
export type OfferPatch = z.output<typeof offerPatchSchema>;

/** Fields a client may have read but cannot write, with what to do instead. */
export const OFFER_READ_ONLY: Readonly<Record<string, string>> = {
  id: 'identifiant attribué par le serveur : il ne se modifie pas',
  status: 'le statut change par les actions publier, suspendre, archiver ou confirmer',
  suspended_until: 'la date de fin de suspension se donne avec l’action suspendre',
  source: 'champ géré par le serveur',
  source_id: 'champ géré par le serveur',
  source_url: 'champ géré par le serveur',
  commune_name: 'le nom de la commune se déduit de son code INSEE (commune_code)',
  departement_code: 'le département se déduit de la commune',
  completeness: 'le score de complétude est calculé par le serveur',
  updated_on: 'date tenue par le serveur à chaque modification',
  confirmed_at: 'utilisez l’action confirmer (« rien n’a changé »)',
  reviewed_at: 'date tenue par la modération',
  created_at: 'date tenue par le serveur',
  updated_at: 'date tenue par le serveur',
  overdue: 'calculé par le serveur',
  contact_restricted: 'calculé par le serveur',
  structure: 'la structure se choisit à la création (structure_id) et ne change pas',
};

export function parseOfferCreate(body: unknown): InputResult<OfferCreate> {
  return parseInput(offerCreateSchema, body, OFFER_READ_ONLY);
}

export function parseOfferPatch(body: unknown): InputResult<OfferPatch> {
  return parseInput(offerPatchSchema, body, {
    ...OFFER_READ_ONLY,
    structure_id: 'une offre ne change pas de structure : créez-la dans l’autre structure',
  });
}

export interface NewOfferContext {
  /** Our d·i id for it (`source_id` under our source), chosen by the server. */
  sourceId: string;
  now: Date;
  /** Commune name from the COG for `commune_code` (the route looks it up). */
  communeName: string | null;
}

/** The stored form of a new draft: our source, the server's dates, the fields as entered. */
export function newOfferInput(create: OfferCreate, context: NewOfferContext): OfferInput {
  const { sessions, ...fields } = create;
  return {
    ...fields,
    description: fields.description ?? '',
    source: OWN_SOURCE,
    source_id: context.sourceId,
    source_url: null,
    commune_name: fields.commune_code ? context.communeName : null,
    status: 'draft',
    suspended_until: null,
    updated_on: frenchToday(context.now),
    confirmed_at: null,
    sessions: sessions.map(copySession),
  };
}

function copySession(s: OfferSessionInput): OfferSessionInput {
  return { label: s.label, starts_on: s.starts_on, ends_on: s.ends_on, capacity: s.capacity, places_available: s.places_available };
}

/**
 * The offer after a PATCH: absent fields kept, null ones cleared. `communeName` is the COG name of
 * the (possibly new) commune_code. Any real change moves updated_on (d·i date_maj) to today.
 */
export function applyOfferPatch(current: OfferInput, patch: OfferPatch, context: { now: Date; communeName: string | null }): OfferInput {
  const next: OfferInput = { ...current, sessions: current.sessions.map(copySession) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'sessions') next.sessions = (value as OfferSessionInput[]).map(copySession);
    else (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (patch.description === null) next.description = '';
  if (patch.commune_code !== undefined) next.commune_name = patch.commune_code ? context.communeName : null;
  next.updated_on = frenchToday(context.now);
  return next;
}

/** The editable form of a stored offer (what applyOfferPatch and the repository take). */
export function offerInputOf(offer: Offer): OfferInput {
  const { id: _id, departement_code: _d, completeness: _c, reviewed_at: _r, created_at: _ca, updated_at: _ua, sessions, ...fields } = offer;
  return { ...fields, sessions: sessions.map(copySession) };
}

/** Rules across fields that every saved version of an offer obeys, draft or not. */
export function offerConsistencyProblems(o: Pick<
  OfferInput,
  'age_min' | 'age_max' | 'capacity' | 'places_available' | 'lon' | 'lat' | 'sessions'
>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (o.age_min != null && o.age_max != null && o.age_min > o.age_max) {
    problems.push({ path: 'age_max', message: `L’âge maximum (${o.age_max} ans) est inférieur à l’âge minimum (${o.age_min} ans)` });
  }
  if (o.capacity != null && o.places_available != null && o.places_available > o.capacity) {
    problems.push({ path: 'places_available', message: `Plus de places disponibles (${o.places_available}) que de places au total (${o.capacity})` });
  }
  if ((o.lon == null) !== (o.lat == null)) {
    problems.push({ path: o.lon == null ? 'lon' : 'lat', message: 'La longitude et la latitude vont ensemble : indiquez les deux ou aucune' });
  }
  o.sessions.forEach((s, i) => {
    if (s.ends_on && s.ends_on < s.starts_on) {
      problems.push({ path: `sessions.${i}.ends_on`, message: `La session se termine (${s.ends_on}) avant de commencer (${s.starts_on})` });
    }
    if (s.capacity != null && s.places_available != null && s.places_available > s.capacity) {
      problems.push({ path: `sessions.${i}.places_available`, message: `Plus de places disponibles (${s.places_available}) que de places au total (${s.capacity})` });
    }
  });
  return problems;
}

export type { UpdateFrequency };
