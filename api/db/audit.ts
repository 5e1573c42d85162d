/**
 * Audit log repository. `recordChange` is called inside the transaction of the write it describes,
 * with the record before and after, so the log and the data never disagree.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from './schema.ts';
import { AUDIT_DIFF_OPTIONS, auditSnapshot, isRecordedWithoutChanges, type AuditAction, type AuditEntity, type AuditEntry } from '../domain/audit.ts';
import { diffRecords, hasChanges, type FieldChanges } from '../domain/diff.ts';

export interface ChangeToRecord {
  entity: AuditEntity;
  entityId: string;
  /** The structure itself, or the offer's structure. */
  structureId: string;
  /** Null for the system or an import. */
  actorUserId: string | null;
  action: AuditAction;
  /** The record before (null on creation) and after the write: an Offer, a Structure, or a partial view. */
  before: object | null;
  after: object | null;
  reason?: string | null;
  at: Date;
  /** The field-level changes as they are, instead of the diff of `before` → `after` (membership events). */
  changes?: FieldChanges;
}

/**
 * Writes one entry with the field-level diff of `before` → `after`. An update that changed nothing
 * writes nothing (returns null); other actions (publish, confirm, review...) are always recorded.
 */
export async function recordChange(trx: Kysely<Database>, change: ChangeToRecord): Promise<AuditEntry | null> {
  const changes = change.changes ?? diffRecords(auditSnapshot(change.before), auditSnapshot(change.after), AUDIT_DIFF_OPTIONS[change.entity]);
  if (!hasChanges(changes) && !isRecordedWithoutChanges(change.action)) return null;
  const row = {
    entity: change.entity,
    entity_id: change.entityId,
    structure_id: change.structureId,
    actor_user_id: change.actorUserId,
    action: change.action,
    changes: JSON.stringify(changes),
    reason: change.reason ?? null,
    at: change.at.toISOString(),
  };
  const { id } = await trx.insertInto('audit_log').values(row).returning('id').executeTakeFirstOrThrow();
  return { ...row, id, changes };
}

function entryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return { ...row, action: row.action as AuditAction, changes: JSON.parse(row.changes) as FieldChanges };
}

export interface AuditPage {
  limit?: number;
  offset?: number;
}

/** The history of one offer or structure, newest first. */
export async function auditOf(db: Kysely<Database>, entity: AuditEntity, entityId: string, page: AuditPage = {}): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit ?? 100)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map(entryFromRow);
}

/** The history of a structure and of all its offers, newest first. */
export async function auditOfStructure(db: Kysely<Database>, structureId: string, page: AuditPage = {}): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('structure_id', '=', structureId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit ?? 100)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map(entryFromRow);
}

/** An entry as its readers see it: the author by name only, the offer or structure by name. */
export interface AuditEntryView extends AuditEntry {
  /** Null for the system, an import, or an account that no longer exists. */
  actor_name: string | null;
  entity_name: string | null;
}

export type AuditScope = { entity: AuditEntity; entityId: string } | { structureId: string };

/** One page of a history (an offer's, or a structure's with all its offers), newest first, with its total. */
export async function auditPage(db: Kysely<Database>, scope: AuditScope, page: Required<AuditPage>): Promise<{ total: number; items: AuditEntryView[] }> {
  const base = db.selectFrom('audit_log').where((eb) =>
    'structureId' in scope ? eb('audit_log.structure_id', '=', scope.structureId) : eb.and([eb('audit_log.entity', '=', scope.entity), eb('audit_log.entity_id', '=', scope.entityId)]),
  );
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .leftJoin('offers', (join) => join.onRef('offers.id', '=', 'audit_log.entity_id').on('audit_log.entity', '=', 'offer'))
    .leftJoin('structures', (join) => join.onRef('structures.id', '=', 'audit_log.entity_id').on('audit_log.entity', '=', 'structure'))
    .selectAll('audit_log')
    .select(['users.name as actor_name', (eb) => eb.fn.coalesce('offers.name', 'structures.name').as('entity_name')])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(n),
    items: rows.map(({ actor_name, entity_name, ...row }) => ({ ...entryFromRow(row), actor_name, entity_name })),
  };
}
