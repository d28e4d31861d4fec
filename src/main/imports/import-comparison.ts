// The comparison the CocoonOPS import preview shows (compare-accounts.ts), from the open workspace.
import type { ImportComparison } from '../../shared/contract';
import { compareAccounts } from '../cocoon/compare-accounts';
import type { Workspace } from '../db';

export function importComparison(ws: Workspace, file: readonly { code: string; name: string }[]): ImportComparison {
  const recodes = new Map<string, string>();
  const decided = new Set<string>();
  for (const d of ws.decisions.listCurrent()) {
    decided.add(d.accountCode);
    // The payload read as far as needed (a change of the CocoonOPS code), without trusting its shape.
    const changes = (d.payload as { changes?: unknown } | null)?.changes;
    const change = Array.isArray(changes)
      ? (changes as { target?: unknown; field?: unknown; to?: unknown }[]).find((c) => c?.target === 'cocoon' && c.field === 'code')
      : undefined;
    if (typeof change?.to === 'string') recodes.set(d.accountCode, change.to.trim());
  }
  return compareAccounts(ws.accounts.places(), file, decided, recodes);
}
