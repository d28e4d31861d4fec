// Small key/value facts about the workspace, e.g. the last complete sync time per Xero entity.
import type { Db } from './common';

export function createSyncStateRepo(db: Db) {
  const read = db.prepare<[string], string>('SELECT value FROM sync_state WHERE key = ?').pluck();
  const write = db.prepare<[string, string]>(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    get(key: string): string | undefined {
      return read.get(key);
    },
    set(key: string, value: string): void {
      write.run(key, value);
    },
  };
}

export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
