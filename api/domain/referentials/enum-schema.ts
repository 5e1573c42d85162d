/** Shared shape and zod helper for the code lists of this folder (pure, no I/O). */
import { z } from 'zod';

/** One value of a code list, with its French label and, when upstream has one, its description. */
export interface ReferentialEntry<V extends string = string> {
  readonly value: V;
  readonly label: string;
  readonly description?: string;
}

function quote(input: unknown): string {
  const text = typeof input === 'string' ? input : JSON.stringify(input) ?? String(input);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * `z.enum(values)` with French error messages:
 * « Thématique inconnue : « foo » » for an unknown value, « Valeur manquante (thématique) » when absent.
 */
export function referentialEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  unknownMessage: string,
  name: string,
) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `Valeur manquante (${name})`
        : `${unknownMessage} : « ${quote(issue.input)} »`,
  });
}
