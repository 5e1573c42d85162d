/** RFC 9457 problem details (application/problem+json), with French messages and field paths. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export function problem(c: Context, status: ContentfulStatusCode, title: string, detail?: string, errors?: FieldError[]): Response {
  const body: Problem = { type: 'about:blank', title, status };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json; charset=utf-8' });
}

/** Thrown by handlers and turned into a problem response by the app's error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Introuvable', what);

/** A 400 listing invalid fields, with the detail every such answer carries. */
export const invalidFields = (errors: FieldError[], title = 'Données invalides') =>
  new HttpProblem(400, title, 'Corrigez les champs signalés puis réessayez.', errors);

/** A commune code (at `path`) that names no commune. */
export const unknownCommune = (code: string, title = 'Paramètres invalides', path = 'commune') =>
  invalidFields([{ path, message: `Commune inconnue : ${code}` }], title);
