// Long work in the core (demo, import, matching, sync) as a slim progress bar with its message; matching can be
// cancelled here (a sync has its own Cancel beside Sync now).
import { useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { useApi, useApiEvent } from '../api/context';

type Progress = EventPayload<'progress'>;

export function ProgressLine() {
  const api = useApi();
  const [p, setP] = useState<Progress | null>(null);
  useApiEvent('progress', (e) => {
    setP(e.finished ? null : e);
  });
  if (!p) return null;
  const pct = p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : undefined;
  return (
    <div className="progress-line" role="status" aria-live="polite">
      <progress max={100} value={pct} aria-label={p.message} />
      <span>{p.message}</span>
      {p.task === 'match' && (
        <button type="button" className="link-button" onClick={() => void api.findings.cancelRecompute()}>
          Cancel
        </button>
      )}
    </div>
  );
}
