// The start screen's recent workspaces: each file read without writing to it (name, Xero organisation, when Xero was
// last read, how many accounts fail), or why it cannot be opened as it is. Newest first, as the settings keep them.
import { basename } from 'node:path';
import { countFailing } from '../../shared/domain';
import type { RecentWorkspace } from '../../shared/review';
import { openWorkspace } from '../db';
import { readBinding } from '../xero/binding';

/** "Acme Freight" for /books/Acme Freight.reconciler: what the title bar and the start screen call it. */
export function workspaceName(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

export function describeRecent(path: string): RecentWorkspace {
  const base = { path, name: workspaceName(path), organisation: null, xeroReadAt: null, xeroReadBy: null, accounts: 0, failing: null };
  let ws;
  try {
    ws = openWorkspace(path, { readonly: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'needs_upgrade') return { ...base, problem: null }; // opening it upgrades it
    return { ...base, problem: code === 'not_found' ? 'Not found: moved, renamed or deleted' : (e as Error).message };
  }
  try {
    const binding = readBinding(ws);
    const sync = ws.imports.latest('xero_sync', 'complete');
    const file = sync ? undefined : ws.imports.latest('xero_file', 'complete');
    return {
      ...base,
      organisation: binding?.tenantName ?? null,
      xeroReadAt: sync?.finishedAt ?? file?.finishedAt ?? null,
      xeroReadBy: sync ? 'sync' : file ? 'file' : null,
      accounts: ws.accounts.count(),
      failing: ws.findings.computedAt() ? countFailing(ws.findings.countsByKind()) : null,
      problem: null,
    };
  } finally {
    ws.close();
  }
}
