// The start screen: recent workspaces first (one click reopens one; Close comes back here), then open the demo,
// connect Xero, or import a CocoonOPS export.
import { useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import type { RecentWorkspace } from '../../../shared/review';
import { useApi } from '../api/context';
import { useLoad } from '../hooks/useLoad';
import { errorMessage } from '../lib/file-content';
import { ErrorMessage } from './ErrorMessage';
import { ImportDialog } from './ImportDialog';
import { RecentWorkspaces } from './RecentWorkspaces';
import { SignInLink } from './SignInLink';

const NO_RECENT: RecentWorkspace[] = [];

export function Onboarding({ info }: { info: AppInfo }) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; title?: string } | null>(null);
  const [importing, setImporting] = useState<'cocoon' | 'xero' | null>(null);

  // Without the list (it could not be read), the start screen simply shows none.
  const recent = useLoad(() => api.workspace.recent(), [api]).data ?? NO_RECENT;

  const run = (label: string, fn: () => Promise<unknown>) => {
    setBusy(label);
    setError(null);
    fn().catch((e: unknown) => {
      setError({ message: errorMessage(e), title: label === 'connect' ? 'Xero is not connected' : undefined });
      setBusy(null);
    });
  };

  return (
    <main className="onboarding" aria-labelledby="welcome">
      <h1 id="welcome">Cocoon ⇄ Xero Reconciler</h1>
      <p className="lead">
        Find the CocoonOPS billing accounts whose Xero sync will fail, see both sides together, and decide what to fix.
      </p>
      {recent.length > 0 && (
        <RecentWorkspaces recent={recent} disabled={busy !== null} onOpen={(path) => run('open', () => api.workspace.open({ path }))} />
      )}
      <div className="start-cards">
        <section className="start-card">
          <h2>Try the demo</h2>
          <p className="muted">
            829 real organisation names, a sandbox Xero running inside the app with their invoices and credit notes, every kind of mismatch,
            and a CocoonOPS exceptions export to clear. Nothing leaves this computer.
          </p>
          <button type="button" className="primary" disabled={busy !== null} onClick={() => run('demo', () => api.workspace.openDemo())}>
            {busy === 'demo' ? 'Preparing the demo…' : 'Open the demo'}
          </button>
        </section>
        <section className="start-card">
          <h2>Connect Xero</h2>
          <p className="muted">Sign in to Xero in your browser (PKCE); the app reads your contacts, invoices and credit notes.</p>
          <button
            type="button"
            disabled={!info.features.connect || busy !== null}
            onClick={() => run('connect', () => api.xero.connect())}
            aria-describedby="connect-note"
          >
            {busy === 'connect' ? 'Waiting for Xero…' : 'Connect Xero'}
          </button>
          {busy === 'connect' && <SignInLink />}
          {!info.features.connect && (
            <p id="connect-note" className="muted small">
              {info.xeroUnavailableReason}
            </p>
          )}
        </section>
        <section className="start-card">
          <h2>Import files</h2>
          <p className="muted">
            A CocoonOPS billing-account export (CSV or XLSX), checked and previewed before anything is stored; and Xero's contacts export
            (in Xero: Contacts → Export), no API app needed.
          </p>
          <div className="button-row">
            <button type="button" disabled={busy !== null} onClick={() => setImporting('cocoon')}>
              Import CocoonOPS export…
            </button>
            <button type="button" disabled={busy !== null} onClick={() => setImporting('xero')}>
              Import Xero contacts…
            </button>
          </div>
        </section>
      </div>
      {error && <ErrorMessage message={error.message} title={error.title} />}
      {importing && <ImportDialog initialKind={importing} onClose={() => setImporting(null)} onImported={() => setImporting(null)} />}
    </main>
  );
}
