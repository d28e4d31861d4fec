// A fifth invoice-number verdict, exists_unverified: a document with the number is in Xero, but the exception gave
// too little (contact, date or total) to say it is CocoonOPS's. SQLite cannot change a CHECK in place, so the table
// is rebuilt (nothing references it) with the same columns and indexes. Never edit once applied.
import type { Migration } from './types';

export const unverifiedVerdict: Migration = {
  id: 6,
  name: 'exists-unverified-verdict',
  sql: `
CREATE TABLE exceptions_v6 (
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
  verdict        TEXT CHECK (verdict IN ('exists_matches', 'exists_differs', 'not_found', 'cannot_check', 'exists_unverified')),
  check_json     TEXT,
  checked_at     TEXT,
  imported_at    TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  resolved_at    TEXT,
  resolved_note  TEXT NOT NULL DEFAULT ''
);
INSERT INTO exceptions_v6 (id, dedupe_key, batch_id, last_batch_id, source, file_name, row, message, doc_type, number, account_code, contact_name, date, total, currency, state, raised_at, playbook, also_json, details_json, verdict, check_json, checked_at, imported_at, last_seen_at, resolved_at, resolved_note)
  SELECT id, dedupe_key, batch_id, last_batch_id, source, file_name, row, message, doc_type, number, account_code, contact_name, date, total, currency, state, raised_at, playbook, also_json, details_json, verdict, check_json, checked_at, imported_at, last_seen_at, resolved_at, resolved_note FROM exceptions;
DROP TABLE exceptions;
ALTER TABLE exceptions_v6 RENAME TO exceptions;
CREATE INDEX exceptions_playbook ON exceptions (playbook, id);
CREATE INDEX exceptions_verdict ON exceptions (verdict, id);
CREATE INDEX exceptions_account ON exceptions (account_code);
CREATE INDEX exceptions_number ON exceptions (number COLLATE NOCASE);
`,
};
