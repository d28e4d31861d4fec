// The what-if: the sync model run on both sides with a plan applied. With no plan it fails exactly the accounts the
// findings call failing (the classifier and the model draw one line); with a plan it says which fixes work.
import { describe, expect, it } from 'vitest';
import { parseAccountsFile } from '../../src/main/cocoon/import-accounts';
import { matchAccounts } from '../../src/main/matching';
import { whatIf } from '../../src/main/outbox/what-if';
import { readContactsFile } from '../../src/main/imports/xero-contacts-file';
import { FAILING_KINDS, type XeroContact } from '../../src/shared/domain';
import { editContact, editSent } from '../../src/shared/sync-model';
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

  it('says of random plans on the demo what a run from scratch on both sides, changed, says', async () => {
    // The what-if runs again only the accounts a plan can reach: it must agree with running every account.
    const { accounts } = await parseAccountsFile('demo/cocoon.csv');
    const { contacts } = await readContactsFile('demo/xero-contacts.json');
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)]!;
    const contactEdit = () => {
      const r = random(5);
      if (r === 0) return { field: 'Name', to: pick(accounts).name };
      if (r === 1) return { field: 'AccountNumber', to: random(3) === 0 ? '' : pick(accounts).code };
      if (r === 2) return { field: 'ContactStatus', to: pick(['ACTIVE', 'ARCHIVED']) };
      if (r === 3) return { field: 'IsCustomer', to: pick(['true', 'false']) };
      return { field: 'Name', to: pick(contacts).name };
    };
    const planOf = (n: number, subject: () => string, edit: () => { field: string; to: string }) =>
      Array.from({ length: n }, () => ({ subject: subject(), changes: [{ ...edit(), from: '' }] }));
    const applied = (planned: readonly { subject: string; changes: readonly { field: string; to: string }[] }[]) =>
      contacts.map((c) =>
        planned
          .filter((p) => p.subject === c.contactId)
          .flatMap((p) => p.changes)
          .reduce((k, e) => editContact(k, e.field, e.to) as XeroContact, c),
      );
    for (let trial = 0; trial < 12; trial++) {
      const push = planOf(5 + random(60), () => pick(contacts).contactId, contactEdit);
      const xeroSteps = planOf(random(10), () => pick(contacts).contactId, contactEdit);
      const cocoon = planOf(
        random(30),
        () => pick(accounts).code,
        () =>
          random(2) === 0
            ? { field: 'name', to: pick(contacts).name }
            : { field: 'code', to: random(2) === 0 ? '' : pick(contacts).accountNumber },
      );
      const w = whatIf({ accounts, contacts, push, xeroSteps, cocoon });
      const scratch = (as: typeof accounts, cs: readonly XeroContact[]) =>
        whatIf({ accounts: as, contacts: cs, ...none }).afterPush.stillFailing.map((f, i) => ({ i, ...f }));
      // Failing accounts by place in the file (a recoded account keeps its place; both lists are in file order, and a
      // code recoded to another account's is found after the place before it), with the reason.
      const byPlace = (list: readonly { code: string; reason: string }[], as: readonly { code: string }[]) => {
        let last = -1;
        return list.map((f) => {
          last = as.findIndex((a, i) => i > last && a.code === f.code);
          return [last, f.reason];
        });
      };
      const afterPush = scratch(accounts, applied(push));
      expect(byPlace(w.afterPush.stillFailing, accounts), `trial ${trial}: after the push`).toEqual(byPlace(afterPush, accounts));
      const changedAccounts = accounts.map((a) => {
        const sent = cocoon
          .filter((p) => p.subject === a.code)
          .flatMap((p) => p.changes)
          .reduce((s, e) => editSent(s, a.code, e.field, e.to), { name: a.name, accountNumber: a.code });
        return { ...a, name: sent.name, code: sent.accountNumber };
      });
      const afterChecklist = scratch(changedAccounts, applied([...push, ...xeroSteps]));
      expect(byPlace(w.afterChecklist.stillFailing, accounts), `trial ${trial}: after the checklist`).toEqual(
        byPlace(afterChecklist, changedAccounts),
      );
    }
  });
});
