import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../shared/review';
import { clashesOf } from './bulk-clashes';

const xero = (subject: string, field: string, to: string): FieldChange => ({ target: 'xero', subject, field, from: '', to });
const active = () => true;

describe('clashesOf', () => {
  it('finds two suggestions that set one field of one contact to different values (both left out)', () => {
    const clashes = clashesOf(
      [
        { accountCode: 'A', changes: [xero('c1', 'AccountNumber', 'A')] },
        { accountCode: 'B', changes: [xero('C1', 'AccountNumber', 'B')] },
        { accountCode: 'C', changes: [xero('c2', 'AccountNumber', 'C')] },
      ],
      active,
    );
    expect(clashes).toEqual(
      new Map([
        ['A', "the suggestion for B sets the AccountNumber of the same Xero contact to 'B'"],
        ['B', "the suggestion for A sets the AccountNumber of the same Xero contact to 'A'"],
      ]),
    );
  });

  it('finds one AccountNumber or one name given to two contacts, names among active contacts only', () => {
    const planned = [
      { accountCode: 'A', changes: [xero('c1', 'AccountNumber', 'x1 ')] },
      { accountCode: 'B', changes: [xero('c2', 'AccountNumber', 'X1')] },
      { accountCode: 'C', changes: [xero('c3', 'Name', 'Acme Ltd')] },
      { accountCode: 'D', changes: [xero('c4', 'Name', 'ACME LTD')] },
      { accountCode: 'E', changes: [xero('c5', 'Name', 'Acme Ltd')] },
    ];
    const clashes = clashesOf(planned, (subject) => subject !== 'c5');
    expect([...clashes.keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(clashes.get('B')).toBe('the suggestion for A gives the AccountNumber x1 to another Xero contact');
    expect(clashes.get('C')).toBe("the suggestion for D gives the name 'ACME LTD' to another active Xero contact");
  });

  it('lets through agreeing suggestions, CocoonOPS changes and a single account with two changes', () => {
    const cocoon: FieldChange = { target: 'cocoon', subject: 'A', field: 'name', from: '', to: 'Same' };
    expect(
      clashesOf(
        [
          { accountCode: 'A', changes: [xero('c1', 'Name', 'Same'), cocoon] },
          { accountCode: 'B', changes: [xero('c1', 'Name', 'Same')] },
          { accountCode: 'C', changes: [{ ...cocoon, subject: 'C' }] },
          { accountCode: 'D', changes: [xero('c9', 'AccountNumber', ''), xero('c8', 'AccountNumber', '')] },
        ],
        active,
      ),
    ).toEqual(new Map());
  });
});
