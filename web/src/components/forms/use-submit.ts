/**
 * A form's submission: runs the request once at a time and turns the API's problem into field
 * errors (by the API's paths) and a general message.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.ts';

export interface SubmitState {
  submitting: boolean;
  /** Field errors by API path ("email", "password"…). */
  fieldErrors: Record<string, string>;
  /** A message about the whole form (detail of the problem), when it is not about one field. */
  formError: ApiError | null;
}

export function useSubmit() {
  const [state, setState] = useState<SubmitState>({ submitting: false, fieldErrors: {}, formError: null });
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    if (state.submitting) return undefined;
    setState({ submitting: true, fieldErrors: {}, formError: null });
    try {
      const value = await action();
      setState({ submitting: false, fieldErrors: {}, formError: null });
      return value;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'Erreur', 'Une erreur inattendue est survenue. Réessayez.');
      const fieldErrors: Record<string, string> = {};
      for (const e of apiError.errors) fieldErrors[e.path] ??= e.message;
      setState({ submitting: false, fieldErrors, formError: apiError });
      return undefined;
    }
  };
  /** Local checks before sending: show them like the API's. */
  const fail = (fieldErrors: Record<string, string>) => setState({ submitting: false, fieldErrors, formError: null });
  return { ...state, run, fail };
}

/** The summary entries for the field errors, in the form's order (`fields`: API path → input id). */
export function summaryOf(fieldErrors: Record<string, string>, fields: Record<string, string>): Array<{ id: string; message: string }> {
  const known = Object.entries(fields)
    .filter(([path]) => fieldErrors[path])
    .map(([path, id]) => ({ id, message: fieldErrors[path]! }));
  const others = Object.entries(fieldErrors)
    .filter(([path]) => !(path in fields))
    .map(([, message]) => ({ id: Object.values(fields)[0] ?? '', message }));
  return [...known, ...others];
}
