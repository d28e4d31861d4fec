// Exceptions over a workspace: import (file or pasted message), classify, check invoice numbers against the synced
// Xero documents, list, resolve, and the CocoonOPS checklist. What the UI, the CLI and the tests call.
import { createHash } from 'node:crypto';
import { encodingLabel } from '../../shared/domain';
import type { Workspace } from '../db';
import { ImportError } from '../cocoon/import-problems';
import {
  ExceptionInput,
  type ChecklistStep,
  type Classification,
  type ExceptionDetail,
  type ExceptionImportSummary,
  type ExceptionInputDraft,
  type ExceptionItem,
  type ExceptionsQuery,
  type InvoiceCheck,
  type LinkedDecision,
  type Verdict,
} from '../../shared/exceptions';
import { classifyMessage } from './classify-message';
import { parseExceptionsBuffer, parseExceptionsFile, type ExceptionImportOptions, type ParsedExceptions } from './import-exceptions';
import { checkInvoiceNumber, type CheckContext } from './invoice-check';
import { playbook, playbookDef } from './playbooks';
import { exceptionKey } from './read-rows';
import { stepsFor } from './steps';

/** Asked for an exception id the workspace does not have. */
export class ExceptionNotFoundError extends Error {
  override readonly name = 'ExceptionNotFoundError';
  constructor(readonly id: number) {
    super(`There is no exception ${id} in this workspace.`);
  }
}

/**
 * Whether the workspace holds Xero's sales invoices and credit notes. Without any (never synced, or a sync that
 * brought none) the invoice-number check says "cannot check: no invoices synced yet", never "not found".
 */
export function syncContext(ws: Workspace): CheckContext {
  const last = ws.imports.latest('xero_sync', 'complete');
  return { synced: ws.invoices.count() > 0, syncedAt: last?.finishedAt ?? null };
}

/** Fills the number and billing account from the message when the export did not give them. */
function enrich(input: ExceptionInput, c: Classification): ExceptionInput {
  return {
    ...input,
    number: input.number || c.details.documentNumber || '',
    accountCode: input.accountCode || c.details.accountNumber || '',
  };
}

function check(ws: Workspace, input: ExceptionInput, c: Classification, ctx: CheckContext): InvoiceCheck | null {
  if (!playbookDef(c.playbookId).checksDocument) return null;
  const candidates = input.number ? ws.exceptions.documentsByNumber(input.number) : [];
  return checkInvoiceNumber(input, candidates, ctx);
}

function evaluate(
  ws: Workspace,
  raw: ExceptionInput,
  ctx: CheckContext,
): { input: ExceptionInput; classification: Classification; check: InvoiceCheck | null } {
  const classification = classifyMessage(raw.message);
  const input = enrich(raw, classification);
  return { input, classification, check: check(ws, input, classification, ctx) };
}

function stored(ws: Workspace, id: number): ExceptionItem {
  const item = ws.exceptions.get(id);
  if (!item) throw new ExceptionNotFoundError(id);
  return item;
}

function storeParsed(ws: Workspace, parsed: ParsedExceptions, fileName: string, sha256: string, actor: string): ExceptionImportSummary {
  const ctx = syncContext(ws);
  return ws.transaction(() => {
    const batchId = ws.exceptions.beginBatch('file', fileName, sha256, parsed.items.length, {
      encoding: parsed.encoding,
      format: parsed.format,
      columns: parsed.columns,
    });
    let added = 0;
    const ids: number[] = [];
    const stillOpen: number[] = [];
    for (const { row, input: raw } of parsed.items) {
      const e = evaluate(ws, raw, ctx);
      const r = ws.exceptions.write({ key: exceptionKey(e.input), batchId, source: 'file', fileName, row, ...e });
      ids.push(r.id);
      if (r.created) added++;
      if (r.wasResolved) stillOpen.push(r.id);
    }
    const summary: ExceptionImportSummary = {
      batchId,
      fileName,
      rows: parsed.items.length,
      added,
      updated: parsed.items.length - added,
      stillOpen,
      ids,
      warnings: parsed.warnings,
      readAs: encodingLabel(parsed.encoding),
    };
    ws.audit.append({
      actor,
      action: 'exceptions.import',
      subject: fileName,
      result: 'ok',
      detail: { batchId, rows: summary.rows, added, updated: summary.updated, stillOpen },
    });
    return summary;
  });
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Imports an Exceptions Manager export (all or nothing): classifies each exception and checks invoice numbers. */
export async function importExceptionsFile(
  ws: Workspace,
  path: string,
  options: ExceptionImportOptions = {},
  actor = 'user',
): Promise<ExceptionImportSummary> {
  const parsed = await parseExceptionsFile(path, options);
  return storeParsed(ws, parsed, parsed.fileName, sha256(parsed.bytes), actor);
}

/** The same, from bytes the UI already holds (a dropped or chosen file). */
export async function importExceptionsBuffer(
  ws: Workspace,
  bytes: Uint8Array,
  fileName: string,
  options: ExceptionImportOptions = {},
  actor = 'user',
): Promise<ExceptionImportSummary> {
  const parsed = await parseExceptionsBuffer(bytes, fileName, options);
  return storeParsed(ws, parsed, fileName, sha256(bytes), actor);
}

/** One pasted error message (and whatever the user knows about its document) → one exception. */
export function addPastedException(ws: Workspace, draft: ExceptionInputDraft, actor = 'user'): ExceptionDetail {
  const parsed = ExceptionInput.safeParse(draft);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      row: 0,
      column: i.path.map(String).join('.') || undefined,
      severity: 'error' as const,
      message: `${i.path.map(String).join('.') || 'input'}: ${i.message}`,
    }));
    throw new ImportError('The pasted exception was not added: paste the error message (the other fields are optional).', problems);
  }
  const raw = parsed.data;
  const ctx = syncContext(ws);
  const id = ws.transaction(() => {
    const e = evaluate(ws, raw, ctx);
    const batchId = ws.exceptions.beginBatch('pasted', null, null, 1);
    const r = ws.exceptions.write({ key: exceptionKey(e.input), batchId, source: 'pasted', fileName: null, row: null, ...e });
    ws.audit.append({
      actor,
      action: 'exceptions.paste',
      subject: e.input.number || e.input.accountCode,
      result: 'ok',
      detail: { id: r.id, playbook: e.classification.playbookId, created: r.created },
    });
    return r.id;
  });
  return getException(ws, id);
}

export function listExceptions(ws: Workspace, query: ExceptionsQuery = {}): ExceptionItem[] {
  return ws.exceptions.list(query);
}

function linkedDecision(ws: Workspace, code: string): LinkedDecision | null {
  const d = code ? ws.decisions.current(code) : undefined;
  return d ? { id: d.id, action: d.action, note: d.note, createdAt: d.createdAt } : null;
}

function detailOf(ws: Workspace, e: ExceptionItem): ExceptionDetail {
  const code = e.accountCode || e.details.accountNumber || '';
  const finding = code ? (ws.findings.get(code) ?? null) : null;
  const decision = linkedDecision(ws, code);
  return {
    exception: e,
    playbook: playbook(e.playbookId),
    also: e.also.map((id) => playbook(id)),
    finding,
    decision,
    steps: stepsFor(e, { finding, decision }),
  };
}

/** The exception with its playbook, its billing account's current finding and decision, and its checklist steps. */
export function getException(ws: Workspace, id: number): ExceptionDetail {
  return detailOf(ws, stored(ws, id));
}

/** Marks an exception resolved (or open again), with an audit entry. */
export function setExceptionResolved(
  ws: Workspace,
  id: number,
  resolved: boolean,
  options: { note?: string; actor?: string } = {},
): ExceptionItem {
  return ws.transaction(() => {
    const before = stored(ws, id);
    ws.exceptions.setResolved(id, resolved, options.note ?? '');
    const after = stored(ws, id);
    ws.audit.append({
      actor: options.actor ?? 'user',
      action: resolved ? 'exception.resolve' : 'exception.reopen',
      subject: `exception ${id}${before.number ? ` (${before.number})` : ''}`,
      before: { resolvedAt: before.resolvedAt, note: before.resolvedNote },
      after: { resolvedAt: after.resolvedAt, note: after.resolvedNote },
      result: 'ok',
    });
    return after;
  });
}

/** Runs the invoice-number check again (e.g. after a Xero sync) for the open exceptions that have one. */
export function recheckExceptions(
  ws: Workspace,
  options: { ids?: readonly number[] } = {},
): { checked: number; byVerdict: Record<Verdict, number> } {
  const ctx = syncContext(ws);
  const byVerdict: Record<Verdict, number> = { exists_matches: 0, exists_differs: 0, exists_unverified: 0, not_found: 0, cannot_check: 0 };
  const wanted = options.ids ? new Set(options.ids) : null;
  let checked = 0;
  ws.transaction(() => {
    for (const e of ws.exceptions.list({ resolved: false })) {
      if (wanted && !wanted.has(e.id)) continue;
      const c = check(ws, e, { playbookId: e.playbookId, also: e.also, details: e.details }, ctx);
      if (!c) continue;
      ws.exceptions.setCheck(e.id, c);
      byVerdict[c.verdict]++;
      checked++;
    }
  });
  return { checked, byVerdict };
}

/** The CocoonOPS checklist: the steps of every open exception (resolved ones too when asked), in import order. */
export function exceptionChecklist(ws: Workspace, options: { includeResolved?: boolean } = {}): ChecklistStep[] {
  const items = ws.exceptions.list(options.includeResolved ? {} : { resolved: false });
  return items.flatMap((e) => detailOf(ws, e.resolvedAt && options.includeResolved ? { ...e, resolvedAt: null } : e).steps);
}
