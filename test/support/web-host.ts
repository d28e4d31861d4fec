// Shared by the *web-host integration tests: the app behind the web host on 127.0.0.1 (real HTTP, the renderer's
// index.html and the app's data in a temp folder), started before a test file's tests and stopped after them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/main/app/app';
import { listenHost, type ListeningHost } from '../../src/main/host/listen';
import { memorySettings } from '../../src/main/app/settings-store';

export const token = 'test-token-0123456789abcdef0123456789abcdef';

/** A channel's answer: the HTTP status and the parsed body. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string; problems?: unknown[] } };
}

export interface WebHost {
  /** The temp folder: the renderer's index.html, the app's data under data/. */
  dir: string;
  app: App;
  host: ListeningHost;
  /** http://127.0.0.1:<port> */
  base: string;
  /** POSTs to a channel (a string body is sent as it is), with the token unless other headers are given. */
  post(channel: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  call<T = Record<string, unknown>>(channel: string, body: unknown): Promise<Reply<T>>;
  /** The channel's value; throws with the status and the message when it answers an error. */
  value<T = Record<string, unknown>>(channel: string, body: unknown): Promise<T>;
}

/** Call at the top level of a test file; dir, app, host and base are set once the file's tests start. */
export function useWebHost(): WebHost {
  const post: WebHost['post'] = (channel, body, headers = { authorization: `Bearer ${token}` }) =>
    fetch(`${web.base}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const call = async <T>(channel: string, body: unknown): Promise<Reply<T>> => {
    const res = await post(channel, body);
    return { status: res.status, body: (await res.json()) as Reply<T>['body'] };
  };
  const value = async <T>(channel: string, body: unknown): Promise<T> => {
    const r = await call<T>(channel, body);
    if (!r.body.ok) throw new Error(`${channel} → ${r.status}: ${r.body.error.message}`);
    return r.body.value;
  };
  const web = { post, call, value } as WebHost;

  beforeAll(async () => {
    web.dir = mkdtempSync(join(tmpdir(), 'reconciler-host-'));
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>renderer</title>');
    web.app = createApp({
      host: 'web',
      dataDir: join(web.dir, 'data'),
      demoDir: resolve(import.meta.dirname, '../../demo'),
      settings: memorySettings(),
      validateOutput: true,
    });
    web.host = await listenHost({ dispatch: web.app.dispatch, events: web.app.events, token, rendererDir: web.dir, pingMs: 60_000 });
    web.base = `http://127.0.0.1:${web.host.port}`;
  }, 120_000);

  afterAll(async () => {
    await web.host.close();
    await web.app.close();
    rmSync(web.dir, { recursive: true, force: true });
  });

  return web;
}
