// The app's recompute in a worker thread: the same findings as on the main thread, progress on the way, and a
// cancel (or a newer run) that leaves the stored findings exactly as they were.
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import { importCocoonFile, importXeroContactsFile } from '../../src/main/imports/import-files';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { BackgroundRecompute, RecomputeCancelledError } from '../../src/main/threads/recompute-thread';
import { useTempDir } from './workspace-helpers';

const tmp = useTempDir();

async function demoWorkspace() {
  const path = tmp.file('demo.reconciler');
  const ws = openWorkspace(path, { create: true });
  await importCocoonFile(ws, 'demo/cocoon.csv');
  await importXeroContactsFile(ws, 'demo/xero-contacts.json');
  return { path, ws };
}

describe('recompute in a worker thread', () => {
  it('stores the findings the main thread would, reporting progress', async () => {
    const { path, ws } = await demoWorkspace();
    const expected = recomputeFindings(ws);
    const findings = ws.findings.list();
    const progress: [number, number][] = [];
    const summary = await new BackgroundRecompute().run(path, (done, total) => progress.push([done, total]));
    expect(summary).toMatchObject({ accounts: expected.accounts, contacts: expected.contacts, counts: expected.counts, waitingFor: null });
    expect(summary.computedAt > expected.computedAt).toBe(true);
    expect(ws.findings.computedAt()).toBe(summary.computedAt);
    expect(ws.findings.list()).toEqual(findings);
    expect(progress[0]).toEqual([0, expected.accounts]);
    expect(progress.at(-1)).toEqual([expected.accounts, expected.accounts]);
    ws.close();
  });

  it('keeps the stored findings when cancelled, and lets a newer run supersede a running one', async () => {
    const { path, ws } = await demoWorkspace();
    const { computedAt } = recomputeFindings(ws);
    const findings = ws.findings.list();
    const background = new BackgroundRecompute();
    // Cancelled at its first progress report, in the middle of matching.
    await expect(background.run(path, () => background.cancel())).rejects.toBeInstanceOf(RecomputeCancelledError);
    expect(background.running).toBe(false);
    expect(ws.findings.computedAt()).toBe(computedAt);
    expect(ws.findings.list()).toEqual(findings);

    const first = background.run(path);
    const second = background.run(path);
    await expect(first).rejects.toBeInstanceOf(RecomputeCancelledError);
    expect((await second).counts).toEqual(ws.findings.countsByKind());
    expect(ws.findings.computedAt()! > computedAt).toBe(true);
    ws.close();
  });
});
