/**
 * `?dry_run=1` on an editing write (POST/PATCH of offers and structures): everything is checked as
 * for the write, and the answer is what would be written — with the same problem+json when the
 * write would be refused — but nothing is written, no public API is called and no mail is sent.
 * Forms use it for live validation.
 */
import type { Context } from 'hono';
import { invalidFields } from './problem.ts';

export function isDryRun(c: Context): boolean {
  const value = c.req.query('dry_run');
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '' || value === '1' || value === 'true') return true;
  throw invalidFields([{ path: 'dry_run', message: 'valeur attendue : 1 (vérifier sans enregistrer) ou 0' }], 'Paramètres invalides');
}
