/**
 * Outcome of an edit (create, patch, status change, moderation) for the routes to turn into HTTP:
 * not_found → 404, invalid → 400 (a field of the request is wrong), conflict → 409 (the action does
 * not apply to the current state), incomplete → 422 (the record lacks what the action requires).
 * See api/http/edit-result.ts.
 */
import type { FieldProblem } from './field-problem.ts';

export type EditFailureKind = 'not_found' | 'invalid' | 'conflict' | 'incomplete';

export interface EditFailure {
  ok: false;
  kind: EditFailureKind;
  /** Short French title ("Offre incomplète"). */
  title: string;
  /** One French sentence saying what to do. */
  detail: string;
  errors: FieldProblem[];
}

export type EditResult<T> = { ok: true; value: T } | EditFailure;

export function editFailure(kind: EditFailureKind, title: string, detail: string, errors: FieldProblem[] = []): EditFailure {
  return { ok: false, kind, title, detail, errors };
}

export function invalidFields(errors: FieldProblem[]): EditFailure {
  return editFailure('invalid', 'Données invalides', 'Corrigez les champs signalés puis réessayez.', errors);
}
