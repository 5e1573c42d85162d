/**
 * Meilisearch failures as the rest of the service needs to see them: "the engine cannot answer now"
 * (SearchUnavailableError, so callers fall back to the SQLite index or retry later) versus "the engine
 * refused this work" (SearchTaskError, a bug or bad data that retrying will not fix).
 */
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { SearchUnavailableError } from '../port.ts';

export { SearchUnavailableError };

/** A Meilisearch task (indexing, settings, swap) ended in failure. */
export class SearchTaskError extends Error {
  override name = 'SearchTaskError';
  constructor(
    readonly task: Pick<Task, 'uid' | 'type' | 'status' | 'error'>,
    what: string,
  ) {
    super(`Meilisearch : échec de ${what} (tâche ${task.uid}, ${task.type}, ${task.status})${task.error ? ` : ${task.error.message} [${task.error.code}]` : ''}`);
  }
}

/** Throws SearchTaskError unless the task succeeded. */
export function assertSucceeded(task: Task, what: string): Task {
  if (task.status !== 'succeeded') throw new SearchTaskError(task, what);
  return task;
}

/** An API error, also when the client wrapped it (a custom fetch makes it do so). */
function apiErrorOf(error: unknown): MeilisearchApiError | null {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return null;
}

export function isNotFound(error: unknown): boolean {
  return apiErrorOf(error)?.response.status === 404;
}

/** The index itself is missing (deleted behind our back): recreate it and try again. */
export function isIndexNotFound(error: unknown): boolean {
  return apiErrorOf(error)?.cause?.code === 'index_not_found';
}

/**
 * Maps a client error to what callers act on: unreachable, timed out, overloaded (5xx) or refused
 * credentials all mean "use the fallback"; anything else is rethrown with a French message.
 */
export function translateError(error: unknown, what: string): Error {
  if (error instanceof SearchUnavailableError || error instanceof SearchTaskError) return error;
  const api = apiErrorOf(error);
  if (api) {
    const status = api.response.status;
    const detail = api.cause?.message ?? api.message;
    if (status >= 500) return new SearchUnavailableError(`Meilisearch indisponible pendant ${what} (HTTP ${status}) : ${detail}`, { cause: error });
    if (status === 401 || status === 403)
      return new SearchUnavailableError(`Meilisearch refuse la clé d'API pendant ${what} (HTTP ${status}) : vérifiez MEILI_MASTER_KEY`, { cause: error });
    return new Error(`Meilisearch a refusé ${what} (HTTP ${status}) : ${detail}`, { cause: error });
  }
  if (error instanceof MeilisearchTaskTimeOutError)
    return new SearchUnavailableError(`Meilisearch n'a pas terminé ${what} dans le délai imparti`, { cause: error });
  if (error instanceof MeilisearchRequestError && error.cause instanceof SearchUnavailableError)
    return new SearchUnavailableError(`Meilisearch n'a pas répondu pendant ${what} : ${error.cause.message}`, { cause: error });
  if (error instanceof MeilisearchRequestError)
    return new SearchUnavailableError(`Meilisearch injoignable pendant ${what} : ${causeMessage(error)}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

function causeMessage(error: MeilisearchRequestError): string {
  const cause = error.cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
  return cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? error.message;
}
