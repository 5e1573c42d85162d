/**
 * Onboarding and moderation.
 *
 * join_requests.kind: 'join' asks the structure's admins; 'claim' is the first person to ask for a
 * structure that has no member yet (an imported one): a coordinator of its département answers it,
 * and the person becomes its first admin. The kind is fixed when the request is made, so who may
 * answer it does not change under the requester's feet.
 *
 * The moderation queue looks for offers changed since their last review through the audit log
 * (audit_log_entity); the freshness list scans published offers of a département
 * (offers_status_departement, 0002).
 */
export const statements = [
  `ALTER TABLE join_requests ADD COLUMN kind TEXT NOT NULL DEFAULT 'join' CHECK (kind IN ('join', 'claim'))`,
  `CREATE INDEX join_requests_user ON join_requests(user_id, status)`,
  `CREATE INDEX email_tokens_structure ON email_tokens(structure_id, purpose)`,
];
