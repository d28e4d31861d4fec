// "Sync now": progress and cancel while it runs. A workspace whose Xero side came from a file offers to connect
// instead; a build without the Xero connection says why. A full sync that would remove most of the stored contacts
// stops and asks here (needs_confirmation): Keep them (nothing removed), or remove them and sync again. When Xero has
// ended the sign-in (60 days unused, revoked, a permission missing) it says so with one button, Reconnect to Xero,
// which signs the same organisation in again (nothing in the workspace changes) and then runs the sync.
import { useState } from 'react';
import type { AppInfo, EventPayload } from '../../../shared/contract';
import type { WorkspaceStatus, XeroBudget } from '../../../shared/review';
import { ApiError } from '../../../shared/api-client';
import { useApi, useApiEvent } from '../api/context';
import { Dialog } from './Dialog';
import { errorMessage } from '../lib/file-content';
import { SignInLink } from './SignInLink';

export function SyncControl({ info, status }: { info: AppInfo; status: WorkspaceStatus }) {
  const api = useApi();
  const [running, setRunning] = useState<'sync' | 'connect' | 'reconnect' | null>(null);
  const [progress, setProgress] = useState<EventPayload<'progress'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Xero's reason to sign in again, when the last sync or reconnect ended with it. */
  const [reconnect, setReconnect] = useState<string | null>(null);
  /** The sync's question, when it stopped before removing most contacts. */
  const [asking, setAsking] = useState<string | null>(null);
  const connected = status.xeroConnection !== null;
  useApiEvent('progress', (e) => {
    if (e.task === 'sync') setProgress(e.finished ? null : e);
  });
  useApiEvent('menu.command', (e) => {
    if (e.command === 'sync' && info.features.sync && connected && !running) start('sync');
  });

  function failed(e: unknown): void {
    if (e instanceof ApiError && e.code === 'needs_confirmation') setAsking(e.message);
    else if (e instanceof ApiError && e.code === 'reconnect') setReconnect(e.message);
    else setError(errorMessage(e));
  }

  function start(what: 'sync' | 'connect' | 'reconnect', allowShrink = false): void {
    setRunning(what);
    setError(null);
    setAsking(null);
    setReconnect(null);
    const run =
      what === 'sync'
        ? api.xero.sync({ allowShrink })
        : what === 'connect'
          ? api.xero.connect()
          : api.xero.reconnect().then(() => {
              setRunning('sync');
              return api.xero.sync({ allowShrink: false });
            });
    run.catch(failed).finally(() => {
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
      ) : running === 'connect' || running === 'reconnect' ? (
        <>
          <span className="small">Waiting for the Xero sign-in…</span>
          <SignInLink />
        </>
      ) : reconnect ? null : connected ? (
        <>
          <button type="button" onClick={() => start('sync')} title={`Read the changes from ${status.xeroConnection!.tenantName}`}>
            Sync now
          </button>
          {status.xeroBudget && <DayBudget budget={status.xeroBudget} />}
        </>
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
            Cancel keeps every contact; the findings stay those of the last complete sync, marked as possibly out of date, until a sync
            completes.
          </p>
        </Dialog>
      )}
      {reconnect && !running && (
        <div className="reconnect-box" role="alert" data-testid="reconnect-xero">
          <strong>Xero needs you to sign in again</strong>
          <p>{reconnect}</p>
          <button type="button" className="primary" onClick={() => start('reconnect')}>
            Reconnect to Xero
          </button>
        </div>
      )}
      {error && (
        <span className="error-text small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** "14:14 tomorrow" in the user's locale: the time, and the day when it is not today. */
function when(iso: string): string {
  const at = new Date(iso);
  const days = Math.round((new Date(at).setHours(0, 0, 0, 0) - new Date().setHours(0, 0, 0, 0)) / 86_400_000);
  const day = days === 0 ? '' : days === 1 ? ' tomorrow' : ` on ${at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
  return `${at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}${day}`;
}

/** Xero's calls left today for the organisation (from its last answer), and when its day resets. */
export function DayBudget({ budget }: { budget: XeroBudget }) {
  const left =
    budget.remaining === null
      ? 'a new day at Xero'
      : `${budget.remaining.toLocaleString()} Xero call${budget.remaining === 1 ? '' : 's'} left today`;
  const reset = budget.remaining === null ? '' : ` · resets ${budget.exact ? 'at' : 'by'} ${when(budget.resetAt)}`;
  return (
    <span
      className={`muted small${budget.remaining === 0 ? ' warn-text' : ''}`}
      data-testid="xero-budget"
      title={`Xero allows 5,000 calls a day per organisation (1,000 on its Starter plan): ${budget.line}`}
    >
      {left}
      {reset}
    </span>
  );
}
