/**
 * Orientations (prescriptions): a professional sends a person to one or several offers at once.
 *
 * orientation_requests: what the professional filled in once — the minimum about the person, given
 * with their consent (consent_at), and anonymised ORIENTATION_RETENTION_DAYS after the last of its
 * orientations closed (anonymised_at). No attachments, on purpose.
 * orientations: one per offer of the request, answered by the offer's structure through a signed
 * link (no account needed) or by its members: sent → accepted | refused (with a reason) | expired
 * (30 days without answer; a reminder at 10). Offer and structure names are copied so the history
 * still reads when the offer is archived or deleted.
 * orientation_messages: what the structure wrote to the professional about an orientation.
 * orientation_events: who did or READ what, when — every response carrying an orientation's personal
 * data records a `read`. No foreign key: the trail outlives what it describes, and holds no personal
 * data (an account id at most).
 * The columns holding personal data, and how each is anonymised, are listed in db/personal-data.ts.
 */
export const statements = [
  `CREATE TABLE orientation_requests (
    id TEXT PRIMARY KEY,
    prescriber_user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    beneficiary_first_name TEXT,
    beneficiary_last_name TEXT,
    contact_preference TEXT NOT NULL CHECK (contact_preference IN ('telephone', 'email', 'referent')),
    beneficiary_phone TEXT,
    beneficiary_email TEXT,
    availability TEXT,
    reasons TEXT,
    consent_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    anonymised_at TEXT
  )`,
  `CREATE INDEX orientation_requests_prescriber ON orientation_requests(prescriber_user_id, created_at)`,
  `CREATE TABLE orientations (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES orientation_requests(id) ON DELETE CASCADE,
    offer_id TEXT REFERENCES offers(id) ON DELETE SET NULL,
    structure_id TEXT REFERENCES structures(id) ON DELETE SET NULL,
    offer_name TEXT NOT NULL,
    structure_name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'refused', 'expired')),
    refusal_reason TEXT CHECK (refusal_reason IS NULL OR refusal_reason IN (
      'session-complete', 'non-eligible', 'injoignable', 'absent', 'deja-en-emploi-ou-formation', 'frein-peripherique', 'doublon', 'autre')),
    answer_message TEXT,
    session_label TEXT,
    session_starts_on TEXT,
    sent_at TEXT NOT NULL,
    answered_at TEXT,
    closed_at TEXT,
    reminded_at TEXT,
    link_sent_at TEXT NOT NULL
  )`,
  `CREATE INDEX orientations_request ON orientations(request_id)`,
  `CREATE INDEX orientations_structure ON orientations(structure_id, status, sent_at)`,
  `CREATE INDEX orientations_status ON orientations(status, sent_at)`,
  `CREATE TABLE orientation_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    orientation_id TEXT NOT NULL REFERENCES orientations(id) ON DELETE CASCADE,
    author TEXT NOT NULL CHECK (author IN ('structure', 'prescriber')),
    body TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX orientation_messages_orientation ON orientation_messages(orientation_id, created_at)`,
  `CREATE TABLE orientation_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    orientation_id TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('prescriber', 'structure-link', 'structure-member', 'admin', 'system')),
    actor_user_id TEXT,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX orientation_events_orientation ON orientation_events(orientation_id, at)`,
];
