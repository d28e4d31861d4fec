// The web host refuses bodies it should not read, before reading them: unknown channels (404), streamed bodies
// without a Content-Length (411), declared lengths over the cap (413), all as JSON envelopes over raw HTTP, and it
// keeps answering afterwards.
import { request, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/main/host/server';
import { token, useWebHost } from '../support/web-host';

const web = useWebHost();

interface RawReply {
  status: number;
  connection: string | undefined;
  body: { ok: boolean; error?: { code: string; message: string } };
}

/**
 * POSTs over a raw connection; `send` writes what it likes (the request is never ended unless it ends it), and the
 * reply is taken as soon as it arrives, so a host that waited for the rest of the body would time the test out.
 */
function rawPost(channel: string, headers: Record<string, string | number>, send: (req: ClientRequest) => void): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: web.host.port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          req.destroy();
          try {
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) as RawReply['body'] });
          } catch (e) {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)} ${String(e)}`));
          }
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e); // the host may close while we still write
    });
    send(req);
  });
}

/** Keeps writing 1 MB chunks (never ending) until the reply or the connection closes the request. */
function keepWriting(req: ClientRequest): void {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const pump = (): void => {
    while (!req.destroyed && req.write(chunk));
    if (!req.destroyed) req.once('drain', pump);
  };
  req.on('socket', pump);
}

const stillAnswers = async (): Promise<void> => {
  const r = await web.call('app.info', {});
  expect(r.status).toBe(200);
  expect(r.body.ok).toBe(true);
};

describe('web host request bodies', () => {
  it('answers an unknown channel 404 without reading the body, even a huge or streamed one', async () => {
    const streamed = await rawPost('system.exec', { 'transfer-encoding': 'chunked' }, keepWriting);
    expect(streamed).toMatchObject({
      status: 404,
      connection: 'close',
      body: { ok: false, error: { code: 'unknown_channel', message: 'No such call: system.exec' } },
    });
    const huge = await rawPost('system.exec', { 'content-length': 10 * MAX_BODY_BYTES }, keepWriting);
    expect(huge).toMatchObject({ status: 404, body: { ok: false, error: { code: 'unknown_channel' } } });
    await stillAnswers();
  });

  it('answers a streamed (chunked) body 411 before reading it', async () => {
    const r = await rawPost('app.info', { 'transfer-encoding': 'chunked' }, keepWriting);
    expect(r).toMatchObject({ status: 411, connection: 'close', body: { ok: false, error: { code: 'bad_input' } } });
    expect(r.body.error!.message).toBe('The request must say its length (Content-Length); streamed bodies are refused.');
    const small = await rawPost('app.info', { 'transfer-encoding': 'chunked' }, (req) => req.end('{}'));
    expect(small.status).toBe(411);
    await stillAnswers();
  });

  it('answers a declared length over the cap 413 before reading it, whatever the client goes on sending', async () => {
    const r = await rawPost('imports.cocoon', { 'content-length': MAX_BODY_BYTES + 1 }, keepWriting);
    expect(r).toMatchObject({ status: 413, connection: 'close', body: { ok: false, error: { code: 'bad_input' } } });
    expect(r.body.error!.message).toBe('The request is too large (over 280 MB; files over 200 MB are refused).');
    await stillAnswers();
  });

  it('survives a client that declares more than it sends and hangs up, and one that sends more than it declares', async () => {
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: web.host.port,
        method: 'POST',
        path: '/api/app.info',
        headers: { authorization: `Bearer ${token}`, 'content-length': 1000 },
      });
      req.on('error', () => resolve());
      req.write('{"a":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    await stillAnswers();
    // Only the declared bytes are the body; Node's parser takes the rest for a broken next request and closes.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(web.host.port, '127.0.0.1', () => {
        socket.end(
          `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${web.host.port}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 2\r\n\r\n{}${'x'.repeat(1 << 20)}`,
        );
      });
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (d: string) => (text += d));
      socket.on('close', () => resolve(text));
      socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 (200|400) /);
    await stillAnswers();
  });
});
