// The product's promise checked against what happens: on the demo set, the Chicago bench set and a 2,000 × 5,000
// synthetic set, every account predicted to fail fails with the predicted message in the stand-in Xero, and every
// account predicted to pass passes (filed to the predicted contact, or to a new one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate as generateChicago } from '../../bench/generate-chicago';
import { generate as generateSynthetic } from '../../bench/generate-synthetic';
import { formatReplay, replayDataset, type ReplayReport } from '../support/replay';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'replay-set-'));
  dirs.push(d);
  return d;
};

function expectAgreement(report: ReplayReport): void {
  expect(report.disagreements, formatReplay(report).join('\n')).toEqual([]);
  // Not an empty check: the sets hold accounts that fail and accounts that pass.
  expect(report.failed).toBeGreaterThan(0);
  expect(report.failed).toBe(report.predictedToFail);
  expect(report.rows.length - report.failed).toBeGreaterThan(0);
}

describe('replaying CocoonOPS sync against the stand-in Xero', () => {
  it('the demo set: 0 disagreements', async () => {
    const report = await replayDataset({ cocoon: 'demo/cocoon.csv', xero: 'demo/xero-contacts.json' });
    expect(report.rows).toHaveLength(829);
    expectAgreement(report);
    // The demo's known cases: Dirksen is filed to the same-name contact; a double space is a "may fail" that fails.
    expect(report.rows.find((r) => r.code === 'C01217')).toMatchObject({ kind: 'code_differs', passed: true });
    expect(report.rows.find((r) => r.code === 'ABRA01')).toMatchObject({ kind: 'name_mismatch', passed: false });
  });

  it('the Chicago bench set: 0 disagreements', async () => {
    const dir = tempDir();
    generateChicago(dir, 1);
    expectAgreement(await replayDataset({ cocoon: join(dir, 'cocoon.csv'), xero: join(dir, 'xero-contacts.json') }));
  });

  it('a 2,000 × 5,000 synthetic set: 0 disagreements', async () => {
    const dir = tempDir();
    generateSynthetic(dir, 1, { accounts: 2000, contacts: 5000 });
    const report = await replayDataset({ cocoon: join(dir, 'cocoon.csv'), xero: join(dir, 'xero-contacts.json') });
    expect(report.rows).toHaveLength(2000);
    expectAgreement(report);
  });
});
