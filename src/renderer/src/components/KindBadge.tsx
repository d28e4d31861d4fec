// A finding kind as a coloured label (colour is never the only signal: the text says it), its meaning as a tooltip.
import type { FindingKind } from '../../../shared/domain';
import { FINDING_GLOSSARY } from '../../../shared/finding-glossary';
import type { XeroTrust } from '../../../shared/review';

/** `xeroTrust`: how complete the Xero side is (without one, an account without a finding is one that matching has not reached). */
export function KindBadge({ kind, xeroTrust = 'complete' }: { kind: FindingKind | null; xeroTrust?: XeroTrust }) {
  if (kind === null) return <span className="badge badge-unknown">{xeroTrust === 'missing' ? 'No Xero data' : 'Not matched yet'}</span>;
  if (kind === 'not_in_xero' && xeroTrust !== 'complete') {
    return (
      <span className="badge badge-unknown" title="The Xero data is incomplete (failed or unfinished sync): this account may exist in Xero.">
        Not in Xero?
      </span>
    );
  }
  const g = FINDING_GLOSSARY[kind];
  return (
    <span className={`badge badge-${kind}`} title={g.tooltip}>
      {g.label}
    </span>
  );
}
