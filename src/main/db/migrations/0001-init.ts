// The first schema. Never edit an applied migration: a fix is a new numbered file (its checksum is checked on open).
import type { Migration } from './types';

export const init: Migration = {
  id: 1,
  name: 'init',
  sql: `
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('cocoon', 'xero_file', 'xero_sync')),
  file_name   TEXT,
  sha256      TEXT,
  row_count   INTEGER,
  status      TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'complete', 'failed')),
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  detail_json TEXT
);
CREATE INDEX imports_kind ON imports (kind, id);

-- The current CocoonOPS snapshot: an import replaces the whole set.
CREATE TABLE billing_accounts (
  code         TEXT PRIMARY KEY,
  import_id    INTEGER NOT NULL REFERENCES imports (id),
  row          INTEGER NOT NULL,
  name         TEXT NOT NULL,
  contact_name TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  address      TEXT NOT NULL DEFAULT '',
  postcode     TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX billing_accounts_row ON billing_accounts (row);

CREATE TABLE xero_contacts (
  contact_id       TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  account_number   TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'ACTIVE',
  is_customer      INTEGER NOT NULL DEFAULT 0 CHECK (is_customer IN (0, 1)),
  is_supplier      INTEGER NOT NULL DEFAULT 0 CHECK (is_supplier IN (0, 1)),
  email            TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT '',
  updated_date_utc TEXT NOT NULL DEFAULT '',
  raw_json         TEXT NOT NULL,
  import_id        INTEGER REFERENCES imports (id)
);
CREATE INDEX xero_contacts_account_number ON xero_contacts (account_number);
CREATE INDEX xero_contacts_name ON xero_contacts (lower(name));

CREATE TABLE xero_invoices (
  invoice_id       TEXT PRIMARY KEY,
  doc_type         TEXT NOT NULL CHECK (doc_type IN ('invoice', 'credit_note')),
  number           TEXT NOT NULL DEFAULT '',
  type             TEXT NOT NULL DEFAULT '',
  contact_id       TEXT NOT NULL DEFAULT '',
  contact_name     TEXT NOT NULL DEFAULT '',
  date             TEXT NOT NULL DEFAULT '',
  total            REAL NOT NULL DEFAULT 0,
  currency         TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT '',
  updated_date_utc TEXT NOT NULL DEFAULT '',
  raw_json         TEXT NOT NULL
);
CREATE INDEX xero_invoices_number ON xero_invoices (number);

-- Derived: replaced as a whole on each recompute.
CREATE TABLE findings (
  account_code    TEXT PRIMARY KEY,
  account_row     INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  score           REAL NOT NULL,
  xero_contact_id TEXT,
  code_holder_id  TEXT,
  explanation     TEXT NOT NULL,
  fix             TEXT NOT NULL,
  detail_json     TEXT NOT NULL,
  computed_at     TEXT NOT NULL
);
CREATE INDEX findings_row ON findings (account_row);
CREATE INDEX findings_kind_row ON findings (kind, account_row);

CREATE TABLE xero_findings (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  contact_ids_json TEXT NOT NULL,
  score            REAL NOT NULL,
  explanation      TEXT NOT NULL,
  computed_at      TEXT NOT NULL
);

-- User data: account_code is deliberately not a foreign key (decisions outlive re-imports that drop an account).
CREATE TABLE decisions (
  id              INTEGER PRIMARY KEY,
  account_code    TEXT NOT NULL,
  action          TEXT NOT NULL,
  xero_contact_id TEXT,
  payload_json    TEXT,
  note            TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'bulk')),
  created_at      TEXT NOT NULL,
  undone_at       TEXT
);
CREATE INDEX decisions_account ON decisions (account_code, id);
CREATE TRIGGER decisions_keep BEFORE DELETE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are user data: undo a decision instead of deleting it');
END;

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject     TEXT NOT NULL DEFAULT '',
  before_json TEXT,
  after_json  TEXT,
  result      TEXT NOT NULL,
  detail_json TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
};
