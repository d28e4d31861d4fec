// Small pieces shared by the Checklist screen, its virtualised list and its printed page.
export const PLACE_LABELS = { cocoonops: 'CocoonOPS', xero: 'Xero web app', reconciler: 'Reconciler' } as const;

/** "3 of 40 done" with a bar (a progressbar for assistive technology). */
export function ProgressCount({ done, total, label }: { done: number; total: number; label?: string }) {
  return (
    <span className="progress-count">
      <span className="progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <span style={{ width: `${total === 0 ? 0 : (100 * done) / total}%` }} />
      </span>
      <span className="muted small">
        {done.toLocaleString()} of {total.toLocaleString()} done
      </span>
    </span>
  );
}
