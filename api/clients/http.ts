/**
 * GET JSON from a public API with Web-standard fetch (Node and Workers): a timeout per attempt
 * (AbortSignal.timeout) and one retry after a network error, a timeout, a 5xx or a 429. Failures end
 * in an ExternalServiceError whose message is French and can be shown to the user as it is.
 */

export interface HttpClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Pause before the retry, in milliseconds (a 429's Retry-After is honoured up to 5 s). */
  retryDelayMs?: number;
  userAgent?: string;
}

export type ExternalFailure = 'timeout' | 'unreachable' | 'http' | 'invalid';

export class ExternalServiceError extends Error {
  override name = 'ExternalServiceError';
  constructor(
    message: string,
    readonly service: string,
    readonly failure: ExternalFailure,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface JsonRequest {
  /** Host name shown in messages ("recherche-entreprises.api.gouv.fr"). */
  service: string;
  /** What was asked, in French, for the message ("les établissements correspondant à « … »"). */
  what: string;
  url: string;
}

/** Header values must be ASCII (ByteString). */
const DEFAULT_USER_AGENT = 'offre-insertion (annuaire de l\'offre d\'insertion)';
const MAX_RETRY_AFTER_MS = 5_000;

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('fr-FR')} s`;
}

function retryAfterMs(response: Response, fallback: number): number {
  const header = response.headers.get('retry-after');
  const value = header ? Number(header) * 1000 : NaN;
  return Number.isFinite(value) && value >= 0 ? Math.min(value, MAX_RETRY_AFTER_MS) : fallback;
}

export async function getJson(request: JsonRequest, options: HttpClientOptions = {}): Promise<unknown> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 8_000;
  const retryDelay = options.retryDelayMs ?? 500;
  const headers = { accept: 'application/json', 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT };
  let failure: ExternalFailure = 'unreachable';
  let status: number | null = null;
  let reason = '';
  let pause = retryDelay;
  let cause: unknown;

  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt === 2) await sleep(pause);
    let response: Response;
    try {
      response = await doFetch(request.url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      cause = error;
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        failure = 'timeout';
        reason = `pas de réponse en ${seconds(timeoutMs)}`;
      } else {
        failure = 'unreachable';
        reason = 'service injoignable';
      }
      continue;
    }
    if (response.ok) {
      try {
        return await response.json();
      } catch {
        throw new ExternalServiceError(
          `Réponse illisible de ${request.service} pour ${request.what}. Réessayez dans un instant.`,
          request.service,
          'invalid',
          response.status,
        );
      }
    }
    failure = 'http';
    status = response.status;
    reason = response.status === 429 ? 'trop de demandes en même temps' : `réponse HTTP ${response.status}`;
    // Other 4xx will not get better by asking again.
    if (response.status < 500 && response.status !== 429) break;
    if (response.status === 429) pause = retryAfterMs(response, retryDelay);
    // Free the connection; not awaited, some bodies never settle their cancel().
    void response.body?.cancel().catch(() => undefined);
  }
  const refused = status !== null && status < 500 && status !== 429;
  const message = refused
    ? `${request.service} a refusé la demande pour ${request.what} (${reason}).`
    : `Impossible d’obtenir ${request.what} auprès de ${request.service} (${reason}). Réessayez dans quelques minutes.`;
  throw new ExternalServiceError(message, request.service, failure, status, { cause });
}
