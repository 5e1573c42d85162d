/** Runs an async load when its dependencies change; aborts the previous one; keeps the last data while reloading. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../api/client.ts';

export interface AsyncState<T> {
  data: T | null;
  error: ApiError | null;
  /** True from the very render where the dependencies change until their load ends. */
  loading: boolean;
  /** Runs the load again (after an error). */
  reload: () => void;
}

interface Settled<T> {
  /** The dependencies (and attempt) this outcome belongs to. */
  key: string;
  data: T | null;
  error: ApiError | null;
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify([...deps, attempt]);
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'Erreur', 'Une erreur inattendue est survenue. Rechargez la page.');
        setSettled((s) => ({ key, data: s.data, error: apiError }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const current = settled.key === key;
  return { data: settled.data, error: current ? settled.error : null, loading: !current, reload: () => setAttempt((n) => n + 1) };
}
