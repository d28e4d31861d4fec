// After a sync took over from Xero's contacts export: the decisions made on exported contacts (stand-in ids, which
// the sync's sweep removed) are made again on the Xero contact of the same name (Xero holds each name once), so the
// review and the push go on from them. A decision whose account's finding no longer allows it is left as it was (its
// unsent corrections say the contact is not in the workspace), and counted.
import type { Workspace } from '../db';
import { AppError } from '../../shared/app-error';
import { DecisionPayload } from './decision-view';
import { redecide } from './decide';
import { xeroExportSide } from './freshness';
import { exportContactId, isExportContactId, nameKey } from '../xero/export-ids';

export interface Carried {
  carried: number;
  /** Accounts whose decision could not be carried over. */
  left: string[];
}

/** The Xero contacts a decision names: its linked contact and the subjects of its Xero changes. */
function contactsNamed(d: { xeroContactId: string | null; payload: unknown }): string[] {
  const parsed = DecisionPayload.safeParse(d.payload ?? {});
  const subjects = parsed.success ? parsed.data.changes.filter((c) => c.target === 'xero').map((c) => c.subject) : [];
  return [...(d.xeroContactId ? [d.xeroContactId] : []), ...subjects];
}

export function carryExportDecisions(ws: Workspace): Carried {
  const result: Carried = { carried: 0, left: [] };
  if (xeroExportSide(ws)) return result; // still the export: its ids are the contacts'
  const stale = ws.decisions.listCurrent().filter((d) => contactsNamed(d).some(isExportContactId));
  if (stale.length === 0) return result;
  // The stand-in id each of Xero's contacts had in the export: an active one by its name (unique among active
  // contacts); an archived one only when no other archived contact has its name (else which one it was is unknown).
  const byExportId = new Map<string, string>();
  const archivedNames = new Map<string, number>();
  const xero = ws.contacts.list().filter((c) => !isExportContactId(c.contactId));
  for (const c of xero) if (c.status === 'ARCHIVED') archivedNames.set(nameKey(c.name), (archivedNames.get(nameKey(c.name)) ?? 0) + 1);
  for (const c of xero) {
    if (c.status !== 'ARCHIVED') byExportId.set(exportContactId(c.name), c.contactId);
    else if (archivedNames.get(nameKey(c.name)) === 1) byExportId.set(exportContactId(c.name, true), c.contactId);
  }
  for (const d of stale) {
    const linked = d.xeroContactId && isExportContactId(d.xeroContactId) ? byExportId.get(d.xeroContactId) : (d.xeroContactId ?? undefined);
    try {
      redecide(ws, d, linked, 'sync');
      result.carried++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.left.push(d.accountCode);
    }
  }
  ws.audit.append({
    actor: 'sync',
    action: 'decisions.carry_from_export',
    subject: '',
    result: result.left.length ? 'partial' : 'ok',
    detail: result,
  });
  return result;
}
