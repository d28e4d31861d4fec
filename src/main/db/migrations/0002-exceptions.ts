// CocoonOPS sync exceptions: imported or pasted, with their playbook, invoice-number verdict and resolution.
// Never edit once applied: a fix is a new numbered file.
import type { Migration } from './types';

export const exceptions: Migration = {
  id: 2,
  name: 'exceptions',
  sql: `
-- One row per exceptions file imported or message pasted.
CREATE TABLE exception_batches (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL CHECK (source IN ('file', 'pasted')),
  file_name   TEXT,
  sha256      TEXT,
  row_count   INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  detail_json TEXT
);

-- User data (resolution) beside derived data (playbook, verdict): an exception seen again is refreshed, not duplicated.
CREATE TABLE exceptions (
  id             INTEGER PRIMARY KEY,
  dedupe_key     TEXT NOT NULL UNIQUE,
  batch_id       INTEGER NOT NULL REFERENCES exception_batches (id),
  last_batch_id  INTEGER NOT NULL REFERENCES exception_batches (id),
  source         TEXT NOT NULL CHECK (source IN ('file', 'pasted')),
  file_name      TEXT,
  row            INTEGER,
  message        TEXT NOT NULL,
  doc_type       TEXT CHECK (doc_type IN ('invoice', 'credit_note')),
  number         TEXT NOT NULL DEFAULT '',
  account_code   TEXT NOT NULL DEFAULT '',
  contact_name   TEXT NOT NULL DEFAULT '',
  date           TEXT NOT NULL DEFAULT '',
  total          REAL,
  currency       TEXT NOT NULL DEFAULT '',
  state          TEXT NOT NULL DEFAULT '',
  raised_at      TEXT NOT NULL DEFAULT '',
  playbook       TEXT NOT NULL,
  also_json      TEXT NOT NULL DEFAULT '[]',
  details_json   TEXT NOT NULL DEFAULT '{}',
  verdict        TEXT CHECK (verdict IN ('exists_matches', 'exists_differs', 'not_found', 'cannot_check')),
  check_json     TEXT,
  checked_at     TEXT,
  imported_at    TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  resolved_at    TEXT,
  resolved_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exceptions_playbook ON exceptions (playbook, id);
CREATE INDEX exceptions_verdict ON exceptions (verdict, id);
CREATE INDEX exceptions_account ON exceptions (account_code);
CREATE INDEX exceptions_number ON exceptions (number COLLATE NOCASE);

-- The invoice-number check looks numbers up without regard to case, as Xero compares them.
CREATE INDEX xero_invoices_number_nocase ON xero_invoices (number COLLATE NOCASE);
`,
};
