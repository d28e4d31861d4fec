// The plan shown before a push: what changes, on how many contacts, what the checks block, and which billing
// accounts it unblocks. Reads only (a dry run computes it without creating the corrections it counts).
import type { PlanItem, PushPlan, UnblockedAccount } from '../../shared/contract-outbox';
import type { FindingKind } from '../../shared/domain';
import type { Workspace } from '../db';
import { readBinding } from '../xero/binding';
import { isProduction } from '../xero/endpoints';
import type { NewCorrection } from '../db/repos/outbox';
import { checkPlan, type Block } from './checks';
import { diffOutbox } from './materialise';
import { isApiCorrection, type Correction } from './model';

type Pending = Pick<NewCorrection, 'accountCode' | 'target' | 'subject' | 'kind' | 'changes'> & { id: number | null; ref: string };

/** The checks over the queued Xero corrections, by ref ("c12" for correction 12). */
export function blocksOf(ws: Workspace, pending: readonly Pick<Pending, 'ref' | 'subject' | 'kind' | 'changes'>[]): Map<string, Block> {
  return checkPlan(pending, ws.contacts.list());
}

export const refOf = (c: Pick<Correction, 'id'>): string => `c${c.id}`;

const NO_PROBLEM: ReadonlySet<FindingKind | null> = new Set<FindingKind | null>(['ok', 'not_in_xero', null]);

function unblocked(ws: Workspace, xero: readonly Pending[], cocoon: readonly Pending[], blockedCodes: ReadonlySet<string>): UnblockedAccount[] {
  const via = new Map<string, UnblockedAccount['via']>();
  for (const p of xero) via.set(p.accountCode, 'push');
  for (const p of cocoon) {
    if (p.kind === 'resend') continue;
    via.set(p.accountCode, via.get(p.accountCode) === 'push' ? 'both' : 'checklist');
  }
  const out: UnblockedAccount[] = [];
  for (const [code, how] of via) {
    if (blockedCodes.has(code)) continue;
    const kind = ws.findings.get(code)?.kind ?? null;
    if (NO_PROBLEM.has(kind)) continue;
    out.push({ code, name: ws.accounts.get(code)?.name ?? '', kind, via: how });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export function buildPlan(ws: Workspace, nowIso: string): PushPlan {
  const diff = diffOutbox(ws, nowIso);
  const withdrawn = new Set(diff.withdraw.map((c) => c.id));
  const existing = ws.outbox.list().filter((c) => !withdrawn.has(c.id));
  const queued: Pending[] = [
    ...existing.filter((c) => c.status === 'queued').map((c) => ({ ...c, ref: refOf(c) })),
    ...diff.inserts.filter((c) => (c.status ?? 'queued') === 'queued').map((c, i) => ({ ...c, id: null, ref: `new${i}` })),
  ];
  const api = queued.filter(isApiCorrection);
  const blocks = blocksOf(ws, api);
  const names = new Map<string, string>();
  const nameOf = (id: string): string => {
    if (!names.has(id)) names.set(id, ws.contacts.get(id)?.name ?? '');
    return names.get(id)!;
  };
  const items: PlanItem[] = api.map((p) => ({
    correctionId: p.id,
    accountCode: p.accountCode,
    contactId: p.subject,
    contactName: nameOf(p.subject),
    kind: p.kind,
    changes: p.changes,
    blocked: blocks.get(p.ref)?.reason ?? null,
  }));
  const sendable = api.filter((p) => !blocks.has(p.ref));
  const byKind: Record<string, number> = {};
  for (const p of sendable) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
  const inserted = (s: string) => diff.inserts.filter((c) => c.status === s).length;
  const blockedCodes = new Set(api.filter((p) => blocks.has(p.ref)).map((p) => p.accountCode));
  const cocoonOpen = queued.filter((p) => !isApiCorrection(p));
  const binding = readBinding(ws);
  return {
    computedAt: nowIso,
    organisation: binding ? { tenantName: binding.tenantName, sandbox: !isProduction(binding.baseUrl) } : null,
    toSend: sendable.length,
    contacts: new Set(sendable.map((p) => p.subject.toLowerCase())).size,
    byKind,
    items,
    blocked: blocks.size,
    conflicts: existing.filter((c) => c.status === 'conflict').length + inserted('conflict'),
    failed: existing.filter((c) => c.status === 'failed').length + inserted('failed'),
    resuming: existing.filter((c) => c.status === 'sending').length,
    unblocks: unblocked(ws, sendable, cocoonOpen, blockedCodes),
    checklistOpen: cocoonOpen.length + [...blocks.values()].filter((b) => b.clash).length,
    notReady: null,
  };
}
