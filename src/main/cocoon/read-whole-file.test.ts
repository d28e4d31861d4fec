import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWholeFile } from './read-whole-file';

describe('readWholeFile', () => {
  it('reads every byte of a file, large or empty, and fails for a missing one as readFile does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-whole-'));
    const bytes = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 31) % 256));
    writeFileSync(join(dir, 'big.bin'), bytes);
    writeFileSync(join(dir, 'empty.bin'), '');
    expect((await readWholeFile(join(dir, 'big.bin'))).equals(bytes)).toBe(true);
    expect(await readWholeFile(join(dir, 'empty.bin'))).toHaveLength(0);
    await expect(readWholeFile(join(dir, 'missing.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
