// Idempotency-Keys and the push lock. A key is derived from the workspace's salt, the corrections in the request
// with their attempt numbers, and the exact body: the same attempt always has the same key (it is recorded before
// the request is sent, and re-used when an interrupted request is sent again), a new attempt never re-uses one.
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Workspace } from '../db';
import { takeWorkspaceLock, type LockHolder } from '../db/workspace-lock';
import { XeroError } from '../xero/errors';
import type { Json } from './model';

const SALT_KEY = 'outbox.salt';
const LOCK_KEY = 'outbox.push.lock';
/** Xero allows up to 128 characters. */
export const MAX_KEY_LENGTH = 128;

/** A random id per workspace, so two workspaces of one organisation never share keys. */
export function outboxSalt(ws: Workspace): string {
  const have = ws.syncState.get(SALT_KEY);
  if (have) return have;
  const salt = randomBytes(6).toString('hex');
  ws.syncState.set(SALT_KEY, salt);
  return salt;
}

export function idempotencyKey(salt: string, items: readonly { id: number; attempt: number }[], body: readonly Json[]): string {
  const digest = createHash('sha256').update(JSON.stringify({ items, body })).digest('hex');
  const key = `rcx-${salt}-${items[0]?.id ?? 0}-${digest.slice(0, 48)}`;
  if (key.length > MAX_KEY_LENGTH) throw new Error(`idempotency key too long: ${key.length}`);
  return key;
}

/** One push (or undo) per workspace at a time; a lock left by a process that died is taken over. */
export function takePushLock(ws: Workspace, nowIso: string, pid = process.pid, host = hostname()): () => void {
  const busy = (other: LockHolder) =>
    new XeroError(
      `A push of this workspace is already running (process ${other.pid} on ${other.host}, since ${other.since}). Wait for it to finish.`,
    );
  return takeWorkspaceLock(ws, LOCK_KEY, busy, nowIso, pid, host);
}
