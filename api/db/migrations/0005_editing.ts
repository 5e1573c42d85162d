/**
 * Editing and moderation: the audit log, review and validation marks, and join requests.
 *
 * audit_log: one row per change of an offer or a structure — who (actor_user_id, NULL for the system
 * or an import), what (action), field-level `changes` as JSON `{"field": [before, after]}`, why
 * (reason, for rejections and suspensions), when (at). No foreign keys on purpose: the history must
 * outlive what it describes (a deleted structure, an account closed under the GDPR — its id then no
 * longer resolves to a person). Read per entity and per structure (offers carry their structure_id).
 *
 * Invitations by email are not here: they are `email_tokens` rows with purpose 'invite' (0004).
 */
export const statements = [
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('offer', 'structure')),
    entity_id TEXT NOT NULL,
    structure_id TEXT NOT NULL,
    actor_user_id TEXT,
    action TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '{}',
    reason TEXT,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at)`,
  `CREATE INDEX audit_log_structure ON audit_log(structure_id, at)`,
  // Moderation queue: offers published or changed since a coordinator last looked at them.
  `ALTER TABLE offers ADD COLUMN reviewed_at TEXT`,
  `ALTER TABLE structures ADD COLUMN validated_at TEXT`,
  `ALTER TABLE structures ADD COLUMN rejection_reason TEXT`,
  `CREATE INDEX structures_status_departement ON structures(status, departement_code)`,
  `CREATE TABLE join_requests (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
    message TEXT,
    created_at TEXT NOT NULL,
    answered_at TEXT,
    answered_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    answer_reason TEXT
  )`,
  // One open request per person and structure; answered ones stay as history.
  `CREATE UNIQUE INDEX join_requests_open ON join_requests(user_id, structure_id) WHERE status = 'pending'`,
  `CREATE INDEX join_requests_structure ON join_requests(structure_id, status)`,
];
