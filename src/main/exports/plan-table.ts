// The push plan as an export: one row per field a push will write (or would, were it not blocked), with the
// billing account, the Xero contact, what changes from what to what, and why a blocked change is not sent.
import type { Workspace } from '../db';
import type { PushPlan } from '../../shared/contract-outbox';
import { CORRECTION_KIND_LABELS } from '../../shared/push-summary';
import type { ExportColumn, ExportTable } from './table';

export const PLAN_COLUMNS: ExportColumn[] = [
  { header: 'Code', type: 'text' },
  { header: 'CocoonOPS name', type: 'text' },
  { header: 'Xero contact', type: 'text' },
  { header: 'Change', type: 'text' },
  { header: 'Field', type: 'text' },
  { header: 'In Xero now', type: 'text' },
  { header: 'After the push', type: 'text' },
  { header: 'Sent', type: 'text' },
  { header: 'Why not', type: 'text' },
  { header: 'Xero ContactID', type: 'text' },
];

/** The plan's items, sent ones first, as on the Push screen. */
export function planExportTable(ws: Workspace, plan: PushPlan): ExportTable {
  const names = new Map<string, string>();
  const nameOf = (code: string): string => {
    if (!names.has(code)) names.set(code, ws.accounts.get(code)?.name ?? '');
    return names.get(code)!;
  };
  const items = [...plan.items.filter((i) => !i.blocked), ...plan.items.filter((i) => i.blocked)];
  const rows = items.flatMap((i) =>
    (i.changes.length > 0 ? i.changes : [{ field: '', from: '', to: '' }]).map((c) => [
      i.accountCode,
      nameOf(i.accountCode),
      i.contactName,
      CORRECTION_KIND_LABELS[i.kind],
      c.field,
      c.from,
      c.to,
      i.blocked ? 'No: blocked' : 'Yes',
      i.blocked ?? '',
      i.contactId,
    ]),
  );
  return { name: 'Push plan', columns: PLAN_COLUMNS, rows };
}
