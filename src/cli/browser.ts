// How `reconciler connect` shows Xero's consent page: a sandbox that approves at once is answered without a
// browser (the redirect goes straight to our listener); otherwise the URL is printed and the system browser opened.
import { spawn } from 'node:child_process';
import type { OpenBrowser } from '../main/xero/auth/sign-in';
import { isProduction } from '../main/xero/endpoints';
import { note } from './progress';

function launch(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no such command: the printed URL is enough
    child.unref();
  } catch {
    /* the printed URL is enough */
  }
}

export function cliOpenBrowser(o: { baseUrl: string; browser: boolean }): OpenBrowser {
  return async (url, redirectUri) => {
    if (!isProduction(o.baseUrl)) {
      try {
        const res = await fetch(url, { redirect: 'manual' });
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (res.status >= 300 && res.status < 400 && location?.startsWith(redirectUri)) {
          await (await fetch(location)).text();
          return;
        }
      } catch {
        /* fall back to the browser */
      }
    }
    note(`Sign in to Xero in your browser. If it does not open, visit:\n  ${url}`);
    if (o.browser) launch(url);
  };
}

/** A Ctrl-C handler for the duration of `fn`: the first aborts the signal, a second one exits at once. */
export async function withInterrupt<T>(what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let count = 0;
  const onSigint = (): void => {
    count++;
    if (count > 1) process.exit(130);
    note(`${what} (press Ctrl-C again to stop at once)`);
    const e = new Error('cancelled with Ctrl-C');
    e.name = 'CancelledError';
    controller.abort(e);
  };
  process.on('SIGINT', onSigint);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
