// workspace.openDemo: build (or reopen) the demo workspace. Its sandbox Xero runs in-process for the session;
// the demo workspace is connected to it through the real Xero client (PKCE, auto-approved) and synced from it.
import { DEV_CLIENT_ID } from '../../xero/endpoints';
import { createMemorySecretStore } from '../../xero/storage/secret-store';
import { buildDemoWorkspace, startDemoSandbox } from '../../demo/demo-workspace';
import { openWorkspace } from '../../db';
import { createXeroLink } from '../../xero/link';
import type { XeroPort } from '../../xero/port';
import type { WorkspaceInfo } from '../../../shared/review';
import type { AppContext } from './context';

const started = new WeakMap<AppContext, Promise<XeroPort>>();

/** Headless consent: the sandbox auto-approves, so following the authorize URL lands on our loopback listener. */
async function followRedirects(url: string): Promise<void> {
  const res = await fetch(url);
  await res.text();
}

/** Starts the demo's sandbox once per app, and the XeroPort that talks to it. */
export function demoXero(ctx: AppContext): Promise<XeroPort> {
  let port = started.get(ctx);
  if (!port) {
    port = startDemoSandbox(ctx.config.demoDir).then((sandbox) => {
      ctx.onClose(() => sandbox.close());
      const link = createXeroLink({
        secrets: createMemorySecretStore(),
        openBrowser: followRedirects,
        configDir: ctx.config.dataDir,
        settings: { xeroBaseUrl: sandbox.url, clientId: DEV_CLIENT_ID, redirectPort: 0 },
      });
      ctx.demoXero = link;
      return link;
    });
    started.set(ctx, port);
  }
  return port;
}

export async function openDemo(ctx: AppContext, reset: boolean): Promise<WorkspaceInfo> {
  const progress = (message: string, done: number, total: number): void =>
    ctx.events.emit('progress', { task: 'demo', message, done, total, finished: done === total });
  const useSync = ctx.config.demoSync !== false;
  const xero = useSync ? await demoXero(ctx) : null;
  if (ctx.session.info()?.isDemo) ctx.session.close();
  const { path, created } = await buildDemoWorkspace({
    dataDir: ctx.config.dataDir,
    demoDir: ctx.config.demoDir,
    reset,
    onProgress: progress,
    loadXero: xero
      ? async (p) => {
          const ws = openWorkspace(p);
          try {
            await xero.connect(ws, {});
            await xero.sync(ws, { signal: new AbortController().signal, onProgress: (s) => progress(s.message, 0, 4) });
          } finally {
            ws.close();
          }
        }
      : undefined,
  });
  if (!created && xero) {
    // A kept demo from an earlier run: connect it to this run's sandbox (its tokens lived in memory).
    const ws = openWorkspace(path);
    try {
      await xero.connect(ws, {});
    } finally {
      ws.close();
    }
  }
  return ctx.session.open(path, { isDemo: true });
}
