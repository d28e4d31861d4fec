// An exception's verdict and playbook as labels (colour is never the only signal: the text says it).
import type { PlaybookArea, Verdict } from '../../../shared/exceptions';
import { VERDICT_LABELS } from '../../../shared/verdict-labels';
import { formatDateTime } from '../lib/dates';

export { VERDICT_LABELS };

export const VERDICT_HINTS: Record<Verdict, string> = {
  exists_matches: 'The invoice is already in Xero as CocoonOPS has it: close the exception in CocoonOPS.',
  exists_differs: 'A document with this number is in Xero but differs: see the differences before closing or re-sending.',
  exists_unverified:
    'A document with this number is in Xero, but the exception gives too little to compare: compare it with CocoonOPS before closing.',
  not_found: 'No synced document has this number: re-send it from CocoonOPS.',
  cannot_check: 'No invoices synced yet (or no number was given): the number could not be looked up.',
};

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (verdict === null) return <span className="muted small">—</span>;
  return (
    <span className={`badge verdict-${verdict}`} title={VERDICT_HINTS[verdict]}>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

export function PlaybookBadge({ title, area }: { title: string; area: PlaybookArea }) {
  return (
    <span className={`badge playbook-badge area-${area}`} title={title}>
      {title}
    </span>
  );
}

export function ResolvedBadge({ resolvedAt }: { resolvedAt: string | null }) {
  return resolvedAt ? (
    <span className="badge state-resolved" title={`Resolved ${formatDateTime(resolvedAt)}`}>
      Resolved
    </span>
  ) : (
    <span className="badge state-open">Open</span>
  );
}
