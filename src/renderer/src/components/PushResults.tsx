// The Push screen's results: every correction pushed to Xero, each with what became of it (Retry and Undo on it;
// an undo asks first, naming the organisation and what it writes back).
import { useState } from 'react';
import type { CorrectionView, PushOrganisation } from '../../../shared/contract-outbox';
import { undoOfCorrections } from '../../../shared/undo-summary';
import type { PushRun } from '../hooks/usePushRun';
import { CorrectionItem } from './CorrectionItem';
import { EmptyState } from './EmptyState';
import { UndoConfirmDialog } from './UndoConfirmDialog';

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
  return (
    <section className="card" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      {items.length === 0 ? (
        <EmptyState title="Nothing pushed yet">Accept suggestions in the review, then push them here.</EmptyState>
      ) : (
        <ul className="corrections" data-testid="corrections">
          {items.map((c) => (
            <CorrectionItem key={c.id} c={c} busy={run.running} onRetry={() => run.retry(c.id)} onUndo={() => setUndoing(c)} />
          ))}
        </ul>
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
