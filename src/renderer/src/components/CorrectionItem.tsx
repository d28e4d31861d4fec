// One correction in the Push screen's results: its status and changes; a conflict side by side with Retry, a failure
// with Xero's message and the advice, a done one with Undo.
import type { CorrectionView } from '../../../shared/contract-outbox';
import { CORRECTION_KIND_LABELS } from '../../../shared/push-summary';
import { ContactImageCard } from './ContactImageCard';
import { unseenDifference } from '../../../shared/unseen-difference';

/** Where a row of a virtualised list sits (its index, its offset) and how the list measures it. */
export interface RowPlace {
  index: number;
  start: number;
  measure: (element: Element | null) => void;
}

export function CorrectionItem({
  c,
  busy,
  onRetry,
  onUndo,
  place,
}: {
  c: CorrectionView;
  busy: boolean;
  onRetry: () => void;
  onUndo: () => void;
  place?: RowPlace;
}) {
  return (
    <li
      className={place ? 'correction results-row' : 'correction'}
      data-testid="correction"
      data-status={c.status}
      {...(place && { ref: place.measure, 'data-index': place.index, style: { transform: `translateY(${place.start}px)` } })}
    >
      <div className="correction-head">
        <span className={`badge status-${c.status}`}>{c.status}</span>
        <strong>{c.accountCode}</strong> <span>{c.accountName}</span>
        <span className="muted small">{CORRECTION_KIND_LABELS[c.kind]}</span>
        {c.attempts > 1 && <span className="muted small">{c.attempts} attempts</span>}
        <span className="spacer" />
        {(c.status === 'conflict' || c.status === 'failed') && (
          <button type="button" disabled={busy} onClick={onRetry}>
            Retry
          </button>
        )}
        {c.canUndo && (
          <button type="button" disabled={busy} onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
      <ul className="changes small keep-spaces">
        {c.changes.map((ch) => (
          <li key={ch.field}>
            {ch.field}: <s>{ch.from || '—'}</s> → <strong>{ch.to || '—'}</strong> {unseenDifference(ch.from, ch.to)}
          </li>
        ))}
      </ul>
      {c.status === 'failed' && (
        <div className="problem small" role="note">
          <p className="pre-line">Xero said: {c.message}</p>
          {c.advice && <p className="muted">{c.advice}</p>}
        </div>
      )}
      {c.status === 'conflict' && (
        <>
          <p className="small">{c.message}</p>
          <div className="side-by-side">
            <ContactImageCard title="Reviewed" image={c.reviewed} />
            <ContactImageCard title="Now in Xero" image={c.current} />
            <ContactImageCard title="After the change" image={c.after} />
          </div>
          {c.advice && <p className="muted small">{c.advice}</p>}
        </>
      )}
    </li>
  );
}
