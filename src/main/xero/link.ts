// The XeroPort over the Xero client (src/main/xero): PKCE sign-in bound to a workspace, and sync through the
// rate-limited Accounting client. xero-node (slow to load) is imported only when a sync runs.
import type { Workspace } from '../db';
import { AppError } from '../../shared/app-error';
import { namedStandIn, STAND_IN_ENV } from './address';
import { readBinding } from './binding';
import { connectWorkspace } from './connect';
import { RECONNECTABLE, XeroAuthError, XeroError } from './errors';
import { loadSettings, type XeroSettings } from './storage/settings';
import type { SecretStore } from './storage/secret-store';
import type { SessionOptions } from './session';
import type { ProgressLine, XeroPort } from './port';

export interface XeroLinkOptions {
  /** Where the tokens are kept (a private file for the web host; the OS keychain for Electron). */
  secrets: SecretStore;
  /** Shows Xero's sign-in page (the system browser, or the renderer's link in the web host). */
  openBrowser: (url: string) => Promise<void> | void;
  /** Where Xero settings live (client id, redirect port, base URL). */
  configDir: string;
  /** Settings to use instead of the file (tests, the demo); a non-Xero xeroBaseUrl names the stand-in tokens may go to. */
  settings?: Partial<XeroSettings>;
  /** Where RECONCILER_XERO_URL is read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** How messages say to reconnect (default: on the dashboard); a clock and rate limiters of its own (tests). */
  session?: Pick<SessionOptions, 'reconnectHint' | 'clock' | 'limiters'>;
}

/** How the app's messages say to reconnect. */
const RECONNECT_HINT = 'on the dashboard';

const LABEL: Record<string, string> = { contacts: 'contacts', invoices: 'invoices', credit_notes: 'credit notes' };

/** Xero's own failures become answers the UI shows as they are (not "unexpected error"). */
async function explained<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'SyncShrinkRefusedError') throw new AppError('needs_confirmation', error.message);
    if (error instanceof XeroAuthError && RECONNECTABLE.has(error.code)) throw new AppError('reconnect', error.message);
    if (error instanceof XeroError) throw new AppError('unavailable', error.message);
    if (error instanceof Error && error.name === 'SyncCancelledError') throw new AppError('cancelled', error.message);
    throw error;
  }
}

export function createXeroLink(o: XeroLinkOptions): XeroPort {
  const settings = async (): Promise<XeroSettings> => ({ ...(await loadSettings(o.configDir)), ...o.settings });
  /** The only non-Xero address tokens and sign-ins may go to: the one these settings or the environment name. */
  const standIn = async (): Promise<string | undefined> =>
    namedStandIn(o.settings?.xeroBaseUrl, (o.env ?? process.env)[STAND_IN_ENV], (await settings()).xeroBaseUrl);
  const connectTo = (ws: Workspace, signal?: AbortSignal) =>
    explained(async () => {
      const s = await settings();
      const bound = readBinding(ws);
      const { binding } = await connectWorkspace(ws, {
        // Given settings (the demo's sandbox of this run) win over what the workspace remembers.
        // The workspace's own address is used only if it is Xero or the named stand-in (checked in connect).
        baseUrl: o.settings?.xeroBaseUrl ?? bound?.baseUrl ?? s.xeroBaseUrl,
        standIn: await standIn(),
        clientId: o.settings?.clientId ?? bound?.clientId ?? s.clientId,
        redirectPort: s.redirectPort,
        secrets: o.secrets,
        openBrowser: (url) => o.openBrowser(url),
        signal,
        actor: 'user',
      });
      return { tenantId: binding.tenantId, tenantName: binding.tenantName };
    });
  return {
    unavailableReason: () => null,
    connect: (ws, { signal }) => connectTo(ws, signal),
    sync: (ws, { signal, onProgress, allowShrink }) =>
      explained(async () => {
        if (!readBinding(ws)) {
          throw new AppError(
            'unavailable',
            'This workspace is not connected to Xero (its Xero side came from a file). Connect Xero to sync it.',
          );
        }
        const [{ openXeroSession }, { syncXeroSide }, { planSyncCalls }, { withinDayBudget }] = await Promise.all([
          import('./session'),
          import('./sync/run-sync'),
          import('./sync/call-plan'),
          import('./budget'),
        ]);
        const session = openXeroSession(ws, { secrets: o.secrets, standIn: await standIn(), reconnectHint: RECONNECT_HINT });
        let read = 0;
        // Refused when Xero's calls left today cannot finish it; a day 429 stops it, keeping what it read.
        const guard = {
          work: 'sync' as const,
          needed: planSyncCalls(ws).calls,
          organisation: session.binding.tenantName,
          kept: () => (read > 0 ? 'What it read is kept' : 'Nothing is lost'),
        };
        const summary = await withinDayBudget(session.client, guard, () =>
          syncXeroSide(ws, session.client, {
            signal,
            allowShrink,
            actor: 'user',
            onProgress: (p) => {
              read++;
              onProgress(progressOf(p));
            },
          }),
        );
        return { contacts: summary.entities.contacts.records };
      }),
    accountingClient: async (ws) => {
      const { openXeroSession } = await import('./session');
      return openXeroSession(ws, { secrets: o.secrets, standIn: await standIn(), reconnectHint: RECONNECT_HINT, ...o.session }).client;
    },
  };
}

function progressOf(p: { entity: string; page: number; pageCount?: number; records: number; total?: number }): ProgressLine {
  const what = LABEL[p.entity] ?? p.entity;
  return {
    message: `Reading ${what} from Xero: ${p.records.toLocaleString()}${p.total ? ` of ${p.total.toLocaleString()}` : ''}`,
    done: p.total ? p.records : p.page,
    total: p.total ?? p.pageCount ?? null,
  };
}
