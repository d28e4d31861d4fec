// Opens the workspace a command names, runs the command on it, and always closes it.
import { existsSync } from 'node:fs';
import { openWorkspace, type Workspace } from '../main/db';
import { note } from './progress';

/** `create`: a missing workspace is created (and the user told so); otherwise a missing one is an error. */
export async function withWorkspace<T>(path: string, create: boolean, fn: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const isNew = create && !existsSync(path);
  const ws = openWorkspace(path, { create });
  if (isNew) note(`created workspace ${path}`);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
