/**
 * Freshness campaigns: once a month, each structure with overdue offers gets one digest mail (offers
 * with signed "rien n'a changé" and "modifier" links). One row per structure and month records that
 * it was sent and which offers it listed, so the maintenance task never mails twice in a month and
 * the coordinators can follow the campaign's progress.
 */
export const statements = [
  `CREATE TABLE freshness_campaign_mails (
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    offer_ids TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    PRIMARY KEY (structure_id, month)
  )`,
  `CREATE INDEX freshness_campaign_mails_month ON freshness_campaign_mails(month)`,
];
