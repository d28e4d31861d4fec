// The web host over real HTTP on 127.0.0.1: token, contract parsing, host check, static files and events.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app';
import { listenHost, type ListeningHost } from '../../src/main/host/listen';
import { memorySettings } from '../../src/main/settings-store';

let dir: string;
let app: App;
let host: ListeningHost;
const token = 'test-token-0123456789abcdef0123456789abcdef';
let base: string;

const call = (channel: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reconciler-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>renderer</title>');
  app = createApp({ host: 'web', dataDir: join(dir, 'data'), demoDir: resolve(import.meta.dirname, '../../demo'), settings: memorySettings(), validateOutput: true });
  host = await listenHost({ dispatch: app.dispatch, events: app.events, token, rendererDir: dir, pingMs: 60_000 });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web host', () => {
  it('prints an address on 127.0.0.1 with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('refuses calls without the token, or with a wrong one (401)', async () => {
    const none = await call('app.info', {}, {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await call('app.info', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await call('app.info', {}, { authorization: token })).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/api/events?token=wrong`)).status).toBe(401);
  });

  it('answers a good call', async () => {
    const res = await call('app.info', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'web', features: { demo: true } } });
  });

  it('refuses bad bodies with 400 and the zod message', async () => {
    const notJson = await call('decisions.apply', '{oops');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'bad_input', message: 'The request body is not JSON.' } });
    const bad = await call('decisions.apply', { accountCode: 'C1', action: 'drop_table' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/decisions\.apply: .*Invalid option.*\n.*→ at action/s);
    const missing = await call('findings.detail', {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('accountCode');
    expect((await call('findings.list', { extra: 1 })).status).toBe(400);
    expect((await call('decisions.bulkApply', { accountCodes: [] })).status).toBe(400);
  });

  it('says 404 for unknown channels and 409 when no workspace is open', async () => {
    expect((await call('system.exec', {})).status).toBe(404);
    const res = await call('findings.list', {});
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'no_workspace' } });
  });

  it('serves the renderer with a strict Content-Security-Policy, only to loopback host names', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>renderer</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('streams events as server-sent events', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/events?token=${token}`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += decoder.decode(value);
      }
    };
    await until('event: ready');
    const opened = await call('workspace.open', { path: join(dir, 'data', 'sse.reconciler'), create: true });
    expect(opened.status).toBe(200);
    await until('event: workspace.changed');
    expect(text).toMatch(/event: workspace\.changed\ndata: \{"reason":"opened","workspace":\{"path":"[^"]*sse\.reconciler"/);
    abort.abort();
  });
});
