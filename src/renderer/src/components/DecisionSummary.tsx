// The account's current decision in words, with what it will change on each side; when it was carried out and the
// account still fails, says so first (it needs attention: decide again, or undo it in Xero); while a step of it is
// still to do, says which.
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { DecisionView } from '../../../shared/review';
import { When } from './When';
import { changeFrom, changeTo } from '../lib/describe';
import { unseenDifference } from '../../../shared/unseen-difference';

export function DecisionSummary({
  decision,
  attention = null,
  pending = null,
  undoable = 0,
}: {
  decision: DecisionView | null;
  attention?: string | null;
  pending?: string | null;
  undoable?: number;
}) {
  if (!decision) return <p className="muted small decision-none">No decision yet.</p>;
  return (
    <div className="decision-summary" data-testid="decision-summary">
      {attention && (
        <div className="attention-note small" role="note" data-testid="attention-note">
          <strong>Needs attention.</strong> {attention}
          {attention.endsWith('…') ? '' : '.'}
          <br />
          This fix did not make the sync work: decide again{undoable > 0 ? ', or undo it in Xero (the decision is then reopened)' : ''}.
        </div>
      )}
      {pending && (
        <p className="small muted" role="note" data-testid="pending-note">
          {pending}.
        </p>
      )}
      <strong>{ACTION_LABELS[decision.action]}</strong>
      <span className="muted small">
        {' '}
        · {decision.source === 'bulk' ? 'bulk' : 'by hand'} · <When at={decision.createdAt} />
      </span>
      {decision.note && <p className="small keep-spaces">“{decision.note}”</p>}
      {decision.changes.length > 0 && (
        <ul className="changes small keep-spaces">
          {decision.changes.map((c, i) => (
            <li key={i}>
              <span className="tag">{c.target === 'xero' ? 'Xero' : 'CocoonOPS'}</span> {c.field}: {changeFrom(c)} → {changeTo(c)}{' '}
              {unseenDifference(c.from, c.to)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
