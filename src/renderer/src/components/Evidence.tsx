// Why the matcher thinks what it thinks: each field's contribution (log2 Bayes factor) as a signed bar.
import type { Contribution } from '../../../shared/domain';

export function Evidence({ contributions }: { contributions: Contribution[] }) {
  if (contributions.length === 0) return <p className="muted small">No evidence: nothing in Xero to compare with.</p>;
  const max = Math.max(8, ...contributions.map((c) => Math.abs(c.weight)));
  return (
    <ul className="evidence" aria-label="Evidence per field">
      {contributions.map((c) => {
        const width = `${Math.round((Math.abs(c.weight) / max) * 50)}%`;
        const sign = c.weight > 0 ? 'for' : c.weight < 0 ? 'against' : 'neutral';
        return (
          <li key={c.field} className={`evidence-${sign}`}>
            <span className="evidence-field">{c.field}</span>
            <span className="evidence-level">{c.level.replace(/_/g, ' ')}</span>
            <span className="evidence-bar" aria-hidden="true">
              <span style={{ width, marginLeft: c.weight >= 0 ? '50%' : `calc(50% - ${width})` }} />
            </span>
            <span className="evidence-weight num">
              {c.weight > 0 ? '+' : ''}
              {c.weight.toFixed(1)}
              <span className="visually-hidden"> ({sign} the same business)</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
