// Long work in the core (demo, import, matching, sync) as a slim progress bar with its message.
import { useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { useApiEvent } from '../api/context';

type Progress = EventPayload<'progress'>;

export function ProgressLine() {
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
    </div>
  );
}
