import { describe, expect, it } from 'vitest';
import { checkPlan, type CheckItem, type ContactFacts } from './checks';

const contact = (contactId: string, name: string, accountNumber = '', status: ContactFacts['status'] = 'ACTIVE'): ContactFacts => ({
  contactId,
  name,
  accountNumber,
  status,
});
const item = (ref: string, subject: string, field: string, to: string, from = ''): CheckItem => ({
  ref,
  subject,
  kind: field === 'Name' ? 'rename' : field === 'AccountNumber' ? 'account_number' : 'restore',
  changes: [{ field, from, to }],
});

const contacts = [
  contact('a', 'Acme Freight Ltd', 'ACME01'),
  contact('b', 'Bravo Logistics', ''),
  contact('c', 'Charlie Cartage', 'OLD9', 'ARCHIVED'),
  contact('d', 'Delta Haulage', 'DEL01'),
  contact('e', 'Echo Transport', '', 'ARCHIVED'),
];

describe('checkPlan', () => {
  it('passes corrections Xero will take', () => {
    const blocks = checkPlan(
      [
        item('1', 'b', 'Name', 'Bravo Logistics Pty Ltd'),
        item('2', 'b', 'AccountNumber', 'BRA01'),
        item('3', 'e', 'ContactStatus', 'ACTIVE'),
      ],
      contacts,
    );
    expect([...blocks.keys()]).toEqual([]);
  });

  it('blocks a rename to a name another active contact has (case-insensitive), naming it for a merge', () => {
    const blocks = checkPlan([item('1', 'b', 'Name', 'acme freight ltd ')], contacts);
    expect(blocks.get('1')).toMatchObject({ clash: { contactId: 'a', name: 'Acme Freight Ltd' } });
    expect(blocks.get('1')!.reason).toMatch(/already used by the active contact "Acme Freight Ltd"; .*merge the two in Xero/);
  });

  it('lets an archived contact take an active name (names are unique among active contacts only)', () => {
    expect(checkPlan([item('1', 'e', 'Name', 'Acme Freight Ltd')], contacts).size).toBe(0);
  });

  it('blocks restoring a contact whose name an active contact has', () => {
    const list = [...contacts, contact('f', 'Delta Haulage', '', 'ARCHIVED')];
    const blocks = checkPlan([item('1', 'f', 'ContactStatus', 'ACTIVE', 'ARCHIVED')], list);
    expect(blocks.get('1')!.reason).toMatch(/two active contacts named "Delta Haulage"/);
  });

  it('blocks an Account Number held elsewhere, archived holders too', () => {
    const blocks = checkPlan([item('1', 'b', 'AccountNumber', 'acme01'), item('2', 'd', 'AccountNumber', 'OLD9')], contacts);
    expect(blocks.get('1')!.reason).toMatch(/already held by "Acme Freight Ltd"; /);
    expect(blocks.get('2')!.reason).toMatch(/"Charlie Cartage" \(archived\); /);
  });

  it('blocks corrections that contradict each other, and two contacts given one name or one code', () => {
    const blocks = checkPlan(
      [
        item('1', 'b', 'AccountNumber', 'X1'),
        item('2', 'B', 'AccountNumber', 'X2'),
        item('3', 'a', 'Name', 'New Name'),
        item('4', 'd', 'Name', 'new name'),
        item('5', 'e', 'AccountNumber', 'SAME'),
        item('6', 'c', 'AccountNumber', 'same'),
      ],
      contacts,
    );
    expect(blocks.get('1')!.reason).toMatch(/Contradicts another correction .*"X2"/);
    expect(blocks.get('2')!.reason).toMatch(/Contradicts another correction .*"X1"/);
    expect(blocks.get('3')!.reason).toMatch(/gives the name "New Name" to a second contact/);
    expect(blocks.get('4')!.reason).toMatch(/to a second contact/);
    expect(blocks.get('5')!.reason).toMatch(/Account Number "SAME" to a second contact/);
    expect(blocks.has('6')).toBe(true);
  });

  it('refuses values Xero refuses outright', () => {
    const blocks = checkPlan([item('1', 'b', 'Name', '  '), item('2', 'd', 'AccountNumber', 'x'.repeat(51))], contacts);
    expect(blocks.get('1')!.reason).toBe('Xero refuses an empty contact name.');
    expect(blocks.get('2')!.reason).toMatch(/over 50 characters/);
  });

  it('sends a change after the one that frees its value, in a later round of the same push', () => {
    const blocks = checkPlan([item('1', 'b', 'Name', 'Acme Freight Ltd'), item('2', 'a', 'Name', 'Acme Freight Holdings')], contacts);
    expect(blocks.get('1')).toEqual({
      reason: expect.stringMatching(
        /^Sent after the change that frees it, in this push: the active contact ".*" has the name "Acme Freight Ltd"/,
      ),
      later: true,
    });
    // Nothing to merge in Xero: it is only the order of the writes.
    expect(blocks.get('1')!.clash).toBeUndefined();
    expect(blocks.has('2')).toBe(false);
  });

  it('holds a change back when the one that would free its value is held back, or waits for it in turn (a swap)', () => {
    // a gives up its name for a name Xero refuses (empty): b cannot take a's name.
    const freeingHeld = checkPlan([item('1', 'b', 'Name', 'Acme Freight Ltd'), item('2', 'a', 'Name', ' ')], contacts);
    expect(reasons(freeingHeld)).toEqual({
      '1': expect.stringMatching(/^Xero would refuse it: .*"Acme Freight Ltd".*the change of this push that frees it is held back too\.$/),
      '2': 'Xero refuses an empty contact name.',
    });
    // a and b swap names: Xero takes neither first.
    const swap = checkPlan(
      [item('1', 'b', 'Name', 'Acme Freight Ltd'), item('2', 'a', 'Name', contacts.find((c) => c.contactId === 'b')!.name)],
      contacts,
    );
    expect(Object.values(reasons(swap))).toEqual([
      expect.stringMatching(/values swapped between contacts.*clear one of them in Xero by hand first\.$/),
      expect.stringMatching(/values swapped between contacts.*clear one of them in Xero by hand first\.$/),
    ]);
    expect([...swap.values()].some((b) => b.later)).toBe(false);
  });

  it('a real reason found after "sent after the change that frees it" replaces it', () => {
    // b would take a's name once a gives it up, but d is given that name in the same push too.
    const both = checkPlan(
      [
        item('1', 'b', 'Name', 'Acme Freight Ltd'),
        item('2', 'a', 'Name', 'Acme Freight Holdings'),
        item('3', 'd', 'Name', 'Acme Freight Ltd'),
      ],
      contacts,
    );
    expect(both.get('1')).toEqual({ reason: expect.stringMatching(/to a second contact/) });
  });
});

const reasons = (m: Map<string, { reason: string }>): Record<string, string> =>
  Object.fromEntries([...m].map(([ref, b]) => [ref, b.reason]));
