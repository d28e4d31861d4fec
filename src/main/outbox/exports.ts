// The files a bookkeeper takes away: the checklist as CSV and as a printable HTML page (the app prints it to PDF),
// and the audit log as CSV. Pure: data in, text out.
import { csvFormatRows } from 'd3-dsv';
import type { AuditEntry } from '../db';
import type { Checklist, ChecklistLine } from '../../shared/contract-outbox';
import { escapeFormula } from '../../shared/formula';

const PLACE: Record<ChecklistLine['place'], string> = { cocoonops: 'CocoonOPS', xero: 'Xero (web app)', reconciler: 'Reconciler' };

export const CHECKLIST_CSV_COLUMNS = ['billing_account_code', 'billing_account_name', 'where', 'what', 'steps', 'done', 'done_at', 'key'] as const;

const csv = (rows: string[][]): string => `${csvFormatRows(rows.map((r) => r.map(escapeFormula)))}\n`;

export function checklistCsv(list: Checklist): string {
  const rows = list.groups.flatMap((g) =>
    g.lines.map((l) => [
      g.accountCode,
      g.accountName,
      PLACE[l.place],
      l.text,
      l.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
      l.ticked ? 'yes' : 'no',
      l.tickedAt ?? '',
      l.key,
    ]),
  );
  return csv([[...CHECKLIST_CSV_COLUMNS], ...rows]);
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 .2em; } .meta { color: #555; margin: 0 0 1.5em; }
section { break-inside: avoid; margin: 0 0 1.2em; } h2 { font-size: 12pt; border-bottom: 1px solid #999; margin: 0 0 .4em; }
ul.lines { list-style: none; padding: 0; margin: 0; } li.line { display: flex; gap: .6em; margin: .3em 0; }
.box { font-size: 13pt; line-height: 1; } .done .text { text-decoration: line-through; color: #666; }
.where { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .04em; color: #444; border: 1px solid #bbb; border-radius: 3px; padding: 0 .3em; white-space: nowrap; }
ol.steps { margin: .2em 0 0 1.2em; padding: 0; }
@media print { body { margin: 1.2cm; } a { color: inherit; text-decoration: none; } }
`;

/** A self-contained page (no scripts, no outside resources): one section per billing account, a box per line. */
export function checklistHtml(list: Checklist, title = 'CocoonOPS checklist'): string {
  const sections = list.groups.map((g) => {
    const heading = g.accountCode ? `${escapeHtml(g.accountCode)}${g.accountName ? ` — ${escapeHtml(g.accountName)}` : ''}` : 'Not tied to a billing account';
    const lines = g.lines.map((l) => {
      const steps = l.steps.length > 0 ? `<ol class="steps">${l.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>` : '';
      return `<li class="line${l.ticked ? ' done' : ''}" data-key="${escapeHtml(l.key)}"><span class="box" aria-label="${l.ticked ? 'done' : 'to do'}">${l.ticked ? '☑' : '☐'}</span><span class="where">${escapeHtml(PLACE[l.place])}</span><span class="text">${escapeHtml(l.text)}${steps}</span></li>`;
    });
    return `<section><h2>${heading}</h2><ul class="lines">${lines.join('')}</ul></section>`;
  });
  const empty = list.total === 0 ? '<p>Nothing to do by hand.</p>' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="meta">${list.total} line${list.total === 1 ? '' : 's'}, ${list.ticked} done · generated ${escapeHtml(list.generatedAt)}</p>
${empty}${sections.join('\n')}
</body></html>
`;
}

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'subject', 'result', 'correction_id', 'account_code', 'message', 'before', 'after', 'detail'] as const;

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

/** Oldest first; before, after and detail as JSON (Xero's answer is in detail.xero). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.id - b.id)
    .map((e) => {
      const d = (typeof e.detail === 'object' && e.detail !== null ? e.detail : {}) as Record<string, unknown>;
      const id = typeof d.correctionId === 'number' ? String(d.correctionId) : '';
      return [String(e.id), e.at, e.actor, e.action, e.subject, e.result, id, typeof d.accountCode === 'string' ? d.accountCode : '', typeof d.message === 'string' ? d.message : '', json(e.before), json(e.after), json(e.detail)];
    });
  return csv([[...AUDIT_CSV_COLUMNS], ...rows]);
}

/** Every entry of the log, oldest first. */
export function allAuditEntries(audit: { list(q: { limit: number; offset: number }): AuditEntry[]; count(): number }): AuditEntry[] {
  return audit.list({ limit: Math.max(1, audit.count()), offset: 0 }).reverse();
}
