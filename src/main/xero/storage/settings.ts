// User settings for the Xero connection (client id, redirect port, Xero base URL) in settings.json beside the
// tokens. The Electron app will keep them in electron-store behind the same two functions.
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_REDIRECT_PORT, DEV_CLIENT_ID, XERO_PRODUCTION_URL } from '../endpoints';
import { readJsonFile, writePrivateJson } from './private-file';

export const SETTINGS_FILE = 'settings.json';

export const XeroSettings = z.object({
  /** The Xero app's client id (a PKCE app has no secret). */
  clientId: z.string().min(1).default(DEV_CLIENT_ID),
  /** The port of the registered redirect URI http://localhost:PORT/callback. */
  redirectPort: z.number().int().min(0).max(65535).default(DEFAULT_REDIRECT_PORT),
  /** Xero itself, or a sandbox such as http://127.0.0.1:4010. */
  xeroBaseUrl: z.string().min(1).default(XERO_PRODUCTION_URL),
});
export type XeroSettings = z.infer<typeof XeroSettings>;

export async function loadSettings(dir: string): Promise<XeroSettings> {
  const path = join(dir, SETTINGS_FILE);
  const parsed = XeroSettings.safeParse((await readJsonFile(path)) ?? {});
  if (!parsed.success)
    throw new Error(`${path} has invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export async function saveSettings(dir: string, changes: Partial<XeroSettings>): Promise<XeroSettings> {
  const next = XeroSettings.parse({ ...(await loadSettings(dir)), ...changes });
  await writePrivateJson(join(dir, SETTINGS_FILE), next);
  return next;
}
