/** The email address of an account, as typed in a form: trimmed, lower-cased, checked. */
import { z } from 'zod';

export const emailSchema = z
  .string({ error: 'Adresse électronique attendue' })
  .trim()
  .toLowerCase()
  .max(254, 'Adresse électronique trop longue')
  .pipe(z.email({ error: 'Adresse e-mail invalide' }));
