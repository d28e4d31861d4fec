// The web host over real HTTP on 127.0.0.1: token, contract parsing, host check, static files and events.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { token, useWebHost } from '../support/web-host';

const web = useWebHost();
const { post } = web;

describe('web host', () => {
  it('prints an address on 127.0.0.1 with the token', () => {
    expect(web.host.url).toBe(`http://127.0.0.1:${web.host.port}/?token=${token}`);
  });

  it('refuses calls without the token, or with a wrong one (401)', async () => {
    const none = await post('app.info', {}, {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await post('app.info', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await post('app.info', {}, { authorization: token })).status).toBe(401);
    expect((await fetch(`${web.base}/api/events`)).status).toBe(401);
    expect((await fetch(`${web.base}/api/events?token=wrong`)).status).toBe(401);
  });

  it('answers a good call', async () => {
    const res = await post('app.info', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'web', features: { demo: true } } });
  });

  it('refuses bad bodies with 400 and the zod message', async () => {
    const notJson = await post('decisions.apply', '{oops');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'bad_input', message: 'The request body is not JSON.' } });
    const bad = await post('decisions.apply', { accountCode: 'C1', action: 'drop_table' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/decisions\.apply: .*Invalid option.*\n.*→ at action/s);
    const missing = await post('findings.detail', {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('accountCode');
    expect((await post('findings.list', { extra: 1 })).status).toBe(400);
    expect((await post('decisions.bulkApply', { accountCodes: [] })).status).toBe(400);
  });

  it('says 404 for unknown channels and 409 when no workspace is open', async () => {
    expect((await post('system.exec', {})).status).toBe(404);
    const res = await post('findings.list', {});
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'no_workspace' } });
  });

  it('serves the renderer with a strict Content-Security-Policy, only to loopback host names', async () => {
    const page = await fetch(`${web.base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>renderer</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: web.host.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => {
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
    const res = await fetch(`${web.base}/api/events?token=${token}`, { signal: abort.signal });
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
    const opened = await post('workspace.open', { path: join(web.dir, 'data', 'sse.reconciler'), create: true });
    expect(opened.status).toBe(200);
    await until('event: workspace.changed');
    expect(text).toMatch(/event: workspace\.changed\ndata: \{"reason":"opened","workspace":\{"path":"[^"]*sse\.reconciler"/);
    abort.abort();
  });
});
