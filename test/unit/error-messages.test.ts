/**
 * The generic French messages every input gets (api/domain/field-problem.ts `inputErrorMap`, used
 * for query parameters, JSON bodies and d·i files): plain sentences instead of zod's stock French
 * (« Trop grand : nombre doit être <=100 »), while a field's own message always wins.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate } from '../../api/domain/input-fields.ts';
import { parseInput } from '../../api/domain/field-problem.ts';
import { paginationSchema, parseOr400 } from '../../api/http/validate.ts';
import { HttpProblem } from '../../api/http/problem.ts';

/** The problems parseOr400 reports, as path → message. */
function queryProblems(schema: z.ZodType, input: unknown): Record<string, string> {
  try {
    parseOr400(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpProblem);
    return Object.fromEntries((error as HttpProblem).errors!.map((e) => [e.path, e.message]));
  }
  throw new Error('expected a 400');
}

function inputProblems(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = parseInput(schema, input);
  if (r.ok) throw new Error('expected problems');
  return Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
}

describe('generic French messages', () => {
  it('numbers out of range, wrong types and missing fields', () => {
    const schema = z.object({ ...paginationSchema, age: z.coerce.number().int().min(16), name: z.string() });
    expect(queryProblems(schema, { size: '500', page: '0', age: 'vingt' })).toEqual({
      size: 'doit être inférieur ou égal à 100',
      page: 'doit être supérieur ou égal à 1',
      age: 'nombre attendu',
      name: 'champ obligatoire',
    });
    expect(queryProblems(schema, { age: '16.5', name: 3 })).toEqual({ age: 'nombre entier attendu', name: 'texte attendu' });
  });

  it('lists and texts too short or too long', () => {
    const schema = z.object({ modes: z.array(z.string()).min(1).max(2), reasons: z.string().max(600), code: z.string().min(3) });
    expect(inputProblems(schema, { modes: [], reasons: 'x'.repeat(601), code: 'ab' })).toEqual({
      modes: 'au moins 1 élément',
      reasons: 'au plus 600 caractères',
      code: 'au moins 3 caractères',
    });
    expect(inputProblems(schema, { modes: ['a', 'b', 'c'], reasons: '', code: 'abc' })).toEqual({ modes: 'au plus 2 éléments' });
  });

  it('enum values: the few accepted listed, a long list summed up with examples', () => {
    const few = z.object({ format: z.enum(['json', 'csv']), day: z.literal(1) });
    expect(queryProblems(few, { format: 'xml', day: 2 })).toEqual({ format: 'valeur attendue : « json » ou « csv »', day: 'valeur attendue : « 1 »' });
    const many = z.object({ code: z.enum(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10']) });
    expect(queryProblems(many, { code: 'zz' })).toEqual({ code: 'valeur inconnue « zz » (10 valeurs possibles, dont « a1 », « a2 », « a3 »)' });
  });

  it('formats and unknown keys', () => {
    const schema = z.strictObject({ email: z.email(), site: z.url(), day: z.iso.date(), code: z.string().regex(/^\d{5}$/) });
    expect(queryProblems(schema, { email: 'a@', site: 'nope', day: '31/12/2026', code: 'abc', extra: 1 })).toEqual({
      email: 'Adresse e-mail invalide',
      site: 'adresse web invalide : elle doit commencer par https:// ou http://',
      day: 'date invalide : format AAAA-MM-JJ attendu',
      code: 'format invalide : doit correspondre au motif /^\\d{5}$/',
      '(racine)': 'champ inconnu : extra',
    });
  });

  it('a missing date says it is required, a malformed one says the format', () => {
    const schema = z.strictObject({ until: isoDate });
    expect(queryProblems(schema, {})).toEqual({ until: 'date obligatoire (AAAA-MM-JJ)' });
    expect(queryProblems(schema, { until: '31/12/2026' })).toEqual({ until: 'date invalide : format AAAA-MM-JJ attendu' });
  });

  it('a field’s own message wins over every generic one', () => {
    const schema = z.object({
      barriers: z.array(z.string()).min(1, 'Indiquez au moins un frein'),
      size: z.number().max(100, { error: 'Cent résultats au plus par page' }),
      role: z.enum(['member', 'admin'], { error: 'rôle attendu : « member » ou « admin »' }),
    });
    const expected = { barriers: 'Indiquez au moins un frein', size: 'Cent résultats au plus par page', role: 'rôle attendu : « member » ou « admin »' };
    expect(queryProblems(schema, { barriers: [], size: 500, role: 'chef' })).toEqual(expected);
    expect(inputProblems(schema, { barriers: [], size: 500, role: 'chef' })).toEqual(expected);
  });
});
