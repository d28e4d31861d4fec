// SecretStore in a private JSON file under the user's config folder: for the CLI and the web host, where no
// OS keychain is available. Values are never logged; errors name the file, not its content.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, serialised, writePrivateJson } from './private-file';
import type { SecretStore } from './secret-store';

export const TOKENS_FILE = 'tokens.json';
export const FILE_STORE_WARNING = 'tokens are stored in a file only you can read; no OS keychain is available here';

const FileShape = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/** How values are sealed in the file (Electron's safeStorage in the app); plain text otherwise. */
export interface SecretCodec {
  seal(value: string): string;
  open(sealed: string): string;
}

export interface FileSecretStoreOptions {
  /** The config folder (see resolveConfigDir). */
  dir: string;
  /** Defaults to tokens.json. */
  fileName?: string;
  codec?: SecretCodec;
  /** Called once, when the tokens file is first created. */
  onWarning?: (message: string) => void;
}

export function createFileSecretStore(o: FileSecretStoreOptions): SecretStore & { path: string } {
  const path = join(o.dir, o.fileName ?? TOKENS_FILE);
  const codec = o.codec;
  const exclusive = serialised();

  async function load(): Promise<Record<string, string>> {
    const json = await readJsonFile(path);
    if (json === undefined) return {};
    const parsed = FileShape.safeParse(json);
    if (!parsed.success) throw new Error(`${path} is not a Reconciler tokens file; delete it and connect to Xero again.`);
    return parsed.data.secrets;
  }

  async function update(change: (secrets: Record<string, string>) => void): Promise<void> {
    await exclusive(async () => {
      const isNew = !existsSync(path);
      const secrets = await load();
      change(secrets);
      await writePrivateJson(path, { version: 1, secrets });
      if (isNew) o.onWarning?.(FILE_STORE_WARNING);
    });
  }

  return {
    path,
    get: async (key) => {
      const stored = (await load())[key];
      return stored === undefined || !codec ? stored : codec.open(stored);
    },
    set: (key, value) => update((s) => void (s[key] = codec ? codec.seal(value) : value)),
    delete: (key) => update((s) => void delete s[key]),
  };
}
