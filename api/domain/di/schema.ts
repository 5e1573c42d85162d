/**
 * data·inclusion schema v1 (v1.0.8) in zod: the JSON Schema (types, required, patterns, lengths,
 * formats, enums, minItems, uniqueItems, minimum) plus the rules upstream only enforces in pydantic
 * (date_maj bounds, `tous-publics` alone). Built per call because "today" is injected.
 * Unknown keys are dropped, like pydantic's default `extra="ignore"`; absent optional fields become null.
 */
import { z } from 'zod';
import {
  fraisSchema,
  modeAccueilSchema,
  modeMobilisationSchema,
  personneMobilisatriceSchema,
  publicSchema,
  reseauPorteurSchema,
  thematiqueSchema,
  typeServiceSchema,
} from '../referentials/index.ts';
import { zoneCodeKind } from '../territory.ts';
import { frenchDay } from '../matching/time.ts';
import { inputErrorMap } from '../field-problem.ts';

/** Oldest accepted date_maj ("doit être au 21e siècle" upstream). */
export const DI_MIN_DATE = '2000-01-01';

/** The plain French messages of every input (api/domain/field-problem.ts). Pass to safeParse. */
export const diErrorMap: z.core.$ZodErrorMap = inputErrorMap;

/**
 * Today's date in France (YYYY-MM-DD): upstream compares date_maj with the server's local date.
 * frenchDay's one shared formatter (building one per call cost more than the rest of the work).
 */
export function frenchToday(now: Date): string {
  return frenchDay(now);
}

function quoted(input: unknown): string {
  const text = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  return `« ${text.length > 80 ? `${text.slice(0, 77)}…` : text} »`;
}

/** Optional d·i field: `anyOf [T, null]`, default null. */
function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

/** A list with `uniqueItems: true` (and optionally `minItems`); each repeated value is reported at its index. */
function uniqueList<T extends z.ZodType<string>>(item: T, minItems = 0) {
  const list = minItems > 0 ? z.array(item).min(minItems) : z.array(item);
  return list.superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], input: value, message: `valeur en double ${quoted(value)}` });
      seen.add(value);
    });
  });
}

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function dateMaj(today: string) {
  return z.iso
    .date()
    .refine((d) => !ISO_DATE_SHAPE.test(d) || d >= DI_MIN_DATE, {
      error: (issue) => `date ${quoted(issue.input)} trop ancienne : la date de mise à jour doit être postérieure au 1er janvier 2000`,
    })
    .refine((d) => !ISO_DATE_SHAPE.test(d) || d <= today, {
      error: (issue) => `date ${quoted(issue.input)} dans le futur : la date de mise à jour ne peut pas dépasser le ${today}`,
    });
}

/** pydantic HttpUrl: absolute http(s) URL, 1..2083 characters. */
const httpUrl = z.url({ protocol: /^https?$/ }).min(1).max(2083);

const nom = z.string().min(3).max(150);
const description = z.string().min(5).max(10000);
const siret = z.string().regex(/^\d{14}$/, { error: (issue) => `SIRET invalide ${quoted(issue.input)} : 14 chiffres attendus` });
const codePostal = z.string().regex(/^\d{5}$/, { error: (issue) => `code postal invalide ${quoted(issue.input)} : 5 chiffres attendus` });
// Upstream pattern `^\w{5}$` (COG codes such as 47001 or 2A004), kept loose for parity with d·i.
const codeInsee = z.string().regex(/^\w{5}$/, { error: (issue) => `code INSEE invalide ${quoted(issue.input)} : 5 caractères attendus` });

/**
 * One zone_eligibilite item: commune (5), département (2–3), EPCI SIREN (9 digits), pays (99xxx) or
 * "france". Read in its COG form: Corsican codes in capitals ("2a004" is 2A004), or it would never
 * equal the codes of the person's commune.
 */
const zoneCode = z
  .string()
  .refine((code) => zoneCodeKind(code) !== null, {
    error: (issue) =>
      `code de zone invalide ${quoted(issue.input)} : code commune (5 caractères), département (2 ou 3), EPCI (SIREN à 9 chiffres), pays (99xxx) ou « france » attendu`,
  })
  .transform((code) => (code === 'france' ? code : code.toUpperCase()));

const publics = uniqueList(publicSchema, 1).refine((values) => !values.includes('tous-publics') || values.length === 1, {
  message: '« tous-publics » ne peut pas être utilisé avec d’autres publics',
});

/** Fields shared by Structure and Service (place and contact). */
function placeAndContact() {
  return {
    commune: nullable(z.string()),
    code_postal: nullable(codePostal),
    code_insee: nullable(codeInsee),
    adresse: nullable(z.string()),
    complement_adresse: nullable(z.string()),
    longitude: nullable(z.number()),
    latitude: nullable(z.number()),
    telephone: nullable(z.string()),
    courriel: nullable(z.email()),
    horaires_accueil: nullable(z.string()),
  };
}

export function dataInclusionSchemas(now: Date) {
  const today = frenchToday(now);

  const structure = z.object({
    source: z.string(),
    id: z.string(),
    nom,
    date_maj: dateMaj(today),
    description: nullable(description),
    lien_source: nullable(httpUrl),
    siret: nullable(siret),
    ...placeAndContact(),
    site_web: nullable(httpUrl),
    accessibilite_lieu: nullable(httpUrl),
    reseaux_porteurs: nullable(uniqueList(reseauPorteurSchema)),
  });

  const service = z.object({
    source: z.string(),
    structure_id: z.string(),
    id: z.string(),
    nom,
    description,
    lien_source: nullable(httpUrl),
    date_maj: dateMaj(today),
    type: nullable(typeServiceSchema),
    thematiques: nullable(uniqueList(thematiqueSchema)),
    frais: nullable(fraisSchema),
    frais_precisions: nullable(z.string()),
    publics: nullable(publics),
    publics_precisions: nullable(z.string()),
    conditions_acces: nullable(z.string()),
    ...placeAndContact(),
    modes_accueil: nullable(uniqueList(modeAccueilSchema)),
    // No uniqueItems upstream: repeated codes are accepted (and kept, for a lossless round trip).
    zone_eligibilite: nullable(z.array(zoneCode).min(1)),
    contact_nom_prenom: nullable(z.string()),
    lien_mobilisation: nullable(httpUrl),
    modes_mobilisation: nullable(uniqueList(modeMobilisationSchema, 1)),
    mobilisable_par: nullable(uniqueList(personneMobilisatriceSchema, 1)),
    mobilisation_precisions: nullable(z.string()),
    volume_horaire_hebdomadaire: nullable(z.number().min(0)),
    nombre_semaines: nullable(z.number().int().min(1)),
  });

  /** Our exchange file: both collections side by side. */
  const file = z.object({ structures: z.array(structure), services: z.array(service) });

  return { structure, service, file };
}

export type DataInclusionSchemas = ReturnType<typeof dataInclusionSchemas>;
export type DiStructure = z.output<DataInclusionSchemas['structure']>;
export type DiService = z.output<DataInclusionSchemas['service']>;
export type DataInclusionFile = z.output<DataInclusionSchemas['file']>;

/** Field names of the v1 models, in schema order (every one must survive an import → export). */
export const DI_STRUCTURE_FIELDS = Object.keys(dataInclusionSchemas(new Date(0)).structure.shape) as readonly (keyof DiStructure)[];
export const DI_SERVICE_FIELDS = Object.keys(dataInclusionSchemas(new Date(0)).service.shape) as readonly (keyof DiService)[];

/**
 * The field-level d·i rules, for the editing API (api/domain/offer-input.ts, structure-input.ts):
 * what we accept from a form must stay exportable as v1, so the same schemas check both.
 */
export const diFieldRules = { nom, description, siret, codePostal, codeInsee, zoneCode, publics, httpUrl, uniqueList } as const;
