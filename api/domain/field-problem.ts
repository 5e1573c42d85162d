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
  bigint: 'nombre entier attendu',
  boolean: 'vrai ou faux attendu',
  array: 'liste attendue',
  tuple: 'liste attendue',
  object: 'objet attendu',
  record: 'objet attendu',
  date: 'date attendue',
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  email: 'Adresse e-mail invalide',
  url: 'adresse web invalide : elle doit commencer par https:// ou http://',
  date: 'date invalide : format AAAA-MM-JJ attendu',
  datetime: 'date et heure invalides : format AAAA-MM-JJTHH:MM:SS attendu',
  time: 'heure invalide : format HH:MM attendu',
  uuid: 'identifiant invalide (UUID attendu)',
};

/** Values of an enum or a literal listed in full up to this many; beyond, the first few. */
const LISTED_VALUES = 8;
const EXAMPLE_VALUES = 3;

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${Number(n) > 1 ? 's' : ''}`;
}

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `« ${text.length > 60 ? `${text.slice(0, 57)}…` : text} »`;
}

/** « valeur attendue : « a » ou « b » », or for a long list, the value refused and a few examples. */
function invalidValue(input: unknown, values: readonly unknown[]): string {
  if (values.length > LISTED_VALUES) {
    return `valeur inconnue ${quoted(input)} (${values.length} valeurs possibles, dont ${values.slice(0, EXAMPLE_VALUES).map(quoted).join(', ')})`;
  }
  const shown = values.map(quoted);
  return `valeur attendue : ${shown.length > 1 ? `${shown.slice(0, -1).join(', ')} ou ${shown.at(-1)}` : shown.join('')}`;
}

/**
 * zod messages in plain French for every generic case ("champ obligatoire", "au moins 3
 * caractères", "doit être inférieur ou égal à 100", "valeur attendue : « a » ou « b »"), used for
 * form input, query parameters and d·i files alike; zod's French locale only for the rare rest.
 * Messages set on a schema win over it.
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
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? `doit être supérieur à ${min}` : `doit être supérieur ou égal à ${min}`;
      }
      return french(issue);
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `au plus ${plural(max, 'caractère')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `au plus ${plural(max, 'élément')}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? `doit être inférieur à ${max}` : `doit être inférieur ou égal à ${max}`;
      }
      return french(issue);
    }
    case 'invalid_value':
      if (issue.input === undefined) return 'champ obligatoire';
      return invalidValue(issue.input, issue.values);
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue) return `format invalide : doit correspondre au motif ${String(issue.pattern)}`;
      return FORMAT_NAMES[issue.format] ?? french(issue);
    case 'not_multiple_of':
      return `doit être un multiple de ${issue.divisor}`;
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'champs inconnus' : 'champ inconnu'} : ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'valeur invalide';
    case 'invalid_key':
      return 'clé invalide';
    case 'invalid_element':
      return 'élément invalide';
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
