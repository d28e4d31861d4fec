// A one-shot listener for the OAuth redirect on the registered http://localhost:PORT/callback: it checks `state`
// (a callback with another one is refused and the wait goes on), answers the browser with a small page, settles once,
// and gives up cleanly on timeout or abort.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XeroAuthError } from '../errors';
import { callbackPage, SUCCESS_PAGE } from './callback-page';

export interface CallbackListenerOptions {
  /** The registered redirect port; 0 picks a free one (only for sandboxes that accept any loopback port). */
  port: number;
  path: string;
  /** The `state` sent with the authorize request; a callback with any other value is refused and does not end the wait. */
  state: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface CallbackListener {
  /** http://localhost:PORT/path — what the authorize request must name as redirect_uri. */
  redirectUri: string;
  port: number;
  /** The authorization code, once the browser comes back (rejects on refusal, timeout or abort; never on a callback with a wrong state). */
  code: Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting at once; lets the answer in flight reach the browser, then drops whatever is left. */
const closeServer = (s: Server): Promise<void> =>
  new Promise((resolve) => {
    s.close(() => resolve());
    s.closeIdleConnections();
    setTimeout(() => s.closeAllConnections(), 500).unref();
  });

/** Starts listening on localhost (127.0.0.1 and, when the machine has it, ::1) before the browser is sent off. */
export async function startCallbackListener(o: CallbackListenerOptions): Promise<CallbackListener> {
  let settle: { resolve: (code: string) => void; reject: (e: unknown) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => {}); // the caller may close before awaiting
  let done = false;
  const finish = (outcome: { code: string } | { error: unknown }): void => {
    if (done) return;
    done = true;
    if ('code' in outcome) settle?.resolve(outcome.code);
    else settle?.reject(outcome.error);
    void close();
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, html: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(html);
    };
    if (req.method !== 'GET' || url.pathname !== o.path || done) {
      reply(404, callbackPage('Not found', 'This address only receives the answer from Xero.'));
      return;
    }
    const q = url.searchParams;
    if (q.get('state') !== o.state) {
      // Someone else's link (or a stale tab) must not end the sign-in the user is in the middle of.
      reply(
        400,
        callbackPage(
          'Sign-in link not recognised',
          'This sign-in link is not the one this app opened. Finish signing in from the window this app opened, or start again from the app.',
        ),
      );
      return;
    }
    const error = q.get('error');
    if (error) {
      const description = q.get('error_description');
      reply(
        400,
        callbackPage(
          'Not connected',
          `Xero did not grant access (${error}). Go back to Reconciler: it says what to do next. You can close this window.`,
        ),
      );
      const denied = error === 'access_denied';
      const message = denied
        ? 'Access to Xero was not granted (the consent was cancelled). Run connect again and choose "Allow access".'
        : `Xero refused the sign-in: ${error}${description ? ` (${description})` : ''}.`;
      finish({ error: new XeroAuthError(denied ? 'denied' : 'oauth', message, error, description ?? undefined) });
      return;
    }
    const value = q.get('code');
    if (!value) {
      reply(400, callbackPage('Sign-in incomplete', 'Xero sent no authorization code. Start again from Reconciler.'));
      finish({ error: new XeroAuthError('oauth', 'Xero redirected back without an authorization code. Run connect again.') });
      return;
    }
    reply(200, SUCCESS_PAGE);
    finish({ code: value });
  };

  const v4 = createServer(handle);
  let port: number;
  try {
    port = await listen(v4, o.port, '127.0.0.1');
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new XeroAuthError(
      'oauth',
      busy
        ? `Port ${o.port} is in use, so Xero's answer cannot be received. Close the program using it, or choose another registered redirect port.`
        : `Cannot listen on localhost:${o.port}: ${(e as Error).message}`,
    );
  }
  const servers = [v4];
  const v6 = createServer(handle);
  try {
    await listen(v6, port, '::1'); // browsers may resolve localhost to ::1
    servers.push(v6);
  } catch {
    /* no IPv6 loopback here, or the port is taken on it: 127.0.0.1 alone serves localhost */
  }

  const timeoutMs = o.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  const timer = setTimeout(() => {
    const minutes = Math.round((timeoutMs / 60_000) * 10) / 10;
    finish({
      error: new XeroAuthError('timeout', `No answer from the Xero sign-in within ${minutes} min; nothing was changed. Run connect again.`),
    });
  }, timeoutMs);
  const onAbort = (): void => finish({ error: o.signal?.reason });
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= (async () => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      if (!done) finish({ error: new XeroAuthError('timeout', 'The sign-in was stopped before Xero answered.') });
      await Promise.all(servers.map(closeServer));
    })();
    return closing;
  }

  return { redirectUri: `http://localhost:${port}${o.path}`, port, code, close };
}
