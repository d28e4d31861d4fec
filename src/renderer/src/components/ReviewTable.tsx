// The review table: CocoonOPS | match | Xero, one row per billing account, virtualised (50,000 rows scroll
// smoothly) with grid semantics for screen readers and tests.
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReviewRow, XeroTrust } from '../../../shared/review';
import type { Sort, SortKey } from '../lib/review-view';
import { ReviewTableRow } from './ReviewTableRow';

export const ROW_HEIGHT = 34;

interface Props {
  rows: readonly ReviewRow[];
  visible: readonly number[];
  selected: number | null;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  /** null: the search's relevance order (no column is sorted). */
  sort: Sort | null;
  onSort: (key: SortKey) => void;
  xeroTrust: XeroTrust;
  query: string;
  searchReady: boolean;
}

const COLUMNS: { key: SortKey | null; label: string; className: string }[] = [
  { key: null, label: 'Decision', className: 'col-decision' },
  { key: 'code', label: 'Code', className: 'col-code' },
  { key: 'name', label: 'CocoonOPS name', className: 'col-name' },
  { key: 'kind', label: 'Finding', className: 'col-match' },
  { key: 'score', label: 'Score', className: 'col-score' },
  { key: 'xeroName', label: 'Xero name', className: 'col-name' },
  { key: null, label: 'AccountNumber', className: 'col-code' },
];

let firstRowsMarked = false;

export function ReviewTable({ rows, visible, selected, onSelect, onOpen, sort, onSort, xeroTrust, query, searchReady }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows render in the first pass (before the scroller is measured): a quicker first paint.
    initialRect: { width: 800, height: 600 },
  });
  const cursor = useMemo(() => (selected === null ? -1 : visible.indexOf(selected)), [visible, selected]);

  useEffect(() => {
    if (cursor >= 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);

  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!firstRowsMarked && items.length > 0) {
      firstRowsMarked = true;
      performance.mark('review-table:first-rows');
    }
  }, [items.length]);

  return (
    <div
      className="grid"
      role="grid"
      aria-label="Billing accounts and their Xero contacts"
      aria-rowcount={visible.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selected !== null && cursor >= 0 ? `row-${selected}` : undefined}
      tabIndex={0}
      data-query={query}
      data-visible={visible.length}
      data-search-ready={searchReady}
    >
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {COLUMNS.map((c, i) => (
            <div
              key={i}
              role="columnheader"
              className={`cell ${c.className}`}
              aria-colindex={i + 1}
              aria-sort={c.key && sort && sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
            >
              {c.label === 'Decision' ? (
                <span title="Decision" aria-label="Decision">
                  ✓
                </span>
              ) : c.key ? (
                <button type="button" className="sort-button" onClick={() => onSort(c.key!)}>
                  {c.label}
                  {sort?.key === c.key && <span aria-hidden="true">{sort.descending ? ' ▾' : ' ▴'}</span>}
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div className="grid-body" ref={scroller} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const index = visible[item.index]!;
            return (
              <ReviewTableRow
                key={index}
                index={index}
                row={rows[index]!}
                ariaRowIndex={item.index + 2}
                top={item.start}
                selected={index === selected}
                xeroTrust={xeroTrust}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
