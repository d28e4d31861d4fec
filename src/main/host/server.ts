// The loopback web host: the renderer's files, the contract over HTTP (POST /api/:channel), and the events as
// server-sent events (GET /api/events). Every /api call needs the per-run token; every request a loopback Host.
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ApiErrorCode, Envelope } from '../../shared/api-client';
import { isChannel } from '../../shared/channels';
import type { AppEvents } from '../app/events';
import type { Dispatch } from '../app/dispatch';
import { statusFor } from './http-status';
import { readCappedBody } from './read-body';
import { bearerOf, hostAllowed, SECURITY_HEADERS, tokenMatches } from './security';

export interface HostOptions {
  dispatch: Dispatch;
  events: AppEvents;
  token: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The port actually listened on (known after listen), for the Host check. */
  port: () => number;
  /** Keep-alive comment interval on the event stream. */
  pingMs?: number;
}

/** Uploads travel as base64 inside JSON: 200 MB files, plus a third (the contract's 280,000,000 characters), plus the JSON around them. */
export const MAX_BODY_BYTES = 280 * 1024 * 1024;

/** An error envelope; a refusal before the body was read also closes the connection, so nobody waits on the unread rest. */
const fail = (c: Context, code: ApiErrorCode, message: string, status?: 400 | 411 | 413) => {
  if (status !== undefined || code === 'unauthorized' || code === 'unknown_channel') c.header('Connection', 'close');
  return c.json({ ok: false, error: { code, message } } satisfies Envelope<never>, status ?? statusFor(code));
};

export function createHostApp(o: HostOptions): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (!hostAllowed(c.req.header('host'), o.port())) return c.text('Unknown host: open the address the app printed.', 421);
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });

  app.get('/api/events', (c) => {
    if (!tokenMatches(o.token, c.req.query('token')))
      return fail(c, 'unauthorized', 'A valid token is required: open the address the app printed.');
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      let open = true;
      const queue: { event: string; data: string }[] = [];
      let wake: (() => void) | null = null;
      const off = o.events.onAny((event, payload) => {
        queue.push({ event, data: JSON.stringify(payload) });
        wake?.();
      });
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      const ping = setInterval(() => {
        queue.push({ event: 'ping', data: '{}' });
        wake?.();
      }, o.pingMs ?? 15_000);
      try {
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (open) {
          const next = queue.shift();
          if (next) await stream.writeSSE(next);
          else await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      } finally {
        clearInterval(ping);
        off();
      }
    });
  });

  app.post('/api/:channel', async (c) => {
    if (!tokenMatches(o.token, bearerOf(c.req.header('authorization')))) {
      return fail(c, 'unauthorized', 'A valid token is required (Authorization: Bearer <token>): open the address the app printed.');
    }
    const channel = c.req.param('channel');
    if (!isChannel(channel)) return fail(c, 'unknown_channel', `No such call: ${channel.slice(0, 80)}`);
    const read = await readCappedBody(c.req.raw, MAX_BODY_BYTES);
    if (!read.ok) return fail(c, 'bad_input', read.message, read.status);
    let body: unknown = {};
    if (read.text.trim() !== '') {
      try {
        body = JSON.parse(read.text);
      } catch {
        return fail(c, 'bad_input', 'The request body is not JSON.');
      }
    }
    const envelope = await o.dispatch(channel, body);
    c.header('Cache-Control', 'no-store');
    return c.json(envelope, envelope.ok ? 200 : statusFor(envelope.error.code));
  });
  app.all('/api/*', (c) => c.json({ ok: false, error: { code: 'unknown_channel', message: 'Calls are POST /api/<channel>.' } }, 404));

  app.use('/*', serveStatic({ root: o.rendererDir }));
  app.get('/', serveStatic({ root: o.rendererDir, path: 'index.html' }));
  return app;
}
