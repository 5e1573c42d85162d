/**
 * When each time-driven maintenance task last ran: a task that must act on what changed with time
 * since then (offers that fell due for confirmation, whose search documents must say « overdue »)
 * reads its window from here, so a run every minute (Workers cron) or every hour (Node) does each
 * change once.
 */
export const statements = [
  `CREATE TABLE maintenance_runs (
    task TEXT PRIMARY KEY,
    last_run_at TEXT NOT NULL
  )`,
];
