// Reading a call's body on the web host without ever holding more than the cap: a declared Content-Length is
// required (the renderer's fetch of a JSON string always sends one), checked before a byte is read, and the
// bytes are counted as they arrive in case the stream carries more than it declared.

export type BodyRead = { ok: true; text: string } | { ok: false; status: 400 | 411 | 413; message: string };

const tooLarge = (max: number): BodyRead => ({
  ok: false,
  status: 413,
  message: `The request is too large (over ${Math.floor(max / (1024 * 1024))} MB; files over 200 MB are refused).`,
});

export async function readCappedBody(req: Request, max: number): Promise<BodyRead> {
  const declared = req.headers.get('content-length');
  if (req.headers.has('transfer-encoding') || declared === null || !/^\d+$/.test(declared)) {
    return { ok: false, status: 411, message: 'The request must say its length (Content-Length); streamed bodies are refused.' };
  }
  if (Number(declared) > max) return tooLarge(max);
  if (!req.body) return { ok: true, text: '' };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      return { ok: false, status: 400, message: 'The request ended before its declared length (the connection was closed).' };
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return tooLarge(max);
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString('utf8') };
}
