// Shared by the workspace integration tests: a fresh temp dir per test, file fingerprints, domain fixtures.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { BillingAccount, XeroContact, type Finding } from '../../src/shared/domain';

/** Registers a fresh temp dir per test; call inside a describe or at file top level. */
export function useTempDir(): { dir: () => string; file: (name: string) => string } {
  let current: string | undefined;
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), 'reconciler-ws-'));
  });
  afterEach(() => {
    if (current) rmSync(current, { recursive: true, force: true });
    current = undefined;
  });
  const dir = (): string => {
    if (!current) throw new Error('no temp dir outside a test');
    return current;
  };
  return { dir, file: (name) => join(dir(), name) };
}

export const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export const listDir = (dir: string): string[] => readdirSync(dir).sort();

export const account = (i: number, overrides: Partial<BillingAccount> = {}): BillingAccount =>
  BillingAccount.parse({
    row: i,
    code: `C${String(i).padStart(5, '0')}`,
    name: `Customer ${i} Ltd`,
    contactName: `Person ${i}`,
    email: `c${i}@example.com`,
    phone: `+44 20 7946 ${String(i % 10000).padStart(4, '0')}`,
    address: `${i} High Street, London`,
    postcode: 'E1 6AN',
    status: 'Active',
    ...overrides,
  });

export const contact = (i: number, overrides: Partial<XeroContact> = {}): XeroContact =>
  XeroContact.parse({
    contactId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Customer ${i} Ltd`,
    accountNumber: `C${String(i).padStart(5, '0')}`,
    status: 'ACTIVE',
    isCustomer: true,
    isSupplier: i % 7 === 0,
    email: `c${i}@example.com`,
    phone: '',
    address: `${i} High Street, London`,
    postcode: 'E1 6AN',
    updatedDateUtc: '2024-05-01T10:00:00.000Z',
    ...overrides,
  });

/** What the Xero API would have sent for `c` (a trimmed-down raw contact). */
export const rawOf = (c: XeroContact): object => ({
  ContactID: c.contactId,
  Name: c.name,
  AccountNumber: c.accountNumber,
  ContactStatus: c.status,
  IsCustomer: c.isCustomer,
  Addresses: [{ AddressType: 'STREET', AddressLine1: c.address, PostalCode: c.postcode }],
});

export const finding = (i: number, overrides: Partial<Finding> = {}): Finding => ({
  accountCode: `C${String(i).padStart(5, '0')}`,
  accountRow: i,
  kind: 'ok',
  xeroContactId: contact(i).contactId,
  codeHolderId: contact(i).contactId,
  score: 0.97,
  explanation: 'code and name match',
  contributions: [{ field: 'name', level: 'exact', weight: 9.5 }],
  candidates: [
    { contactId: contact(i).contactId, name: `Customer ${i} Ltd`, accountNumber: `C${String(i).padStart(5, '0')}`, score: 0.97 },
  ],
  fix: 'none',
  sync: { outcome: 'filed', message: null, doubt: null },
  ...overrides,
});
