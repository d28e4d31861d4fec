// The checklist's lines, virtualised (5,000 lines open at once; only those in view are in the page): a heading row per
// kind of work with its progress, then a row per line with its box, the billing account, where it is done, what to
// do, the invoices a re-send names and the numbered steps. A tick re-renders that row only (rows are memoised).
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChecklistLine } from '../../../shared/contract-outbox';
import type { ChecklistRow } from '../lib/checklist-view';
import { formatDateTime } from '../lib/dates';
import { PLACE_LABELS, ProgressCount } from './ChecklistParts';

let firstLinesMarked = false;

export function ChecklistList({ rows, onTick }: { rows: readonly ChecklistRow[]; onTick: (key: string, ticked: boolean) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) =>
      rows[i]?.type === 'group'
        ? 40
        : 30 +
          40 * Math.min(1, rows[i]?.type === 'line' ? rows[i].line.text.length / 140 : 0) +
          20 * (rows[i]?.type === 'line' ? rows[i].line.steps.length : 0),
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.type === 'group' ? `group:${r.group.task}` : r.line.key;
    },
    overscan: 8,
    initialRect: { width: 900, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!firstLinesMarked && items.length > 0) {
      firstLinesMarked = true;
      performance.mark('checklist:first-lines');
    }
  }, [items.length]);

  return (
    <div className="checklist-scroller" ref={scroller} role="list" aria-label="Checklist lines" data-rows={rows.length}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="checklist-row"
              style={{ transform: `translateY(${item.start}px)` }}
              role="listitem"
            >
              {row.type === 'group' ? (
                <h3 className="checklist-heading" data-testid="checklist-heading">
                  {row.group.title}
                  <ProgressCount done={row.group.ticked} total={row.group.total} />
                  {row.shown !== row.group.total && <span className="muted small"> · {row.shown.toLocaleString()} shown</span>}
                </h3>
              ) : (
                <LineRow line={row.line} onTick={onTick} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const LineRow = memo(function LineRow({ line, onTick }: { line: ChecklistLine; onTick: (key: string, ticked: boolean) => void }) {
  return (
    <div className={`checklist-line${line.ticked ? ' ticked' : ''}`} data-testid="checklist-line" data-key={line.key}>
      <input
        type="checkbox"
        id={`tick-${line.key}`}
        checked={line.ticked}
        disabled={line.shown}
        onChange={(e) => onTick(line.key, e.target.checked)}
        aria-describedby={`what-${line.key}`}
      />
      <div className="checklist-body">
        <label htmlFor={`tick-${line.key}`} className="checklist-account">
          {line.accountCode ? (
            <>
              <strong>{line.accountCode}</strong> <span className="keep-spaces">{line.accountName}</span>
            </>
          ) : (
            <span className="muted">No billing account</span>
          )}
          <span className="tag">{PLACE_LABELS[line.place]}</span>
          {line.shown ? (
            <span className="muted small" data-testid="checklist-shown">
              {' '}
              done: the CocoonOPS export imported{line.tickedAt ? ` ${formatDateTime(line.tickedAt)}` : ''} shows it
            </span>
          ) : (
            line.ticked && line.tickedAt && <span className="muted small"> done {formatDateTime(line.tickedAt)}</span>
          )}
        </label>
        <div id={`what-${line.key}`} className="checklist-text keep-spaces">
          {line.text}
        </div>
        {line.documents.length > 0 && (
          <div className="checklist-documents small" data-testid="checklist-documents">
            Invoices:{' '}
            {line.documents.map((d) => (
              <span key={d} className="doc-chip">
                {d}
              </span>
            ))}
          </div>
        )}
        {line.steps.length > 0 && (
          <ol className="small checklist-steps keep-spaces">
            {line.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
});
