// The Push screen: the plan first (what changes, on how many contacts, what it does to the failing accounts, what is
// blocked and why), then the push (asked first: which Xero organisation, what it writes) with progress and cancel,
// then every correction with its result. Loads the plan and the results; its parts show them.
import { useState } from 'react';
import { counted, formatCount } from '../../../shared/push-summary';
import type { WorkspaceInfo } from '../../../shared/review';
import { useApi, useApiEvent } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { usePushRun } from '../hooks/usePushRun';
import { ErrorMessage } from './ErrorMessage';
import { ExportDialog } from './ExportDialog';
import { PushPlanCard } from './PushPlanCard';
import { PushResults } from './PushResults';
import { ScreenHeader } from './ScreenHeader';
import { WhatIfCard } from './WhatIfCard';
import '../exceptions.css';
import '../outbox.css';

export function PushScreen({ workspace }: { workspace: WorkspaceInfo }) {
  const api = useApi();
  const loaded = useLoad(async () => {
    const [plan, items] = await Promise.all([api.outbox.plan(), api.outbox.list({ target: 'xero', results: true, limit: 100_000 })]);
    return { plan, items };
  }, [api]);
  const { error, reload: refresh } = loaded;
  const plan = loaded.data?.plan ?? null;
  const run = usePushRun(refresh);
  const [exporting, setExporting] = useState(false);

  useApiEvent('workspace.changed', () => {
    if (!run.running) refresh();
  });

  const blocked = plan?.blocked ?? 0;
  return (
    <div className="workbench outbox-screen">
      <ScreenHeader workspace={workspace} current="#push">
        <button
          type="button"
          onClick={() => setExporting(true)}
          disabled={!plan || plan.toSend + plan.blocked === 0}
          title="Save the plan as an Excel workbook or a CSV file"
        >
          Export plan…
        </button>
        <button type="button" onClick={refresh} disabled={run.running}>
          Refresh
        </button>
      </ScreenHeader>
      {exporting && plan && (
        <ExportDialog
          title="Export the push plan"
          request={(format) => ({ table: 'plan', format })}
          onClose={() => setExporting(false)}
          onDone={(m) => {
            setExporting(false);
            run.setMessage(m);
          }}
        >
          The plan&apos;s {counted(plan.toSend + plan.blocked, 'contact change')}
          {blocked > 0 ? ` (${formatCount(blocked)} blocked, with why)` : ''}: one row per field written, with the billing account, the Xero
          contact, its value in Xero now and after the push.
        </ExportDialog>
      )}
      <main className="outbox-main">
        {error ? (
          <ErrorMessage message={error} onRetry={refresh} title="The push plan could not be loaded" />
        ) : !loaded.data ? (
          <div className="loading" role="status">
            Loading the plan…
          </div>
        ) : (
          <>
            <WhatIfCard whatIf={loaded.data.plan.whatIf} />
            <PushPlanCard plan={loaded.data.plan} run={run} />
            <PushResults items={loaded.data.items} run={run} organisation={loaded.data.plan.organisation} />
          </>
        )}
      </main>
    </div>
  );
}
