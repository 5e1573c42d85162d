/**
 * Live validation of a form through the API's dry run (`?dry_run=1`): the body is checked shortly
 * after the person stops typing, and the French problems come back by field path, with the dry
 * run's answer when the body is valid. Nothing is written. Starts after the first change.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../api/client.ts';
import type { FieldErrors } from './field-errors.ts';

export interface LiveCheck<T> {
  /** The last successful dry run (kept while the body is invalid, so the meter does not jump). */
  result: T | null;
  /** Field errors of the current body. */
  errors: FieldErrors;
  /** A problem about the whole body (conflict, service down), or null. */
  problem: ApiError | null;
  checking: boolean;
}

const DELAY_MS = 450;

export function useLiveCheck<T>(body: unknown, check: (body: unknown, signal: AbortSignal) => Promise<T>, active: boolean): LiveCheck<T> {
  const key = JSON.stringify(body);
  const [state, setState] = useState<LiveCheck<T>>({ result: null, errors: {}, problem: null, checking: false });
  const latest = useRef(check);
  latest.current = check;

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, checking: true }));
    const timer = window.setTimeout(() => {
      latest.current(JSON.parse(key), controller.signal).then(
        (result) => setState({ result, errors: {}, problem: null, checking: false }),
        (error: unknown) => {
          if (isAbort(error) || controller.signal.aborted) return;
          const apiError = error instanceof ApiError ? error : new ApiError(0, 'Erreur', 'La vérification a échoué.');
          const errors: FieldErrors = {};
          for (const e of apiError.errors) errors[e.path] ??= e.message;
          setState((s) => ({ result: s.result, errors, problem: apiError.errors.length ? null : apiError, checking: false }));
        },
      );
    }, DELAY_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [key, active]);

  return state;
}
