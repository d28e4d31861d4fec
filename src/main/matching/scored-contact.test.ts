// Which Xero contact a finding's score and evidence are about (the detail pane names it beside the evidence).
import { describe, expect, it } from 'vitest';
import { account, contact } from '../../../test/support/records';
import { scoredContactId } from './classify';
import { matchAccounts } from './index';

describe('scoredContactId', () => {
  const accounts = [
    account('E1', 'Echo Couriers Pty Ltd'), // code_conflict: the score is about the holder, not the name match
    account('A1', 'Acme Freight Pty Ltd'), // name_mismatch
    account('N1', 'Nobody Here Transport'), // not_in_xero: the closest candidate
    account('D1', 'Dirksen'), // code_differs
    account('S1', 'Smith Partly Haulage Group'), // some candidate with a partly alike name
  ];
  const contacts = [
    contact('c1', 'Yankee Widgets', 'E1'),
    contact('c2', 'Echo Couriers'),
    contact('c3', 'Acme Freight', 'A1'),
    contact('c4', 'Dirksen', 'X-1'),
    contact('c5', 'Smith Haulage Services', 'Z-9'),
  ];
  const findings = matchAccounts(accounts, contacts).findings;

  it('is the contact whose score the finding carries: the code holder of a conflict, else the finding contact or the best candidate', () => {
    const byCode = new Map(findings.map((f) => [f.accountCode, f]));
    expect(byCode.get('E1')!.kind).toBe('code_conflict');
    expect(scoredContactId(byCode.get('E1')!)).toBe('c1');
    expect(scoredContactId(byCode.get('A1')!)).toBe('c3');
    expect(scoredContactId(byCode.get('D1')!)).toBe('c4');
    for (const f of findings) {
      const id = scoredContactId(f);
      if (f.contributions.length === 0) {
        expect(id).toBeNull();
        continue;
      }
      // The 'code' contribution is there exactly when the scored contact holds the account's code …
      const held = contacts.find((c) => c.contactId === id)!.accountNumber === f.accountCode;
      expect(
        f.contributions.some((c) => c.field === 'code'),
        f.accountCode,
      ).toBe(held);
      // … and a candidate that is the scored contact carries the finding's score.
      const candidate = f.candidates.find((c) => c.contactId === id);
      if (candidate) expect(candidate.score, f.accountCode).toBeCloseTo(f.score, 4);
    }
  });

  it('explanations give no percentage beside a name comparison: a pair has one number, its score', () => {
    for (const f of findings) expect(f.explanation, f.accountCode).not.toMatch(/names[^;]*\(\d+%\)/);
  });
});
