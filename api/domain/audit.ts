/**
 * The audit log's vocabulary: what happened to an offer or a structure, by whom, with which
 * field-level changes. Stored by api/db/audit.ts; readable per offer and per structure by its members
 * and by the coordinators of its département.
 */
import type { DiffOptions, FieldChanges } from './diff.ts';

export type AuditEntity = 'offer' | 'structure';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'publish',
  'suspend',
  'archive',
  'confirm',
  /** A coordinator looked at an offer in the moderation queue and left it as it is. */
  'review',
  /** A coordinator took a published offer back to draft, with a reason. */
  'unpublish',
  /** The end date of a suspension passed: the offer is public again (a system action). */
  'resume',
  'validate',
  'reject',
  'import',
  /** An accepted orientation took one of the offer's (or its session's) places. */
  'take-place',
  /** The structure said the offer is full (places 0). */
  'full',
  /** A validated structure moved to another département: it waits for that département's coordinators again. */
  'back-to-pending',
  // Who may act for a structure (entity 'structure'): changes `member` (name), `role`, or `email` (invitations).
  'member_added',
  'member_role_changed',
  'member_removed',
  'invitation_sent',
  'invitation_revoked',
  'invitation_accepted',
  'join_request_accepted',
  'join_request_refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: 'Création',
  update: 'Modification',
  publish: 'Publication',
  suspend: 'Suspension',
  archive: 'Archivage',
  confirm: 'Confirmation « rien n’a changé »',
  review: 'Relecture par la coordination',
  unpublish: 'Dépublication par la coordination',
  resume: 'Fin de suspension',
  validate: 'Validation par la coordination',
  reject: 'Refus par la coordination',
  import: 'Import data·inclusion',
  'take-place': 'Place attribuée à une orientation acceptée',
  full: 'Marquée complète',
  'back-to-pending': 'Retour en attente de validation',
  member_added: 'Membre ajouté',
  member_role_changed: 'Rôle d’un membre modifié',
  member_removed: 'Membre retiré',
  invitation_sent: 'Invitation envoyée',
  invitation_revoked: 'Invitation annulée',
  invitation_accepted: 'Invitation acceptée',
  join_request_accepted: 'Demande pour rejoindre la structure acceptée',
  join_request_refused: 'Demande pour rejoindre la structure refusée',
};

export interface AuditEntry {
  id: number;
  entity: AuditEntity;
  entity_id: string;
  structure_id: string;
  /** Null for the system or an import. */
  actor_user_id: string | null;
  action: AuditAction;
  changes: FieldChanges;
  reason: string | null;
  at: string;
}

/** Columns the database or the server maintain: never reported as a change someone made. */
const MAINTAINED = ['id', 'created_at', 'updated_at', 'completeness', 'departement_code'];

/** List fields whose order is meaningless. */
const SET_FIELDS = ['thematiques', 'publics', 'modes_accueil', 'itinerant_communes', 'zone', 'modes_mobilisation', 'mobilisable_par', 'reseaux_porteurs'];

export const AUDIT_DIFF_OPTIONS: Readonly<Record<AuditEntity, DiffOptions>> = {
  offer: { ignore: MAINTAINED, sets: SET_FIELDS },
  structure: { ignore: MAINTAINED, sets: SET_FIELDS },
};

/**
 * The version of a record the log compares: session ids are dropped, since sessions are rewritten on
 * every save and only their content says whether something changed.
 */
export function auditSnapshot(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const { sessions, ...rest } = record as Record<string, unknown> & { sessions?: unknown };
  if (!Array.isArray(sessions)) return { ...record };
  return {
    ...rest,
    sessions: sessions.map((s) => {
      if (typeof s !== 'object' || s === null) return s;
      const { id: _id, offer_id: _offer, ...content } = s as Record<string, unknown>;
      return content;
    }),
  };
}

/** Actions recorded even when no field changed (an event in itself); a plain update without change is not. */
export function isRecordedWithoutChanges(action: AuditAction): boolean {
  return action !== 'update' && action !== 'import';
}
