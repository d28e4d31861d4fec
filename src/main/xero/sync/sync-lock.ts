// One sync per workspace at a time: a lock row in sync_state naming the process that holds it. A lock left by a
// process that has died (killed mid-sync) is taken over.
import { hostname } from 'node:os';
import { z } from 'zod';
import type { Workspace } from '../../db';
import { XeroError } from '../errors';

const LOCK_KEY = 'xero.sync.lock';
const Lock = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });
/** A lock from another machine (a workspace on a shared drive) older than this is taken as abandoned. */
const FOREIGN_LOCK_MS = 6 * 3_600_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws; returns the release function. */
export function takeSyncLock(ws: Workspace, nowIso: string, pid = process.pid, host = hostname()): () => void {
  ws.db
    .transaction(() => {
      const text = ws.syncState.get(LOCK_KEY);
      const held = text ? Lock.safeParse(JSON.parse(text)) : undefined;
      if (held?.success && held.data.pid !== pid) {
        const other = held.data;
        const busy = other.host === host ? alive(other.pid) : Date.parse(nowIso) - Date.parse(other.since) < FOREIGN_LOCK_MS;
        if (busy) {
          throw new XeroError(`A sync of this workspace is already running (process ${other.pid} on ${other.host}, since ${other.since}). Wait for it to finish, or stop it first.`);
        }
      }
      ws.syncState.set(LOCK_KEY, JSON.stringify({ pid, host, since: nowIso }));
    })
    .immediate();
  return () => {
    if (ws.db.open) ws.syncState.set(LOCK_KEY, '');
  };
}
