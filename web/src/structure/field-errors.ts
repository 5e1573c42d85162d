/**
 * From the API's field paths (`thematiques.0`, `sessions.1.starts_on`) to the form: the id of the
 * input that shows a path's error, and the error to show at a field (its own, or its items').
 */
export type FieldErrors = Record<string, string>;

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** The error at `path`, or else the first one of its items (`zone` shows `zone.3`'s). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const child = Object.keys(errors).find((p) => p.startsWith(`${path}.`));
  return child ? errors[child] : undefined;
}

/** The path of the form field that shows an API path: the longest known prefix (`thematiques.0` → `thematiques`). */
export function formPathOf(path: string, known: (path: string) => boolean): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (known(candidate)) return candidate;
  }
  return null;
}

/** Error summary entries in the API's order, each linked to the input that shows it. */
export function summaryEntries(errors: FieldErrors, known: (path: string) => boolean, fallbackPath: string): Array<{ id: string; message: string }> {
  return Object.entries(errors).map(([path, message]) => ({ id: fieldId(formPathOf(path, known) ?? fallbackPath), message }));
}
