// workspace.recent through createApp(): each remembered workspace read from its file without writing to it (name,
// organisation, when Xero was last read, how many accounts fail), and a moved or foreign file listed with why.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { RecentWorkspace } from '../../src/shared/review';
import { createApp } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { importCocoonFile, importXeroContactsFile } from '../../src/main/imports/import-files';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { memorySettings } from '../../src/main/app/settings-store';

const DEMO = resolve(import.meta.dirname, '../../demo');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('workspace.recent', () => {
  it('describes each remembered workspace, newest first, and says why one cannot be opened', async () => {
    dir = mkdtempSync(join(tmpdir(), 'reconciler-recent-'));
    const full = join(dir, 'Harbour Freight.reconciler');
    const half = join(dir, 'Only CocoonOPS.reconciler');
    let ws = openWorkspace(full, { create: true });
    await importCocoonFile(ws, join(DEMO, 'cocoon.csv'));
    await importXeroContactsFile(ws, join(DEMO, 'xero-contacts.json'));
    recomputeFindings(ws);
    ws.close();
    ws = openWorkspace(half, { create: true });
    await importCocoonFile(ws, join(DEMO, 'cocoon.csv'));
    ws.close();
    const notOurs = join(dir, 'notes.reconciler');
    writeFileSync(notOurs, 'hello');
    const modified = statSync(full).mtimeMs;

    const settings = memorySettings({ recent: [full, half, join(dir, 'moved.reconciler'), notOurs] });
    const app = createApp({ host: 'web', dataDir: dir, demoDir: DEMO, settings, validateOutput: true, demoSync: false });
    try {
      const r = (await app.dispatch('workspace.recent', {})) as Envelope<RecentWorkspace[]>;
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.map((w) => w.name)).toEqual(['Harbour Freight', 'Only CocoonOPS', 'moved', 'notes']);
      expect(r.value[0]).toMatchObject({
        path: full,
        organisation: null,
        xeroReadBy: 'file',
        xeroReadAt: expect.any(String),
        accounts: 829,
        failing: 344,
        problem: null,
      });
      expect(r.value[1]).toMatchObject({
        organisation: null,
        xeroReadAt: null,
        xeroReadBy: null,
        accounts: 829,
        failing: null,
        problem: null,
      });
      expect(r.value[2]).toMatchObject({ problem: 'Not found: moved, renamed or deleted' });
      expect(r.value[3]!.problem).toContain('not a Reconciler workspace');
      expect(statSync(full).mtimeMs).toBe(modified); // read, never written
    } finally {
      await app.close();
    }
  });
});
