// The ids of contacts read from Xero's contacts export (which has no ContactID): stable across exports of one
// organisation, never mistaken for Xero's own (GUIDs), never pushed. Used by the importer and by the review when a
// later sync takes over from an export.
import { createHash } from 'node:crypto';

/** Stand-in ids start so: no Xero ContactID looks like it (Xero's are GUIDs), and nothing with one is ever pushed. */
export const EXPORT_ID_PREFIX = 'export:';

/** Xero compares contact names trimmed and case-insensitively: so are two rows the same contact. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/**
 * The stand-in id of a contact: the same in every export of the organisation. An active contact is its name (Xero
 * holds each active name once); an archived one its name and which of the archived contacts of that name it is (`n`,
 * from 0, in the file's order), since archived contacts may share a name with each other and with an active one.
 */
export function exportContactId(name: string, archived = false, n = 0): string {
  const key = archived ? `archived\n${nameKey(name)}\n${n}` : `active\n${nameKey(name)}`;
  return `${EXPORT_ID_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

export const isExportContactId = (contactId: string): boolean => contactId.startsWith(EXPORT_ID_PREFIX);
