// The Push screen's results: every correction pushed to Xero, each with what became of it (Retry and Undo on it).
import type { CorrectionView } from '../../../shared/contract-outbox';
import type { PushRun } from '../hooks/usePushRun';
import { CorrectionItem } from './CorrectionItem';
import { EmptyState } from './EmptyState';

export function PushResults({ items, run }: { items: CorrectionView[]; run: PushRun }) {
  return (
    <section className="card" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      {items.length === 0 ? (
        <EmptyState title="Nothing pushed yet">Accept suggestions in the review, then push them here.</EmptyState>
      ) : (
        <ul className="corrections" data-testid="corrections">
          {items.map((c) => (
            <CorrectionItem key={c.id} c={c} busy={run.running} onRetry={() => run.retry(c.id)} onUndo={() => run.undo(c.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
