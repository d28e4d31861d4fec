// One long job of a kind (a sync, a push) per workspace at a time: a lock row in sync_state naming the process
// that holds it. A lock left by a process that died (killed mid-job) is taken over; one from another machine
// (a workspace on a shared drive) is taken as abandoned after six hours.
import { hostname } from 'node:os';
import { z } from 'zod';
import type { Workspace } from './';

const Lock = z.object({ pid: z.number().int(), host: z.string(), since: z.string() });
export type LockHolder = z.infer<typeof Lock>;
const FOREIGN_LOCK_MS = 6 * 3_600_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock `key` or throws `busy(holder)`; returns the release function. */
export function takeWorkspaceLock(
  ws: Workspace,
  key: string,
  busy: (holder: LockHolder) => Error,
  nowIso: string,
  pid = process.pid,
  host = hostname(),
): () => void {
  ws.db
    .transaction(() => {
      const text = ws.syncState.get(key);
      const held = text ? Lock.safeParse(JSON.parse(text)) : undefined;
      if (held?.success && held.data.pid !== pid) {
        const other = held.data;
        const running = other.host === host ? alive(other.pid) : Date.parse(nowIso) - Date.parse(other.since) < FOREIGN_LOCK_MS;
        if (running) throw busy(other);
      }
      ws.syncState.set(key, JSON.stringify({ pid, host, since: nowIso }));
    })
    .immediate();
  return () => {
    if (ws.db.open) ws.syncState.set(key, '');
  };
}
