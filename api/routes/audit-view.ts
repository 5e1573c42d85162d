/**
 * The audit log as its readers (members of the structure, coordinators of its département) see it:
 * field-level before/after, when, why, and who by name only — never an account id or an address.
 */
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { paginationSchema } from '../http/validate.ts';
import { auditPage, type AuditScope } from '../db/audit.ts';
import { AUDIT_ACTION_LABELS } from '../domain/audit.ts';

export const auditQuery = z.object(paginationSchema);

export async function auditResponse(deps: Pick<AppDeps, 'db'>, scope: AuditScope, q: { page: number; size: number }) {
  const { total, items } = await auditPage(deps.db, scope, { limit: q.size, offset: (q.page - 1) * q.size });
  return {
    total,
    page: q.page,
    size: q.size,
    items: items.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      action_label: AUDIT_ACTION_LABELS[e.action] ?? e.action,
      entity: e.entity,
      entity_id: e.entity_id,
      entity_name: e.entity_name,
      // The system and imports have no author; an account closed since is "a former user".
      actor: e.actor_user_id === null ? null : { name: e.actor_name ?? 'Ancien utilisateur' },
      changes: e.changes,
      reason: e.reason,
    })),
  };
}
