/**
 * fetch for the API: JSON in and out, session cookies, the CSRF header on writes, and every failure
 * as an ApiError carrying the API's French problem (title, detail, field errors).
 */
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the service could not be reached. */
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
  }

  /** The message to show: the detail when there is one, else the title. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }

  /**
   * The message to show where no field can carry the field errors (a search from a link): the
   * fields' own messages (« Frein inconnu : … »), else the detail.
   */
  get standaloneMessage(): string {
    return this.errors.length ? this.errors.map((e) => e.message).join(' ; ') : this.userMessage;
  }
}

export const CSRF_HEADER = 'X-CSRF-Token';

/** True when this browser holds a session's CSRF cookie (set with the session at login). */
export function hasSessionCookie(): boolean {
  return csrfToken() !== null;
}

function csrfToken(): string | null {
  const m = /(?:^|;\s*)csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  signal?: AbortSignal | undefined;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'Service injoignable', 'Le service ne répond pas. Vérifiez la connexion puis réessayez.');
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const problem = (body ?? {}) as { title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(
      response.status,
      problem.title ?? 'Erreur',
      problem.detail ?? (problem.title ? undefined : `Le service a répondu par une erreur (${response.status}). Réessayez dans un instant.`),
      Array.isArray(problem.errors) ? problem.errors : [],
    );
  }
  return body as T;
}

/** A query string from a record, leaving out empty values; lists are comma-separated. */
export function queryString(params: Record<string, string | number | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
