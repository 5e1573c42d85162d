/** zod parsing at the HTTP boundary, with plain French messages (inputErrorMap) and dotted field paths. */
import { z } from 'zod';
import { invalidFields, type FieldError } from './problem.ts';
import { isDepartementCode } from '../domain/departement-code.ts';
import { inputErrorMap } from '../domain/field-problem.ts';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(racine)', message: issue.message }));
}

/** Parses or throws a 400 problem listing every invalid field. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, title = 'Paramètres invalides'): z.output<T> {
  const result = schema.safeParse(input, { error: inputErrorMap });
  if (!result.success) {
    throw invalidFields(fieldErrors(result.error), title);
  }
  return result.data;
}

/** A comma-separated list in a query string ("a,b") → array of non-empty trimmed values. */
export function csvList<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value),
    z.array(item),
  );
}

/** Pagination shared by every collection route: page ≥ 1, size 1..100. */
export const paginationSchema = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
};

/** A département code in a query string (« 47 », « 2a » → « 2A »). */
export const departementCodeParam = z
  .string({ error: 'Code département attendu (ex. 47)' })
  .trim()
  .toUpperCase()
  .refine(isDepartementCode, 'Code département attendu (ex. 47, 2A ou 974)');
