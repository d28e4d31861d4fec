// A finding kind as a coloured label (colour is never the only signal: the text says it).
import type { FindingKind } from '../../../shared/domain';
import { KIND_LABELS } from '../../../shared/decision-rules';

export function KindBadge({ kind, stale }: { kind: FindingKind | null; stale?: boolean }) {
  if (kind === null) return <span className="badge badge-unknown">No Xero data</span>;
  if (kind === 'not_in_xero' && stale) {
    return (
      <span className="badge badge-unknown" title="The Xero data is incomplete (failed or unfinished sync): this account may exist in Xero.">
        Not in Xero?
      </span>
    );
  }
  return <span className={`badge badge-${kind}`}>{KIND_LABELS[kind]}</span>;
}
