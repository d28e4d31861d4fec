// One sync per workspace at a time: a lock row in sync_state naming the process that holds it. A lock left by a
// process that has died (killed mid-sync) is taken over.
import { hostname } from 'node:os';
import type { Workspace } from '../../db';
import { takeWorkspaceLock, type LockHolder } from '../../db/workspace-lock';
import { XeroError } from '../errors';

const LOCK_KEY = 'xero.sync.lock';
/** Takes the lock or throws; returns the release function. */
export function takeSyncLock(ws: Workspace, nowIso: string, pid = process.pid, host = hostname()): () => void {
  const busy = (other: LockHolder) =>
    new XeroError(
      `A sync of this workspace is already running (process ${other.pid} on ${other.host}, since ${other.since}). Wait for it to finish, or stop it first.`,
    );
  return takeWorkspaceLock(ws, LOCK_KEY, busy, nowIso, pid, host);
}
