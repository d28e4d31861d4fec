// A finding kind as a coloured label (colour is never the only signal: the text says it).
import type { FindingKind } from '../../../shared/domain';
import { KIND_LABELS } from '../../../shared/decision-rules';

/** `stale`: the Xero side is incomplete; `noXero`: there is none (else an account without a finding is one that matching has not reached). */
export function KindBadge({ kind, stale, noXero = false }: { kind: FindingKind | null; stale?: boolean; noXero?: boolean }) {
  if (kind === null) return <span className="badge badge-unknown">{noXero ? 'No Xero data' : 'Not matched yet'}</span>;
  if (kind === 'not_in_xero' && stale) {
    return (
      <span className="badge badge-unknown" title="The Xero data is incomplete (failed or unfinished sync): this account may exist in Xero.">
        Not in Xero?
      </span>
    );
  }
  return <span className={`badge badge-${kind}`}>{KIND_LABELS[kind]}</span>;
}
