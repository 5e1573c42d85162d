/**
 * From the editing pieces' results to HTTP: field problems → 400, EditFailure kinds → 404/400/409/422,
 * a public API that failed (recherche-entreprises, geocoder) → 502/503/504, all as problem+json with
 * the French messages the pieces already wrote.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpProblem, invalidFields } from './problem.ts';
import type { EditFailureKind, EditResult } from '../domain/edit-result.ts';
import type { InputResult } from '../domain/field-problem.ts';
import type { ExternalServiceError } from '../clients/http.ts';

const STATUS: Readonly<Record<EditFailureKind, ContentfulStatusCode>> = { not_found: 404, invalid: 400, conflict: 409, incomplete: 422 };

/** The parsed body, or a 400 listing every invalid field. */
export function inputOr400<T>(result: InputResult<T>, title = 'Données invalides'): T {
  if (result.ok) return result.value;
  throw invalidFields(result.errors, title);
}

/** The edited record, or the problem that says why not. */
export function editedOrProblem<T>(result: EditResult<T>): T {
  if (result.ok) return result.value;
  throw new HttpProblem(STATUS[result.kind], result.title, result.detail, result.errors);
}

/** A public API we depend on failed: the user reads its French message and may retry. */
export function externalServiceProblem(error: ExternalServiceError): HttpProblem {
  const status: ContentfulStatusCode = error.failure === 'timeout' ? 504 : error.failure === 'unreachable' ? 503 : 502;
  return new HttpProblem(status, 'Service externe indisponible', error.message);
}
