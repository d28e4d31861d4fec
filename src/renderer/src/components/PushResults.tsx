// The Push screen's results: what pushes wrote or tried to write (the queue is the plan's), the failed and
// conflicting first, then the newest, with a count per outcome; each with what became of it (Retry and Undo on it;
// an undo asks first, naming the organisation and what it writes back). Thousands after a large push: virtualised.
import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CorrectionStatus, CorrectionView, PushOrganisation } from '../../../shared/contract-outbox';
import { counted } from '../../../shared/push-summary';
import { undoOfCorrections } from '../../../shared/undo-summary';
import type { PushRun } from '../hooks/usePushRun';
import { CorrectionItem, type RowPlace } from './CorrectionItem';
import { EmptyState } from './EmptyState';
import { UndoConfirmDialog } from './UndoConfirmDialog';

/** Up to this many results are listed as they are; more scroll in a list of their own that keeps only those in view. */
const PLAIN_UP_TO = 100;

const OUTCOME_WORDS: [CorrectionStatus, string, string][] = [
  ['failed', 'failed', 'failed'],
  ['conflict', 'conflict', 'conflicts'],
  ['sending', 'being sent', 'being sent'],
  ['done', 'written', 'written'],
  ['undone', 'undone', 'undone'],
];

/** "8,762 written · 3 failed · 1 conflict": how many of the results ended each way. */
export function outcomeLine(items: readonly Pick<CorrectionView, 'status'>[]): string {
  const n = new Map<CorrectionStatus, number>();
  for (const c of items) n.set(c.status, (n.get(c.status) ?? 0) + 1);
  return OUTCOME_WORDS.filter(([s]) => n.has(s))
    .map(([s, one, many]) => counted(n.get(s)!, one, many))
    .join(' · ');
}

export function PushResults({
  items,
  run,
  organisation,
}: {
  items: CorrectionView[];
  run: PushRun;
  /** The Xero organisation an undo writes to (the plan's). */
  organisation: PushOrganisation | null;
}) {
  const [undoing, setUndoing] = useState<CorrectionView | null>(null);
  const row = (c: CorrectionView, place?: RowPlace) => (
    <CorrectionItem key={c.id} c={c} busy={run.running} onRetry={() => run.retry(c.id)} onUndo={() => setUndoing(c)} place={place} />
  );
  return (
    <section className="card" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      {items.length === 0 ? (
        <EmptyState title="Nothing pushed yet">Accept suggestions in the review, then push them here.</EmptyState>
      ) : (
        <>
          <p className="small" data-testid="results-count">
            {outcomeLine(items)}
          </p>
          {items.length <= PLAIN_UP_TO ? (
            <ul className="corrections" data-testid="corrections">
              {items.map((c) => row(c))}
            </ul>
          ) : (
            <LongList items={items} row={row} />
          )}
        </>
      )}
      {undoing && (
        <UndoConfirmDialog
          summary={undoOfCorrections([undoing], organisation)}
          onCancel={() => setUndoing(null)}
          onConfirm={() => {
            setUndoing(null);
            run.undo(undoing.id);
          }}
        />
      )}
    </section>
  );
}

function LongList({ items, row }: { items: readonly CorrectionView[]; row: (c: CorrectionView, place: RowPlace) => React.JSX.Element }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i]?.status === 'conflict' ? 260 : 34 + 22 * (items[i]?.changes.length ?? 1)),
    getItemKey: (i) => items[i]!.id,
    overscan: 8,
    initialRect: { width: 900, height: 600 },
  });
  return (
    <div className="results-scroller" ref={scroller} data-rows={items.length}>
      <ul className="corrections" data-testid="corrections" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer
          .getVirtualItems()
          .map((v) => row(items[v.index]!, { index: v.index, start: v.start, measure: virtualizer.measureElement }))}
      </ul>
    </div>
  );
}
