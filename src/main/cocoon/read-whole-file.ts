// Reads a file in one read call on the I/O thread. fs.promises.readFile reads half a megabyte at a time, and
// each next read waits for this thread: while it parses one file (the billing accounts), another being read
// beside it (30 MB of Xero contacts) stops, then trickles in afterwards.
import { open } from 'node:fs/promises';

export async function readWholeFile(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let length = 0;
    // A file that grows while it is read is read as far as its size was; one that shrinks, as far as it goes.
    while (length < size) {
      const { bytesRead } = await handle.read(bytes, length, size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return bytes.subarray(0, length);
  } finally {
    await handle.close();
  }
}
