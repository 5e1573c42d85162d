/**
 * The mail outbox becomes the durable mail queue: every mail is written to `mail_outbox` in the unit
 * of work of the change it announces, and the drain job (api/jobs/mail-outbox.ts) hands it to SMTP
 * with retries. Rows stored before this migration were shown on the development outbox only: they
 * count as sent. `orientation_id` and `topic` tell which mails announced an orientation to its
 * structure, so the professional sees whether that notice was delivered.
 */
export const statements = [
  `ALTER TABLE mail_outbox ADD COLUMN reply_to TEXT`,
  `ALTER TABLE mail_outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'sent'`,
  `ALTER TABLE mail_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE mail_outbox ADD COLUMN next_attempt_at TEXT`,
  `ALTER TABLE mail_outbox ADD COLUMN last_error TEXT`,
  `ALTER TABLE mail_outbox ADD COLUMN sent_at TEXT`,
  `ALTER TABLE mail_outbox ADD COLUMN topic TEXT`,
  `ALTER TABLE mail_outbox ADD COLUMN orientation_id TEXT`,
  `CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at)`,
  `CREATE INDEX mail_outbox_orientation ON mail_outbox(orientation_id)`,
];
