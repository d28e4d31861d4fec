import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectFile } from './file-check';
import { APPLICATION_ID, SQLITE_MAGIC } from './format';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reconciler-fc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const header = (appId: number): Buffer => {
  const bytes = Buffer.alloc(4096);
  SQLITE_MAGIC.copy(bytes);
  bytes.writeInt32BE(appId, 68);
  return bytes;
};

describe('inspectFile', () => {
  it('reports a missing file', () => {
    expect(inspectFile(join(dir, 'nope'))).toEqual({ exists: false });
  });

  it('accepts a SQLite header with our application id', () => {
    const path = join(dir, 'ours');
    writeFileSync(path, header(APPLICATION_ID));
    expect(inspectFile(path)).toEqual({ exists: true, headerApplicationId: APPLICATION_ID });
  });

  it.each([
    ['empty', Buffer.alloc(0), 'not_workspace'],
    ['text', Buffer.from('hello'), 'not_sqlite'],
    ['magic only', SQLITE_MAGIC, 'not_sqlite'],
    ['other application', header(42), 'not_workspace'],
  ])('refuses %s', (_label, bytes, code) => {
    const path = join(dir, 'f');
    writeFileSync(path, bytes);
    expect(() => inspectFile(path)).toThrow(expect.objectContaining({ code }));
  });

  it('leaves the application id to SQLite when a -wal file exists (the header may be stale)', () => {
    const path = join(dir, 'f');
    writeFileSync(path, header(0));
    writeFileSync(`${path}-wal`, '');
    expect(inspectFile(path)).toEqual({ exists: true, headerApplicationId: 0 });
  });
});
