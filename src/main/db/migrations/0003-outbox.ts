// The outbox: corrections derived from decisions, the batches sent to Xero (each with its Idempotency-Key, recorded
// before the request), and the ticks of the CocoonOPS checklist. Never edit once applied: a fix is a new file.
import type { Migration } from './types';

export const outbox: Migration = {
  id: 3,
  name: 'outbox',
  sql: `
-- One POST /Contacts (or its re-send after an interruption, with the same key and body).
CREATE TABLE outbox_batches (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL CHECK (kind IN ('push', 'undo')),
  idempotency_key     TEXT NOT NULL UNIQUE,
  body_json           TEXT NOT NULL,
  correction_ids_json TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'answered', 'failed', 'recovered')),
  sends               INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  finished_at         TEXT,
  response_json       TEXT
);
CREATE INDEX outbox_batches_status ON outbox_batches (status, id);

-- User data: a correction is never deleted (its history is the audit log).
CREATE TABLE corrections (
  id                   INTEGER PRIMARY KEY,
  decision_id          INTEGER REFERENCES decisions (id),
  account_code         TEXT NOT NULL,
  target               TEXT NOT NULL CHECK (target IN ('xero', 'cocoon')),
  subject              TEXT NOT NULL,
  kind                 TEXT NOT NULL,
  changes_json         TEXT NOT NULL,
  before_json          TEXT,
  reviewed_updated_utc TEXT NOT NULL DEFAULT '',
  finding_json         TEXT,
  undoes_id            INTEGER REFERENCES corrections (id),
  status               TEXT NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'sending', 'done', 'failed', 'conflict', 'undone')),
  batch_id             INTEGER REFERENCES outbox_batches (id),
  idempotency_key      TEXT,
  attempts             INTEGER NOT NULL DEFAULT 0,
  message              TEXT NOT NULL DEFAULT '',
  advice               TEXT NOT NULL DEFAULT '',
  after_json           TEXT,
  current_json         TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  done_at              TEXT,
  resynced_at          TEXT
);
CREATE UNIQUE INDEX corrections_of_decision ON corrections (decision_id, target, subject, kind) WHERE decision_id IS NOT NULL;
CREATE INDEX corrections_status ON corrections (status, id);
CREATE INDEX corrections_subject ON corrections (subject);
CREATE INDEX corrections_batch ON corrections (batch_id);
CREATE INDEX corrections_undoes ON corrections (undoes_id);
CREATE TRIGGER corrections_keep BEFORE DELETE ON corrections
BEGIN
  SELECT RAISE(ABORT, 'corrections are kept: undo or withdraw one instead of deleting it');
END;

-- Checklist lines ticked off by hand (keys are stable: "correction:12", "exception:4:2", "merge:7").
CREATE TABLE checklist_ticks (
  item_key  TEXT PRIMARY KEY,
  ticked_at TEXT NOT NULL
);
`,
};
