// Builders for domain records in tests: every field present, overridable.
import type { BillingAccount, XeroContact } from '../../src/shared/domain';

let row = 1;

export function account(code: string, name: string, extra: Partial<BillingAccount> = {}): BillingAccount {
  row += 1;
  return { row, code, name, contactName: '', email: '', phone: '', address: '', postcode: '', status: '', ...extra };
}

export function contact(contactId: string, name: string, accountNumber = '', extra: Partial<XeroContact> = {}): XeroContact {
  return {
    contactId,
    name,
    accountNumber,
    status: 'ACTIVE',
    isCustomer: true,
    isSupplier: false,
    email: '',
    phone: '',
    address: '',
    postcode: '',
    updatedDateUtc: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
