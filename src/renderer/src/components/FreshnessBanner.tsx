// Says, above the table, when the Xero side is missing or may be incomplete: rows are never "not in Xero" then.
import type { WorkspaceStatus } from '../../../shared/review';

export function FreshnessBanner({ status }: { status: WorkspaceStatus }) {
  if (status.xeroTrust === 'complete' && status.waitingFor !== 'cocoon') return null;
  const text =
    status.xeroTrust !== 'complete'
      ? status.xeroTrustReason
      : 'No CocoonOPS export imported yet: import one to see the billing accounts.';
  return (
    <div className="banner banner-warn" role="status">
      {text}
    </div>
  );
}
