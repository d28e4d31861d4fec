// What the app remembers between runs: window bounds and recent workspaces. Electron keeps it in electron-store
// (src/main/electron/electron-settings.ts); the web host in a JSON file; tests in memory.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export interface SettingsStore {
  recentWorkspaces(): string[];
  rememberWorkspace(path: string): void;
  windowBounds(): WindowBounds | undefined;
  saveWindowBounds(bounds: WindowBounds): void;
}

export const MAX_RECENT = 8;

export const SettingsData = z.object({
  recent: z.array(z.string()).default([]),
  bounds: z
    .object({
      width: z.number().int().min(200),
      height: z.number().int().min(200),
      x: z.number().int().optional(),
      y: z.number().int().optional(),
    })
    .optional(),
});
export type SettingsData = z.infer<typeof SettingsData>;

/** Newest first, no repeats, at most MAX_RECENT. */
export function withRecent(recent: readonly string[], path: string): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, MAX_RECENT);
}

/** A store over get/set of the whole data (electron-store, a file, memory). */
export function settingsOver(read: () => SettingsData, write: (data: SettingsData) => void): SettingsStore {
  return {
    recentWorkspaces: () => read().recent,
    rememberWorkspace: (path) => write({ ...read(), recent: withRecent(read().recent, path) }),
    windowBounds: () => read().bounds,
    saveWindowBounds: (bounds) => write({ ...read(), bounds }),
  };
}

export function memorySettings(initial: Partial<SettingsData> = {}): SettingsStore {
  let data = SettingsData.parse(initial);
  return settingsOver(
    () => data,
    (d) => {
      data = d;
    },
  );
}

/** A JSON file (the web host's settings), readable by the user only (0600); an unreadable file counts as empty. */
export function fileSettings(path: string): SettingsStore {
  const read = (): SettingsData => {
    try {
      return SettingsData.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return SettingsData.parse({});
    }
  };
  return settingsOver(read, (data) => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    chmodSync(tmp, 0o600); // whatever the umask, and if an old .tmp was left behind
    renameSync(tmp, path);
  });
}
