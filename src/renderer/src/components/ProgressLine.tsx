// Long work in the core (demo, import, matching, sync, a large workspace's plan, checklist or bulk accept) as a slim
// progress bar with its message; matching and the plan, checklist or bulk accept can be stopped here (a sync has its own Cancel beside Sync now). Fixed above the window, or `inline` inside a dialog
// that waits for the work (an import waits for the matching after it): a modal dialog covers the fixed line.
import { useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { useApi, useApiEvent } from '../api/context';

type Progress = EventPayload<'progress'>;

export function ProgressLine({ inline = false, waiting }: { inline?: boolean; /** Shown until the first report. */ waiting?: string }) {
  const api = useApi();
  const [p, setP] = useState<Progress | null>(null);
  useApiEvent('progress', (e) => {
    setP(e.finished ? null : e);
  });
  if (!p) return waiting ? <p role="status">{waiting}</p> : null;
  const pct = p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : undefined;
  return (
    <div className={inline ? 'progress-line progress-inline' : 'progress-line'} role="status" aria-live="polite">
      <progress max={100} value={pct} aria-label={p.message} />
      <span>{p.message}</span>
      {p.task === 'outbox' && (
        <button type="button" className="link-button" onClick={() => void api.outbox.cancel()}>
          Cancel
        </button>
      )}
      {p.task === 'match' && (
        <button type="button" className="link-button" onClick={() => void api.findings.cancelRecompute()}>
          Stop matching
        </button>
      )}
    </div>
  );
}
