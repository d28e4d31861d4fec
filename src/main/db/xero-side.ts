// What is built from the workspace's whole Xero side (its 50,000 contacts as a list, an index of them), kept per
// workspace while that side is unchanged: an import, a sync or a push's read-back changes the key. Opening the plan,
// the checklist or an account then does not read and index every contact again.
import type { XeroContact } from '../../shared/domain';
import type { Workspace } from './workspace';
import { writeMark } from './write-mark';

const STATE_OF_XERO_SIDE =
  "SELECT count(*) || '|' || coalesce(max(updated_date_utc), '') || '|' || (SELECT coalesce(max(id), 0) FROM imports) FROM xero_contacts";

/**
 * The Xero side's state (the count query above reads 50,000 rows: ~20 ms), asked again only when the database has
 * changed since: another connection committed (data_version) or this one wrote (total_changes).
 */
const states = new WeakMap<Workspace, { stamp: { get(): unknown }; seen: string; key: string }>();
function xeroSideState(ws: Workspace): string {
  let s = states.get(ws);
  if (!s) states.set(ws, (s = { stamp: ws.db.prepare(STATE_OF_XERO_SIDE).pluck(), seen: '', key: '' }));
  const seen = writeMark(ws);
  if (seen !== s.seen) {
    s.key = String(s.stamp.get());
    s.seen = seen;
  }
  return s.key;
}

/** `build`, memoised per workspace for as long as its Xero side is unchanged. */
export function perXeroSide<T>(build: (ws: Workspace) => T): (ws: Workspace) => T {
  const kept = new WeakMap<Workspace, { key: string; value: T | undefined }>();
  return (ws) => {
    let k = kept.get(ws);
    if (!k) kept.set(ws, (k = { key: '', value: undefined }));
    const key = xeroSideState(ws);
    if (k.value === undefined || k.key !== key) {
      k.value = build(ws);
      k.key = key;
    }
    return k.value;
  };
}

/** Every contact of the workspace (shared: callers copy what they change). */
export const xeroContacts: (ws: Workspace) => readonly XeroContact[] = perXeroSide((ws) => ws.contacts.list());

/** The same contacts by ContactID. */
export const xeroContactsById: (ws: Workspace) => ReadonlyMap<string, XeroContact> = perXeroSide(
  (ws) => new Map(xeroContacts(ws).map((c) => [c.contactId, c])),
);
