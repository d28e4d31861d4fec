// Decisions made by one bulk apply carry the same batch id, so the whole apply can be undone as one action.
// Never edit once applied: a fix is a new file.
import type { Migration } from './types';

export const decisionBatches: Migration = {
  id: 4,
  name: 'decision-batches',
  sql: `
ALTER TABLE decisions ADD COLUMN batch_id INTEGER;
CREATE INDEX decisions_batch ON decisions (batch_id) WHERE batch_id IS NOT NULL;
`,
};
