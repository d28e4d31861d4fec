// Opens the workspace a command names, runs the command on it, and always closes it.
import { existsSync } from 'node:fs';
import { openWorkspace, type Workspace } from '../main/db';
import { readBinding } from '../main/xero/binding';
import { XERO_PRODUCTION_URL } from '../main/xero/endpoints';
import { note } from './progress';

/** `create`: a missing workspace is created (and the user told so); otherwise a missing one is an error. */
export async function withWorkspace<T>(path: string, create: boolean, fn: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const isNew = create && !existsSync(path);
  const ws = openWorkspace(path, { create });
  if (isNew) note(`created workspace ${path}`);
  const binding = readBinding(ws);
  // Said every time: a workspace that talks to something other than Xero must never pass for a real one.
  if (binding && binding.baseUrl !== XERO_PRODUCTION_URL)
    note(`note: this workspace's Xero address is ${binding.baseUrl}, not Xero itself`);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
