// A Xero contact merged into another in the web app reports MergedToContactID (it is then archived and keeps its
// AccountNumber): kept in a column, filled from the raw JSON the cache already holds. Never edit once applied.
import type { Migration } from './types';

export const mergedContacts: Migration = {
  id: 5,
  name: 'merged-contacts',
  sql: `
ALTER TABLE xero_contacts ADD COLUMN merged_to_contact_id TEXT NOT NULL DEFAULT '';
UPDATE xero_contacts SET merged_to_contact_id = trim(coalesce(json_extract(raw_json, '$.MergedToContactID'), ''))
 WHERE json_valid(raw_json) AND json_type(raw_json, '$.MergedToContactID') = 'text';
`,
};
