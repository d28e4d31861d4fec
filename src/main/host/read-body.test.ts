// readCappedBody: the length rules, and the count of the bytes that actually arrive.
import { describe, expect, it } from 'vitest';
import { readCappedBody } from './read-body';

const req = (body: string | null, headers: Record<string, string>): Request =>
  new Request('http://127.0.0.1/api/app.info', {
    method: 'POST',
    body,
    headers,
    ...(body === null ? {} : { duplex: 'half' }),
  } as RequestInit);

describe('readCappedBody', () => {
  it('reads a body of its declared length', async () => {
    expect(await readCappedBody(req('{"a":1}', { 'content-length': '7' }), 10)).toEqual({ ok: true, text: '{"a":1}' });
    expect(await readCappedBody(req(null, { 'content-length': '0' }), 10)).toEqual({ ok: true, text: '' });
  });

  it('wants a plain Content-Length (411)', async () => {
    expect(await readCappedBody(req('{}', {}), 10)).toMatchObject({ ok: false, status: 411 });
    expect(await readCappedBody(req('{}', { 'content-length': '2', 'transfer-encoding': 'chunked' }), 10)).toMatchObject({
      ok: false,
      status: 411,
    });
    expect(await readCappedBody(req('{}', { 'content-length': '-2' }), 10)).toMatchObject({ ok: false, status: 411 });
  });

  it('refuses over the cap, declared or counted (413)', async () => {
    expect(await readCappedBody(req('{}', { 'content-length': '11' }), 10)).toMatchObject({ ok: false, status: 413 });
    expect(await readCappedBody(req('x'.repeat(11), { 'content-length': '3' }), 10)).toMatchObject({ ok: false, status: 413 });
  });
});
