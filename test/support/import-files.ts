// Shared by the file-import integration tests: a temp folder for a test file's real files, and the ImportError a
// read rejects with.
import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { ImportError } from '../../src/main/cocoon/import-problems';

/** Call at the top level of a test file: the folder is removed after the file's tests; file() writes into it. */
export function tempFolder(prefix: string): { dir: string; file: (name: string, content: string | Uint8Array) => Promise<string> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, content: string | Uint8Array): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  return { dir, file };
}

/** The ImportError a promise rejects with (fails the test when it resolves or throws something else). */
export async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}
