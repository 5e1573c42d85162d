/** JSON request bodies, parsed then validated with zod: a body that is not JSON is a 400 like any invalid field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpProblem } from './problem.ts';
import { parseOr400 } from './validate.ts';
import { inputOr400 } from './edit-result.ts';
import { parseInput } from '../domain/field-problem.ts';

/** The body as JSON; `optional`: an empty body stands for `{}` (actions that need no data). */
export async function readJsonBody(c: Context, options: { optional?: boolean; title?: string } = {}): Promise<unknown> {
  const text = await c.req.text();
  if (options.optional && text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, options.title ?? 'Données invalides', 'Le corps de la requête doit être un document JSON valide.', [
      { path: '(racine)', message: 'JSON invalide ou absent' },
    ]);
  }
}

export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T, title = 'Données invalides'): Promise<z.output<T>> {
  return parseOr400(schema, await readJsonBody(c, { title }), title);
}

/**
 * A body checked with the form-input messages of the editing API (domain/field-problem.ts: "champ
 * obligatoire", "champ inconnu"...); `optional`: an empty body is `{}`.
 */
export async function parseInputBody<T extends z.ZodType>(c: Context, schema: T, options: { optional?: boolean } = {}): Promise<z.output<T>> {
  return inputOr400(parseInput(schema, await readJsonBody(c, options)));
}
