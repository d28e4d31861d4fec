// The CocoonOPS checklist of the open exceptions: every step in order, grouped by exception.
import type { ChecklistStep } from '../../../shared/exceptions';

const PLACE_LABELS = { cocoonops: 'CocoonOPS', xero: 'Xero', reconciler: 'Reconciler' } as const;

export function ExceptionsChecklist({ steps, onOpen }: { steps: readonly ChecklistStep[]; onOpen: (id: number) => void }) {
  const groups = new Map<number, ChecklistStep[]>();
  for (const s of steps) {
    let g = groups.get(s.exceptionId);
    if (!g) groups.set(s.exceptionId, (g = []));
    g.push(s);
  }
  return (
    <details className="exceptions-checklist" open={groups.size > 0 && groups.size <= 20}>
      <summary>
        CocoonOPS steps{' '}
        <span className="muted small">
          ({groups.size.toLocaleString()} open exception{groups.size === 1 ? '' : 's'})
        </span>
      </summary>
      {groups.size === 0 ? (
        <p className="muted small">Nothing to do in CocoonOPS: no open exception.</p>
      ) : (
        <ol className="checklist-groups" aria-label="CocoonOPS steps">
          {[...groups].map(([id, g]) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => onOpen(id)}>
                {g[0]!.documentNumber || g[0]!.accountCode || `exception ${id}`}
              </button>
              <ol className="steps small">
                {g.map((s) => (
                  <li key={s.order}>
                    <span className="tag">{PLACE_LABELS[s.place]}</span> {s.text}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
