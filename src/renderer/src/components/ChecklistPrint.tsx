// The checklist as printed (Print, or Save as PDF in the desktop app): every line the screen's filter shows, not only
// those scrolled into view, on white paper whatever the theme. Mounted into <body> only while printing; the print
// stylesheet (checklist.css) hides the app and shows this.
import { createPortal } from 'react-dom';
import type { ChecklistRow } from '../lib/checklist-view';
import { formatDateTime } from '../lib/dates';
import { PLACE_LABELS } from './ChecklistParts';

export function ChecklistPrint({
  rows,
  title,
  filterNote,
  madeAt,
}: {
  rows: readonly ChecklistRow[];
  title: string;
  filterNote: string;
  madeAt: string;
}) {
  const lines = rows.filter((r) => r.type === 'line').length;
  return createPortal(
    <div className="checklist-print" data-testid="checklist-print">
      <h1>{title}</h1>
      <p className="meta">
        {lines.toLocaleString()} line{lines === 1 ? '' : 's'}
        {filterNote ? ` (${filterNote})` : ''} · printed {formatDateTime(madeAt)}
      </p>
      {rows.map((row) =>
        row.type === 'group' ? (
          <h2 key={`group:${row.group.task}`}>
            {row.group.title}{' '}
            <span className="meta">
              {row.group.ticked.toLocaleString()} of {row.group.total.toLocaleString()} done
            </span>
          </h2>
        ) : (
          <div key={row.line.key} className={`print-line${row.line.ticked ? ' done' : ''}`}>
            <span className="box" aria-label={row.line.ticked ? 'done' : 'to do'}>
              {row.line.ticked ? '☑' : '☐'}
            </span>
            <div>
              <div>
                {row.line.accountCode && (
                  <strong>
                    {row.line.accountCode} <span className="keep-spaces">{row.line.accountName}</span>
                  </strong>
                )}{' '}
                <span className="where">{PLACE_LABELS[row.line.place]}</span>
                {row.line.ticked && row.line.tickedAt && <span className="meta"> done {formatDateTime(row.line.tickedAt)}</span>}
              </div>
              <div className="text keep-spaces">{row.line.text}</div>
              {row.line.documents.length > 0 && <div className="documents">Invoices: {row.line.documents.join(', ')}</div>}
              {row.line.steps.length > 0 && (
                <ol className="keep-spaces">
                  {row.line.steps.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              )}
            </div>
          </div>
        ),
      )}
    </div>,
    document.body,
  );
}
