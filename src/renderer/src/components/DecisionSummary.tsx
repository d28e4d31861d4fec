// The account's current decision in words, with what it will change on each side.
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { DecisionView } from '../../../shared/review';
import { ago } from '../lib/format';

export function DecisionSummary({ decision }: { decision: DecisionView | null }) {
  if (!decision) return <p className="muted small decision-none">No decision yet.</p>;
  return (
    <div className="decision-summary" data-testid="decision-summary">
      <strong>{ACTION_LABELS[decision.action]}</strong>
      <span className="muted small">
        {' '}
        · {decision.source === 'bulk' ? 'bulk' : 'by hand'} · {ago(decision.createdAt)}
      </span>
      {decision.note && <p className="small">“{decision.note}”</p>}
      {decision.changes.length > 0 && (
        <ul className="changes small">
          {decision.changes.map((c, i) => (
            <li key={i}>
              <span className="tag">{c.target === 'xero' ? 'Xero' : 'CocoonOPS'}</span> {c.field}: “{c.from}” → “{c.to || 'a new code'}”
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
