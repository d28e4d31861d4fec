// A finding kind as a coloured label (colour is never the only signal: the text says it), its meaning as a tooltip.
import type { FindingKind, SuggestedFix } from '../../../shared/domain';
import { FINDING_GLOSSARY, findingLabel } from '../../../shared/finding-glossary';
import type { XeroTrust } from '../../../shared/review';

/** `xeroTrust`: how complete the Xero side is (without one, an account without a finding is one that matching has not reached). */
export function KindBadge({
  kind,
  xeroTrust = 'complete',
  fix = null,
}: {
  kind: FindingKind | null;
  xeroTrust?: XeroTrust;
  fix?: SuggestedFix | null;
}) {
  if (kind === null) return <span className="badge badge-unknown">{findingLabel(kind, xeroTrust)}</span>;
  if (kind === 'not_in_xero' && xeroTrust !== 'complete') {
    return (
      <span
        className="badge badge-unknown"
        title="The Xero data is incomplete (failed or unfinished sync): this account may exist in Xero."
      >
        {findingLabel(kind, xeroTrust)}
      </span>
    );
  }
  if (fix === 'follow_merge') {
    return (
      <span
        className={`badge badge-${kind}`}
        title="The archived contact was merged into another in Xero: the fix is made on the contact it was merged into."
      >
        {findingLabel(kind, xeroTrust, fix)}
      </span>
    );
  }
  const g = FINDING_GLOSSARY[kind];
  return (
    <span className={`badge badge-${kind}`} title={g.tooltip}>
      {findingLabel(kind, xeroTrust, fix)}
    </span>
  );
}
