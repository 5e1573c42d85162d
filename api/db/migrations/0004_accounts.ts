/**
 * Accounts: users, sessions, emailed tokens, rate-limit events, roles (memberships, coordinator
 * scopes), the development mail outbox and server-side secrets.
 * Secrets are never stored in clear: sessions and emailed tokens are keyed by the SHA-256 of the token
 * sent to the browser or the mailbox; rate-limit keys are keyed hashes of IPs and emails.
 */
export const statements = [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    password_salt TEXT NOT NULL,
    password_iterations INTEGER NOT NULL,
    email_verified_at TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )`,
  `CREATE INDEX sessions_user ON sessions(user_id)`,
  `CREATE INDEX sessions_expires ON sessions(expires_at)`,
  `CREATE INDEX sessions_last_seen ON sessions(last_seen_at)`,
  `CREATE TABLE email_tokens (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'invite')),
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    structure_id TEXT REFERENCES structures(id) ON DELETE CASCADE,
    role TEXT CHECK (role IS NULL OR role IN ('member', 'admin')),
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  )`,
  `CREATE INDEX email_tokens_user ON email_tokens(user_id, purpose)`,
  `CREATE INDEX email_tokens_email ON email_tokens(email, purpose)`,
  `CREATE TABLE rate_limit_events (
    key TEXT NOT NULL,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX rate_limit_events_key ON rate_limit_events(key, at)`,
  `CREATE INDEX rate_limit_events_at ON rate_limit_events(at)`,
  `CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    structure_id TEXT NOT NULL REFERENCES structures(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, structure_id)
  )`,
  `CREATE INDEX memberships_structure ON memberships(structure_id)`,
  `CREATE TABLE coordinator_scopes (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    departement_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, departement_code)
  )`,
  `CREATE INDEX coordinator_scopes_departement ON coordinator_scopes(departement_code)`,
  `CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    html TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
];
