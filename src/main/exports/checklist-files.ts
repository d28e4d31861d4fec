// The files a bookkeeper takes away: the checklist as CSV, XLSX and a printable HTML page (grouped by what is to be
// done, dates in the user's format), and the audit log as CSV. Pure apart from the XLSX writer: data in, file out.
import { csvFormatRows } from 'd3-dsv';
import type { AuditEntry } from '../db';
import type { Checklist, ChecklistLine, DateStyle } from '../../shared/contract-outbox';
import { escapeFormula } from '../../shared/formula';
import { stampText } from './dates';
import { renderTable } from './render';
import type { ExportTable } from './table';

const PLACE: Record<ChecklistLine['place'], string> = { cocoonops: 'CocoonOPS', xero: 'Xero (web app)', reconciler: 'Reconciler' };

export const CHECKLIST_CSV_COLUMNS = [
  'to_do',
  'billing_account_code',
  'billing_account_name',
  'where',
  'what',
  'invoices',
  'steps',
  'done',
  'done_at',
  'key',
] as const;
const SHEET_HEADERS = [
  'To do',
  'Billing account code',
  'Billing account name',
  'Where',
  'What',
  'Invoices',
  'Steps',
  'Done',
  'Done at',
  'Key',
];

const csv = (rows: string[][]): string => `${csvFormatRows(rows.map((r) => r.map(escapeFormula)))}\n`;
const numbered = (steps: readonly string[]): string => steps.map((s, i) => `${i + 1}. ${s}`).join('\n');

function rowsOf(list: Checklist) {
  return list.groups.flatMap((g) => g.lines.map((l) => ({ group: g.title, line: l })));
}

export function checklistCsv(list: Checklist, dates: DateStyle = {}): string {
  const rows = rowsOf(list).map(({ group, line: l }) => [
    group,
    l.accountCode,
    l.accountName,
    PLACE[l.place],
    l.text,
    l.documents.join(', '),
    numbered(l.steps),
    l.ticked ? 'yes' : 'no',
    stampText(l.tickedAt, dates),
    l.key,
  ]);
  return csv([[...CHECKLIST_CSV_COLUMNS], ...rows]);
}

/** The same rows as the CSV in one worksheet (the shared export writer); "Done at" a real date and time. */
export async function checklistXlsx(list: Checklist): Promise<Buffer> {
  const table: ExportTable = {
    name: 'Checklist',
    columns: SHEET_HEADERS.map((header) => ({ header, type: header === 'Done at' ? 'datetime' : 'text' })),
    rows: rowsOf(list).map(({ group, line: l }) => [
      group,
      l.accountCode,
      l.accountName,
      PLACE[l.place],
      l.text,
      l.documents.join(', '),
      numbered(l.steps),
      l.ticked ? 'yes' : 'no',
      l.tickedAt,
      l.key,
    ]),
  };
  return Buffer.from(await renderTable(table, 'xlsx'));
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 .2em; } .meta { color: #555; margin: 0 0 1.5em; }
section { margin: 0 0 1.4em; } h2 { font-size: 12.5pt; border-bottom: 1.5px solid #333; margin: 0 0 .4em; padding-bottom: .15em; break-after: avoid; }
h2 .progress { font-weight: normal; font-size: 10pt; color: #555; margin-left: .5em; }
ul.lines { list-style: none; padding: 0; margin: 0; } li.line { display: flex; gap: .6em; padding: .35em 0; border-bottom: 1px solid #ddd; break-inside: avoid; }
.box { font-size: 13pt; line-height: 1; } .done .text { text-decoration: line-through; color: #666; }
.account { font-weight: 600; } .where { font-size: 8pt; text-transform: uppercase; letter-spacing: .04em; color: #444; border: 1px solid #bbb; border-radius: 3px; padding: 0 .3em; white-space: nowrap; margin-left: .4em; }
.documents { font-weight: 600; } .when { color: #555; font-size: 9pt; }
ol.steps { margin: .2em 0 0 1.2em; padding: 0; }
.name, .what, ol.steps li { white-space: pre-wrap; } /* names keep their runs of spaces: "Columbia  Explorers" */
@page { margin: 1.5cm 1.2cm; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
`;

/** A self-contained page (no scripts, no outside resources): a section per kind of work, a box per line. */
export function checklistHtml(list: Checklist, title = 'CocoonOPS checklist', dates: DateStyle = {}): string {
  const sections = list.groups.map((g) => {
    const lines = g.lines.map((l) => {
      const steps = l.steps.length > 0 ? `<ol class="steps">${l.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>` : '';
      const account = l.accountCode
        ? `<span class="account">${escapeHtml(l.accountCode)}${l.accountName ? ` — <span class="name">${escapeHtml(l.accountName)}</span>` : ''}</span>`
        : '';
      const docs = l.documents.length > 0 ? `<div class="documents">Invoices: ${escapeHtml(l.documents.join(', '))}</div>` : '';
      const when = l.ticked && l.tickedAt ? ` <span class="when">done ${escapeHtml(stampText(l.tickedAt, dates))}</span>` : '';
      return `<li class="line${l.ticked ? ' done' : ''}" data-key="${escapeHtml(l.key)}"><span class="box" aria-label="${l.ticked ? 'done' : 'to do'}">${l.ticked ? '☑' : '☐'}</span><span class="text">${account}<span class="where">${escapeHtml(PLACE[l.place])}</span>${when}<div class="what">${escapeHtml(l.text)}</div>${docs}${steps}</span></li>`;
    });
    return `<section><h2>${escapeHtml(g.title)}<span class="progress">${g.ticked.toLocaleString('en')} of ${g.total.toLocaleString('en')} done</span></h2><ul class="lines">${lines.join('')}</ul></section>`;
  });
  const empty = list.total === 0 ? '<p>Nothing to do by hand.</p>' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="meta">${list.total.toLocaleString('en')} line${list.total === 1 ? '' : 's'}, ${list.ticked.toLocaleString('en')} done · made ${escapeHtml(stampText(list.generatedAt, dates))}</p>
${empty}${sections.join('\n')}
</body></html>
`;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor',
  'action',
  'subject',
  'result',
  'correction_id',
  'account_code',
  'message',
  'before',
  'after',
  'detail',
] as const;

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

/** Oldest first; before, after and detail as JSON (Xero's answer is in detail.xero). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.id - b.id)
    .map((e) => {
      const d = (typeof e.detail === 'object' && e.detail !== null ? e.detail : {}) as Record<string, unknown>;
      const id = typeof d.correctionId === 'number' ? String(d.correctionId) : '';
      return [
        String(e.id),
        e.at,
        e.actor,
        e.action,
        e.subject,
        e.result,
        id,
        typeof d.accountCode === 'string' ? d.accountCode : '',
        typeof d.message === 'string' ? d.message : '',
        json(e.before),
        json(e.after),
        json(e.detail),
      ];
    });
  return csv([[...AUDIT_CSV_COLUMNS], ...rows]);
}

/** Every entry of the log, oldest first. */
export function allAuditEntries(audit: { list(q: { limit: number; offset: number }): AuditEntry[]; count(): number }): AuditEntry[] {
  return audit.list({ limit: Math.max(1, audit.count()), offset: 0 }).reverse();
}
