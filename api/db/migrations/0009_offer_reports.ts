/**
 * Error reports on offers ("signaler une erreur"), sent by anyone from the offer page and read by the
 * coordinators of the offer's département. The optional email is the only personal data: the
 * reporter gives it to be answered; it is never logged.
 */
export const statements = [
  `CREATE TABLE offer_reports (
    id TEXT PRIMARY KEY,
    offer_id TEXT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    email TEXT,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'resolved', 'dismissed')),
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL
  )`,
  `CREATE INDEX offer_reports_offer ON offer_reports(offer_id, created_at)`,
  `CREATE INDEX offer_reports_status ON offer_reports(status, created_at)`,
];
