// Says, above the table, when the findings cannot be fully trusted: the Xero side is missing or may be incomplete
// (rows are never "not in Xero" then), or matching was cancelled after the last import (with a way to match again).
import { useState } from 'react';
import type { WorkspaceStatus } from '../../../shared/review';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';

export function FreshnessBanner({ status }: { status: WorkspaceStatus }) {
  const api = useApi();
  const [failure, setFailure] = useState<string | null>(null);
  if (status.xeroTrust === 'complete' && status.waitingFor !== 'cocoon' && !status.findingsOutdated) return null;
  if (status.findingsOutdated && status.waitingFor === null) {
    const matchAgain = () => {
      setFailure(null);
      api.findings.recompute().catch((e: unknown) => setFailure(errorMessage(e)));
    };
    return (
      <div className="banner banner-warn" role="status">
        Findings are out of date: matching did not finish after the last import or push.{' '}
        <button type="button" onClick={matchAgain}>
          Match again
        </button>
        {failure && <span> {failure}</span>}
      </div>
    );
  }
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
