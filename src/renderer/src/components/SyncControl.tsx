// "Sync now": progress and cancel while it runs. A workspace whose Xero side came from a file offers to connect
// instead; a build without the Xero connection says why. A full sync that would remove most of the stored contacts
// stops and asks here (needs_confirmation): Keep them (nothing removed), or remove them and sync again.
import { useState } from 'react';
import type { AppInfo, EventPayload } from '../../../shared/contract';
import type { WorkspaceStatus } from '../../../shared/review';
import { ApiError } from '../../../shared/api-client';
import { useApi, useApiEvent } from '../api/context';
import { Dialog } from './Dialog';
import { errorMessage } from '../lib/file-content';
import { SignInLink } from './SignInLink';

export function SyncControl({ info, status }: { info: AppInfo; status: WorkspaceStatus }) {
  const api = useApi();
  const [running, setRunning] = useState<'sync' | 'connect' | null>(null);
  const [progress, setProgress] = useState<EventPayload<'progress'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The sync's question, when it stopped before removing most contacts. */
  const [asking, setAsking] = useState<string | null>(null);
  const connected = status.xeroConnection !== null;
  useApiEvent('progress', (e) => {
    if (e.task === 'sync') setProgress(e.finished ? null : e);
  });
  useApiEvent('menu.command', (e) => {
    if (e.command === 'sync' && info.features.sync && connected && !running) start('sync');
  });

  function start(what: 'sync' | 'connect', allowShrink = false): void {
    setRunning(what);
    setError(null);
    setAsking(null);
    (what === 'sync' ? api.xero.sync({ allowShrink }) : api.xero.connect())
      .catch((e: unknown) => (e instanceof ApiError && e.code === 'needs_confirmation' ? setAsking(e.message) : setError(errorMessage(e))))
      .finally(() => {
        setRunning(null);
        setProgress(null);
      });
  }

  if (!info.features.sync) {
    return (
      <div className="sync">
        <button type="button" disabled aria-describedby="sync-unavailable" title={info.xeroUnavailableReason ?? undefined}>
          Sync now
        </button>
        <span id="sync-unavailable" className="muted small" title={info.xeroUnavailableReason ?? undefined}>
          Not available yet<span className="visually-hidden">: {info.xeroUnavailableReason}</span>
        </span>
      </div>
    );
  }
  const pct = progress?.total ? Math.round((progress.done / progress.total) * 100) : undefined;
  return (
    <div className="sync">
      {running === 'sync' ? (
        <>
          <progress max={100} value={pct} aria-label="Sync progress" />
          <span className="small">{progress?.message ?? 'Syncing…'}</span>
          <button type="button" onClick={() => void api.xero.cancelSync()}>
            Cancel
          </button>
        </>
      ) : running === 'connect' ? (
        <>
          <span className="small">Waiting for the Xero sign-in…</span>
          <SignInLink />
        </>
      ) : connected ? (
        <button type="button" onClick={() => start('sync')} title={`Read the changes from ${status.xeroConnection!.tenantName}`}>
          Sync now
        </button>
      ) : (
        <button type="button" onClick={() => start('connect')} title="This workspace's Xero side came from a file: connect it to sync">
          Connect Xero…
        </button>
      )}
      {asking && (
        <Dialog
          title="Remove most of the contacts?"
          onClose={() => setAsking(null)}
          action={{ label: 'Remove them and sync', onClick: () => start('sync', true), focusCancel: true }}
        >
          <p data-testid="sync-shrink-question">{asking}</p>
          <p className="muted small">
            Cancel keeps every contact; the findings stay those of the last complete sync, marked as possibly out of date, until a sync completes.
          </p>
        </Dialog>
      )}
      {error && (
        <span className="error-text small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
