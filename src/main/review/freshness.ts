// How far the Xero side can be trusted. "No match in Xero" and "could not look it up" are different answers:
// with no Xero data there are no findings, and after a failed or unfinished sync the findings say so.
import type { ImportRecord, Workspace } from '../db';
import type { ImportInfo, XeroTrust } from '../../shared/review';
import { ExportView, exportCaveats, type XeroExportSide } from '../../shared/xero-export';

export interface Freshness {
  trust: XeroTrust;
  reason: string | null;
}

function errorOf(record: ImportRecord): string {
  const detail = record.detail as { error?: unknown } | null;
  return typeof detail?.error === 'string' ? detail.error.replace(/\.$/, '') : 'no reason recorded'; // it goes in parentheses
}

/** The newest complete Xero side (file import or sync), if any. */
export function lastXeroSide(ws: Workspace): ImportRecord | undefined {
  const file = ws.imports.latest('xero_file', 'complete');
  const sync = ws.imports.latest('xero_sync', 'complete');
  if (!file) return sync;
  if (!sync) return file;
  return file.id > sync.id ? file : sync;
}

/**
 * When the newest complete Xero side is Xero's contacts export: the views it holds, and what the review cannot know
 * from them (no ContactIDs, archived contacts, customers). Null for a sync or a GET /Contacts file.
 */
export function xeroExportSide(ws: Workspace): XeroExportSide | null {
  const side = lastXeroSide(ws);
  const detail = side?.kind === 'xero_file' ? (side.detail as { format?: unknown; views?: unknown } | null) : null;
  if (detail?.format !== 'xero-export') return null;
  const views = ExportView.array().catch([]).parse(detail.views);
  return { views, caveats: exportCaveats(views) };
}

export function xeroFreshness(ws: Workspace): Freshness {
  const side = lastXeroSide(ws);
  if (!side)
    return {
      trust: 'missing',
      reason: "No Xero data yet: connect Xero and sync, or import Xero's contacts export (in Xero: Contacts → All contacts → Export).",
    };
  const attempt = ws.imports.latest('xero_sync');
  if (attempt && attempt.id > side.id && attempt.status !== 'complete') {
    const when = side.finishedAt ?? side.startedAt;
    const why = attempt.status === 'failed' ? `the last sync failed (${errorOf(attempt)})` : 'a sync has not finished';
    return { trust: 'stale', reason: `Xero data may be incomplete: ${why}. Findings use the Xero data of ${when}.` };
  }
  const computed = ws.findings.computedAt();
  if (!computed || computed < (side.finishedAt ?? side.startedAt)) {
    return { trust: 'stale', reason: 'Findings are older than the Xero data: they are being recomputed.' };
  }
  return { trust: 'complete', reason: null };
}

export function importInfo(record: ImportRecord | undefined | null): ImportInfo | null {
  if (!record) return null;
  return { at: record.finishedAt ?? record.startedAt, fileName: record.fileName, rows: record.rowCount };
}
