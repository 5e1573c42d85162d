/**
 * Search sync and unmet needs.
 * search_outbox: every offer write enqueues the offer id in the same transaction; the drain loop
 * pushes it to the engine and deletes the row (retries with backoff on failure).
 * unmet_needs: anonymous count of (commune, barrier, day) for which a match found nothing.
 */
export const statements = [
  `CREATE TABLE search_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id TEXT NOT NULL,
    enqueued_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT
  )`,
  `CREATE INDEX search_outbox_due ON search_outbox(next_attempt_at)`,
  `CREATE TABLE unmet_needs (
    commune_code TEXT NOT NULL,
    barrier TEXT NOT NULL,
    day TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (commune_code, barrier, day)
  )`,
];
