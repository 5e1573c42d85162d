/**
 * Field schemas shared by the offer and structure editing inputs. Every schema accepts null (the
 * field is cleared) and turns an empty or blank string into null, as forms send "" for empty inputs.
 * The d·i field rules are reused as they are (di/schema.ts `diFieldRules`), so whatever a structure
 * enters here can be exported as v1.
 */
import { z } from 'zod';
import { diFieldRules } from './di/schema.ts';
import { checkOpeningHours } from './opening-hours.ts';
import { normalizePhone } from './phone.ts';
import { compactSiret, isValidSiret } from './siret.ts';

function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/** `schema`, nullable, with "" → null. */
export function clearable<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable());
}

/** Free text, trimmed, at most `max` characters; "" → null. */
export function text(max: number) {
  return clearable(z.string().trim().max(max));
}

/** A list given as [] means "not specified" for the d·i lists that require one item when present. */
function emptyListToNull(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? null : value;
}

/** A d·i list with minItems 1 (publics, modes de mobilisation...): [] → null. */
export function nonEmptyList<T extends z.ZodType>(schema: T) {
  return z.preprocess(emptyListToNull, schema.nullable());
}

export const communeCode = z.string().trim().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères, ex. 47157)');

export const postalCode = clearable(z.string().trim().pipe(diFieldRules.codePostal));

export const longitude = clearable(z.number().min(-180).max(180));
export const latitude = clearable(z.number().min(-90).max(90));

export const phone = clearable(
  z.string().transform((value, ctx) => {
    const checked = normalizePhone(value);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.message, input: value });
    return z.NEVER;
  }),
);

export const email = clearable(z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)));

export const url = clearable(z.string().trim().pipe(diFieldRules.httpUrl));

/** OSM opening_hours, stored in the package's normalised spelling. */
export const openingHours = clearable(
  z.string().transform((value, ctx) => {
    const checked = checkOpeningHours(value);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.message, input: value });
    return z.NEVER;
  }),
);

/** A SIRET with its check key; spaces pasted from a letterhead are accepted. */
export const siret = z
  .string()
  .transform(compactSiret)
  .pipe(diFieldRules.siret)
  .refine(isValidSiret, { message: 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les 14 chiffres)' });

export const isoDate = z.iso.date({ error: (issue) => (issue.input === undefined ? 'date obligatoire (AAAA-MM-JJ)' : 'date invalide : format AAAA-MM-JJ attendu') });

/** Every field absent → null (creation bodies). */
export function withNullDefaults<S extends Record<string, z.ZodType>>(shape: S) {
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, (s as z.ZodType).default(null)])) as {
    [K in keyof S]: z.ZodDefault<S[K]>;
  };
}

/** Every field may be absent → unchanged (PATCH bodies). */
export function allOptional<S extends Record<string, z.ZodType>>(shape: S) {
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof S]: z.ZodOptional<S[K]>;
  };
}

/** Place and contact fields shared by offers and structures. */
export const placeAndContactFields = {
  address: text(250),
  address_complement: text(250),
  postal_code: postalCode,
  commune_code: clearable(communeCode),
  lon: longitude,
  lat: latitude,
  phone,
  email,
  opening_hours: openingHours,
};
