/**
 * What may be sent to create or edit a structure (onboarding, then its page). Same conventions as
 * offer-input.ts: strict bodies with French messages and paths, PATCH as a merge (absent = unchanged,
 * null = cleared), server-managed fields refused with a message saying what to do instead.
 */
import { z } from 'zod';
import { diFieldRules, frenchToday } from './di/schema.ts';
import { OWN_SOURCE } from './di/mapping.ts';
import { readableName, suggestedTypology, type Establishment } from './establishment.ts';
import { parseInput, type FieldProblem, type InputResult } from './field-problem.ts';
import { allOptional, clearable, placeAndContactFields, siret, url, withNullDefaults } from './input-fields.ts';
import { reseauPorteurSchema, typologySchema } from './referentials/index.ts';
import type { Structure, StructureInput } from './structure.ts';

const editableFields = {
  siret: clearable(siret),
  description: clearable(z.string().trim().pipe(diFieldRules.description)),
  typology: clearable(typologySchema),
  reseaux_porteurs: clearable(diFieldRules.uniqueList(reseauPorteurSchema)),
  ...placeAndContactFields,
  website: url,
  accessibility_url: url,
};

const name = z.string().trim().pipe(diFieldRules.nom);

export const structureCreateSchema = z.strictObject({
  name,
  ...withNullDefaults(editableFields),
});

export const structurePatchSchema = z.strictObject({
  name: name.optional(),
  ...allOptional(editableFields),
});

export type StructureCreate = z.output<typeof structureCreateSchema>;
export type StructurePatch = z.output<typeof structurePatchSchema>;

export const STRUCTURE_READ_ONLY: Readonly<Record<string, string>> = {
  id: 'identifiant attribué par le serveur : il ne se modifie pas',
  status: 'le statut change par la validation d’un coordinateur ou l’archivage',
  source: 'champ géré par le serveur',
  source_id: 'champ géré par le serveur',
  source_url: 'champ géré par le serveur',
  commune_name: 'le nom de la commune se déduit de son code INSEE (commune_code)',
  departement_code: 'le département se déduit de la commune',
  updated_on: 'date tenue par le serveur à chaque modification',
  confirmed_at: 'utilisez l’action confirmer (« rien n’a changé »)',
  validated_at: 'date tenue par la modération',
  rejection_reason: 'motif donné par le coordinateur qui refuse la structure',
  created_at: 'date tenue par le serveur',
  updated_at: 'date tenue par le serveur',
  offers: 'les offres se modifient une par une (/api/offers)',
};

export function parseStructureCreate(body: unknown): InputResult<StructureCreate> {
  return parseInput(structureCreateSchema, body, STRUCTURE_READ_ONLY);
}

export function parseStructurePatch(body: unknown): InputResult<StructurePatch> {
  return parseInput(structurePatchSchema, body, STRUCTURE_READ_ONLY);
}

export interface NewStructureContext {
  /** Our d·i id for it (`source_id` under our source), chosen by the server. */
  sourceId: string;
  now: Date;
  communeName: string | null;
}

/** A structure registered here waits for a coordinator of its département ("pending"). */
export function newStructureInput(create: StructureCreate, context: NewStructureContext): StructureInput {
  return {
    ...create,
    source: OWN_SOURCE,
    source_id: context.sourceId,
    source_url: null,
    commune_name: create.commune_code ? context.communeName : null,
    status: 'pending',
    updated_on: frenchToday(context.now),
    confirmed_at: null,
  };
}

export function applyStructurePatch(current: StructureInput, patch: StructurePatch, context: { now: Date; communeName: string | null }): StructureInput {
  const next: StructureInput = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (patch.commune_code !== undefined) next.commune_name = patch.commune_code ? context.communeName : null;
  next.updated_on = frenchToday(context.now);
  return next;
}

/** The editable form of a stored structure. */
export function structureInputOf(structure: Structure): StructureInput {
  const { id: _id, departement_code: _d, validated_at: _v, rejection_reason: _r, created_at: _c, updated_at: _u, ...fields } = structure;
  return fields;
}

export function structureConsistencyProblems(s: Pick<StructureInput, 'lon' | 'lat'>): FieldProblem[] {
  if ((s.lon == null) === (s.lat == null)) return [];
  return [{ path: s.lon == null ? 'lon' : 'lat', message: 'La longitude et la latitude vont ensemble : indiquez les deux ou aucune' }];
}

/** What registering a structure needs beyond a valid body: its commune names the coordinators who validate it. */
export function registrationProblems(create: Pick<StructureCreate, 'commune_code'>): FieldProblem[] {
  if (create.commune_code) return [];
  return [{ path: 'commune_code', message: 'Indiquez la commune de la structure : les coordinateurs de son département valideront l’inscription' }];
}

export type StructurePrefill = Pick<
  StructureCreate,
  'name' | 'siret' | 'typology' | 'address' | 'address_complement' | 'postal_code' | 'commune_code' | 'lon' | 'lat'
>;

/**
 * The onboarding form prefilled from the directory. Masked (non-diffusible) fields stay empty for the
 * person to fill; they confirm everything before sending it as a StructureCreate.
 */
export function structurePrefill(e: Establishment): StructurePrefill {
  // A head office is known by the unit's name; another establishment by its own sign when it has one.
  const name = e.is_head_office ? (e.name ?? e.establishment_name) : (e.establishment_name ?? e.name);
  return {
    name: name ? readableName(name) : '',
    siret: e.siret,
    typology: suggestedTypology(e),
    address: e.address ? readableName(e.address) : null,
    address_complement: e.address_complement ? readableName(e.address_complement) : null,
    postal_code: e.postal_code,
    commune_code: e.commune_code,
    lon: e.lon,
    lat: e.lat,
  };
}
