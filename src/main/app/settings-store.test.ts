import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSettings, MAX_RECENT, memorySettings, withRecent } from './settings-store';

describe('settings', () => {
  it('keeps recent workspaces newest first, without repeats, at most MAX_RECENT', () => {
    let recent: string[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i++) recent = withRecent(recent, `/w${i}`);
    recent = withRecent(recent, '/w5');
    expect(recent[0]).toBe('/w5');
    expect(recent).toHaveLength(MAX_RECENT);
    expect(new Set(recent).size).toBe(recent.length);
  });

  it('remembers bounds and workspaces in a file, and treats a broken file as empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reconciler-settings-'));
    try {
      const path = join(dir, 'sub', 'settings.json');
      const a = fileSettings(path);
      a.rememberWorkspace('/books.reconciler');
      a.saveWindowBounds({ width: 1400, height: 900, x: 5, y: 6 });
      const b = fileSettings(path);
      expect(b.recentWorkspaces()).toEqual(['/books.reconciler']);
      expect(b.windowBounds()).toEqual({ width: 1400, height: 900, x: 5, y: 6 });
      writeFileSync(path, '{not json');
      expect(fileSettings(path).recentWorkspaces()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the settings file readable by the user only (0600), whatever the umask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reconciler-settings-'));
    const umask = process.umask(0);
    try {
      const path = join(dir, 'settings.json');
      fileSettings(path).rememberWorkspace('/books.reconciler');
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(umask);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has an in-memory store for tests', () => {
    const s = memorySettings();
    s.rememberWorkspace('/a');
    expect(s.recentWorkspaces()).toEqual(['/a']);
    expect(s.windowBounds()).toBeUndefined();
  });
});
