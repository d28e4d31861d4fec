// Says, above the table, when the findings cannot be fully trusted: the Xero side is missing or may be incomplete
// (rows are never "not in Xero" then), matching was cancelled after the last import (with a way to match again), or
// the Xero side is Xero's contacts export (what it cannot tell: ContactIDs, archived contacts, customers).
import { useState } from 'react';
import type { WorkspaceStatus } from '../../../shared/review';
import { useApi } from '../api/context';
import { errorMessage } from '../lib/file-content';
import { EXPORT_VIEW_LABELS } from '../../../shared/xero-export';

export function FreshnessBanner({ status }: { status: WorkspaceStatus }) {
  return (
    <>
      <TrustBanner status={status} />
      {status.xeroExport && (
        <div className="banner banner-info" role="note" aria-label="What Xero's contacts export cannot tell">
          <strong>Xero side: Xero's contacts export ({status.xeroExport.views.map((v) => EXPORT_VIEW_LABELS[v]).join(', ')}).</strong>
          <ul className="small">
            {status.xeroExport.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function TrustBanner({ status }: { status: WorkspaceStatus }) {
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
    status.xeroTrust !== 'complete' ? status.xeroTrustReason : 'No CocoonOPS export imported yet: import one to see the billing accounts.';
  return (
    <div className="banner banner-warn" role="status">
      {text}
    </div>
  );
}
