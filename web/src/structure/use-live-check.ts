/**
 * Live validation of a form through the API's dry run (`?dry_run=1`): the body is checked shortly
 * after the person stops typing, and the French problems come back by field path, with the dry
 * run's answer when the body is valid. Nothing is written. Starts after the first change.
 * When some fields are invalid, the body is checked once more without them, so the answer (the
 * completeness of the valid fields) stays on screen next to the errors.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../api/client.ts';
import type { FieldErrors } from './field-errors.ts';

export interface LiveCheck<T> {
  /** The dry run of the body, or of its valid fields when some are invalid (else the last one). */
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
    const timer = window.setTimeout(async () => {
      const body = JSON.parse(key) as unknown;
      try {
        const result = await latest.current(body, controller.signal);
        setState({ result, errors: {}, problem: null, checking: false });
      } catch (error: unknown) {
        if (isAbort(error) || controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'Erreur', 'La vérification a échoué.');
        const errors: FieldErrors = {};
        for (const e of apiError.errors) errors[e.path] ??= e.message;
        const partial = Object.keys(errors).length ? await checkValidPart(body, Object.keys(errors), controller.signal) : null;
        if (controller.signal.aborted) return;
        setState((s) => ({ result: partial ?? s.result, errors, problem: apiError.errors.length ? null : apiError, checking: false }));
      }
    }, DELAY_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [key, active]);

  /** The dry run of the body without its invalid top-level fields, or null when that fails too. */
  async function checkValidPart(body: unknown, paths: string[], signal: AbortSignal): Promise<T | null> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const valid: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const path of paths) delete valid[path.split('.')[0]!];
    try {
      return await latest.current(valid, signal);
    } catch {
      return null;
    }
  }

  return state;
}
