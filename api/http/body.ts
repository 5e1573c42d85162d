/** JSON request bodies, parsed then validated with zod: a body that is not JSON is a 400 like any invalid field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpProblem } from './problem.ts';
import { parseOr400 } from './validate.ts';

export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T, title = 'Données invalides'): Promise<z.output<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpProblem(400, title, 'Le corps de la requête doit être un document JSON valide.', [
      { path: '(racine)', message: 'JSON invalide ou absent' },
    ]);
  }
  return parseOr400(schema, body, title);
}
