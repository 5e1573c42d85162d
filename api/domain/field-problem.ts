/**
 * Problems tied to a field of a submitted body, with French messages a form can show next to the
 * field. Same shape as the problem+json `errors` items (api/http/problem.ts), so a route passes them
 * through unchanged; paths are dotted like the rest of the API (`sessions.0.starts_on`).
 */
import { z } from 'zod';

export interface FieldProblem {
  path: string;
  message: string;
}

export type InputResult<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

const french = z.locales.fr().localeError;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'texte attendu',
  number: 'nombre attendu',
  int: 'nombre entier attendu',
  boolean: 'vrai ou faux attendu',
  array: 'liste attendue',
  object: 'objet attendu',
  date: 'date attendue',
};

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${Number(n) > 1 ? 's' : ''}`;
}

/**
 * zod messages for form input: plain French for the common cases ("champ obligatoire",
 * "au moins 3 caractères"), zod's French locale for the rest. Messages set on a schema win over it.
 */
export const inputErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'champ obligatoire';
      if (issue.input === null) return 'valeur obligatoire (null refusé)';
      return TYPE_NAMES[issue.expected] ?? french(issue);
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return `au moins ${plural(min, 'caractère')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `au moins ${plural(min, 'élément')}`;
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false ? `doit être supérieur à ${min}` : `doit être supérieur ou égal à ${min}`;
      }
      return french(issue);
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `au plus ${plural(max, 'caractère')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `au plus ${plural(max, 'élément')}`;
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false ? `doit être inférieur à ${max}` : `doit être inférieur ou égal à ${max}`;
      }
      return french(issue);
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Adresse e-mail invalide';
      if (issue.format === 'url') return 'adresse web invalide : elle doit commencer par https:// ou http://';
      if (issue.format === 'date') return 'date invalide : format AAAA-MM-JJ attendu';
      return french(issue);
    default:
      return french(issue);
  }
};

export function pathOf(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.') || '(racine)';
}

/**
 * Problems from a zod error. An unknown key becomes a problem at its own path; `readOnly` gives the
 * message for keys a client may send back from a GET but cannot set (status, id...).
 */
export function zodProblems(error: z.ZodError, readOnly: Readonly<Record<string, string>> = {}): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: pathOf([...issue.path, key]),
        message: (issue.path.length === 0 ? readOnly[key] : undefined) ?? 'champ inconnu',
      }));
    }
    return [{ path: pathOf(issue.path), message: issue.message }];
  });
}

/** safeParse with the input messages, as an InputResult. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  body: unknown,
  readOnly: Readonly<Record<string, string>> = {},
): InputResult<z.output<T>> {
  const parsed = schema.safeParse(body, { error: inputErrorMap });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodProblems(parsed.error, readOnly) };
}
