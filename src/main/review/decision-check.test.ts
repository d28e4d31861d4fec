import { describe, expect, it } from 'vitest';
import { contact as record } from '../../../test/support/records';
import type { XeroContact } from '../../shared/domain';
import type { FieldChange } from '../../shared/review';
import { contactDirectory, xeroRefusal } from './decision-check';

const contact = (contactId: string, name: string, accountNumber: string, status: XeroContact['status'] = 'ACTIVE') =>
  record(contactId, name, accountNumber, { status });
const xero = (subject: string, field: string, to: string): FieldChange => ({ target: 'xero', subject, field, from: '', to });

describe('xeroRefusal', () => {
  const directory = contactDirectory([
    contact('c1', 'Acme Ltd', ''),
    contact('c2', 'Acme Holdings', 'C001'),
    contact('c3', 'Old Acme', 'C002', 'ARCHIVED'),
    contact('c4', 'Acme Ltd Old', '', 'ARCHIVED'),
    { ...contact('c5', 'Acme Merged', 'C003', 'ARCHIVED'), mergedToContactId: 'c1' },
  ]);

  it('refuses an AccountNumber another contact holds, archived ones too (case and spaces aside)', () => {
    expect(xeroRefusal(directory, [xero('c1', 'AccountNumber', ' c001')])).toBe(
      "Xero would refuse the AccountNumber: c001 is held by 'Acme Holdings'",
    );
    expect(xeroRefusal(directory, [xero('c1', 'AccountNumber', 'C002')])).toBe(
      "Xero would refuse the AccountNumber: C002 is held by 'Old Acme'",
    );
    // Held by a contact merged away in Xero: the checklist's step frees it first.
    expect(xeroRefusal(directory, [xero('c1', 'AccountNumber', 'C003')])).toBeNull();
    // Freed from its holder by the same decision: taken.
    expect(xeroRefusal(directory, [xero('c2', 'AccountNumber', ''), xero('c1', 'AccountNumber', 'C001')])).toBeNull();
  });

  it('refuses a name another active contact has, and restoring a contact whose name an active one has', () => {
    expect(xeroRefusal(directory, [xero('c2', 'Name', 'acme ltd')])).toBe(
      "Xero would refuse it: the active contact 'Acme Ltd' already has the name 'acme ltd'",
    );
    // An archived contact's name may be given; a contact may change the case of its own name.
    expect(xeroRefusal(directory, [xero('c2', 'Name', 'Acme Ltd Old')])).toBeNull();
    expect(xeroRefusal(directory, [xero('c1', 'Name', 'ACME LTD')])).toBeNull();
    expect(xeroRefusal(directory, [xero('c4', 'Name', 'Acme Ltd')])).toBeNull();
    expect(xeroRefusal(directory, [xero('c4', 'Name', 'Acme Ltd'), xero('c4', 'ContactStatus', 'ACTIVE')])).toBe(
      "Xero would refuse it: the active contact 'Acme Ltd' already has the name 'Acme Ltd'",
    );
  });

  it('says nothing of CocoonOPS changes or contacts the workspace no longer holds', () => {
    expect(xeroRefusal(directory, [{ target: 'cocoon', subject: 'A1', field: 'code', from: 'A1', to: 'C001' }])).toBeNull();
    expect(xeroRefusal(directory, [xero('gone', 'AccountNumber', 'C001')])).toBeNull();
  });
});
