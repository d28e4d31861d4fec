// The what-if: the sync model run on both sides with a plan applied. With no plan it fails exactly the accounts the
// findings call failing (the classifier and the model draw one line); with a plan it says which fixes work.
import { describe, expect, it } from 'vitest';
import { parseAccountsFile } from '../../src/main/cocoon/import-accounts';
import { matchAccounts } from '../../src/main/matching';
import { whatIf } from '../../src/main/outbox/what-if';
import { readContactsFile } from '../../src/main/imports/xero-contacts-file';
import { FAILING_KINDS } from '../../src/shared/domain';
import { account, contact } from '../support/records';

const none = { push: [], xeroSteps: [], cocoon: [] };

describe('what-if', () => {
  it('with no plan, fails exactly the accounts the findings of the demo and of the small fixture call failing', async () => {
    for (const [cocoon, xero] of [
      ['demo/cocoon.csv', 'demo/xero-contacts.json'],
      ['test/fixtures/small/cocoon.csv', 'test/fixtures/small/xero-contacts.json'],
    ] as const) {
      const { accounts } = await parseAccountsFile(cocoon);
      const { contacts } = await readContactsFile(xero);
      const failing = matchAccounts(accounts, contacts, { xeroFindings: false })
        .findings.filter((f) => FAILING_KINDS.includes(f.kind))
        .map((f) => f.accountCode);
      const w = whatIf({ accounts, contacts, ...none });
      expect(failing.length).toBeGreaterThan(0);
      expect(w.failingNow).toBe(failing.length);
      expect(w.afterPush.stillFailing.map((f) => f.code).sort()).toEqual([...failing].sort());
      expect(w.afterPush).toMatchObject({ failing: failing.length, fixed: 0, broken: [] });
    }
  });

  it('an AccountNumber set on a contact of another name leaves the account failing; with a rename it passes', () => {
    const accounts = [account('D1', 'Delta Haulage')];
    const contacts = [contact('c1', 'Delta Haulage Ltd', 'OLD-9'), contact('c2', 'Unrelated', 'D1')];
    const setOnly = whatIf({
      accounts,
      contacts,
      ...none,
      push: [
        { subject: 'c2', changes: [{ field: 'AccountNumber', from: 'D1', to: '' }] },
        { subject: 'c1', changes: [{ field: 'AccountNumber', from: 'OLD-9', to: 'D1' }] },
      ],
    });
    expect(setOnly.failingNow).toBe(1);
    expect(setOnly.afterPush.failing).toBe(1);
    expect(setOnly.afterPush.stillFailing[0]!.reason).toBe("the name differs from 'Delta Haulage Ltd', which holds D1");
    const withRename = whatIf({
      accounts,
      contacts,
      ...none,
      push: [
        { subject: 'c2', changes: [{ field: 'AccountNumber', from: 'D1', to: '' }] },
        {
          subject: 'c1',
          changes: [
            { field: 'AccountNumber', from: 'OLD-9', to: 'D1' },
            { field: 'Name', from: 'Delta Haulage Ltd', to: 'Delta Haulage' },
          ],
        },
      ],
    });
    expect(withRename.afterPush).toMatchObject({ failing: 0, fixed: 1, broken: [] });
  });

  it('counts CocoonOPS steps only after the checklist, and names accounts a plan would break', () => {
    const accounts = [account('A1', 'Acme Freight Pty Ltd'), account('B1', 'Bravo')];
    const contacts = [contact('c1', 'Acme Freight', 'A1'), contact('c2', 'Bravo', 'B1')];
    const w = whatIf({
      accounts,
      contacts,
      push: [{ subject: 'c2', changes: [{ field: 'Name', from: 'Bravo', to: 'Bravo Logistics' }] }],
      xeroSteps: [],
      cocoon: [{ subject: 'A1', changes: [{ field: 'name', from: 'Acme Freight Pty Ltd', to: 'Acme Freight' }] }],
    });
    expect(w.failingNow).toBe(1);
    expect(w.afterPush).toMatchObject({ failing: 2, fixed: 0, broken: ['B1'] });
    expect(w.afterChecklist).toMatchObject({ failing: 1, fixed: 1, broken: ['B1'] });
  });
});
