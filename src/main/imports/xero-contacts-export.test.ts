// Xero's contacts export read as contacts: the header, the rows as GET /Contacts items, and the views combined.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportContact, isXeroExportHeader, parseXeroExport, replaceView, viewsPresent } from './xero-contacts-export';
import { exportContactId, isExportContactId } from '../xero/export-ids';
import { exportCaveats, viewFromFileName } from '../../shared/xero-export';

const FIXTURES = new URL('../../../test/fixtures/xero/export/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(FIXTURES + name);
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe("Xero's contacts export header", () => {
  it("is recognised with Xero's column names, with or without the template's * and a byte-order mark", () => {
    expect(isXeroExportHeader(['\uFEFF*ContactName', 'AccountNumber', 'EmailAddress', 'POAddressLine1'])).toBe(true);
    expect(isXeroExportHeader(['ContactName', 'AccountNumber', 'EmailAddress'])).toBe(true);
    expect(isXeroExportHeader(['Organisation Name', 'Billing Account Code', 'Email'])).toBe(false);
    expect(isXeroExportHeader(['ContactID', 'ContactName', 'AccountNumber', 'EmailAddress'])).toBe(false);
    expect(isXeroExportHeader(['ContactName', 'Notes'])).toBe(false);
  });

  it('refuses another CSV, naming what to export instead', () => {
    const parsed = parseXeroExport(bytes('Organisation Name,Billing Account Code\nAcme,A1\n'), 'accounts.csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems[0]?.message).toMatch(
      /^accounts\.csv is not Xero's contacts export: .*Contacts → All contacts \(or Archived\), click Export/,
    );
  });
});

describe('parseXeroExport', () => {
  it('reads the All contacts fixture: names with accents, PO and street addresses, phones by kind', () => {
    const { rows, problems, encoding } = parseXeroExport(fixture('all-contacts.csv'), 'all-contacts.csv');
    expect(problems).toEqual([]);
    expect(encoding).toBe('utf-8-bom');
    expect(rows).toHaveLength(9);
    const creme = rows.find((r) => r.name === 'Creme Brulee Transport')!;
    expect(creme.json).toEqual({
      Name: 'Creme Brulee Transport',
      AccountNumber: 'C001',
      EmailAddress: 'compta@cremebrulee.example',
      FirstName: 'Zoë',
      LastName: 'Lefèvre',
      Addresses: [
        {
          AddressType: 'POBOX',
          AttentionTo: 'Zoë Lefèvre',
          AddressLine1: 'PO Box 12',
          City: 'Surry Hills',
          Region: 'NSW',
          PostalCode: '2010',
          Country: 'Australia',
        },
        {
          AddressType: 'STREET',
          AddressLine1: '21 Rue de la Gare',
          City: 'Surry Hills',
          Region: 'NSW',
          PostalCode: '2010',
          Country: 'Australia',
        },
      ],
      Phones: [
        { PhoneType: 'DEFAULT', PhoneNumber: '61 2 9000 8000' },
        { PhoneType: 'MOBILE', PhoneNumber: '0412 345 678' },
      ],
    });
    expect(
      exportContact(
        { source: 'xero-export', views: { all: { importId: 1, file: 'a.csv', row: creme.row, n: 0, json: creme.json } } },
        false,
      ),
    ).toEqual({
      contactId: exportContactId('Creme Brulee Transport'),
      name: 'Creme Brulee Transport',
      accountNumber: 'C001',
      status: 'ACTIVE',
      isCustomer: true,
      isSupplier: false,
      email: 'compta@cremebrulee.example',
      phone: '61 2 9000 8000',
      address: '21 Rue de la Gare, Surry Hills, NSW, Australia',
      postcode: '2010',
      updatedDateUtc: '',
    });
  });

  it('reads an export Excel saved as Windows-1252 (accents kept)', () => {
    const text = 'ContactName,AccountNumber,EmailAddress\r\nSociété Lumière,S001,facturation@lumiere.example\r\n';
    const { rows, encoding } = parseXeroExport(Buffer.from(text, 'latin1'), 'Contacts.csv');
    expect(encoding).toBe('windows-1252');
    expect(rows.map((r) => r.name)).toEqual(['Société Lumière']);
  });

  it('names the rows without a ContactName and an active name listed twice; archived contacts may share a name', () => {
    const text = 'ContactName,AccountNumber,EmailAddress\nAcme,A1,\n,A2,x@y.example\n\n ACME ,A3,\n';
    expect(parseXeroExport(bytes(text), 'c.csv').problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'has no ContactName: every Xero contact has a name'],
      [5, '"ACME" is listed again (first on row 2); Xero holds each active contact\'s name once'],
    ]);
    const archived = parseXeroExport(bytes('ContactName,AccountNumber,EmailAddress\nAcme,A1,\nAcme,A3,\n'), 'c.csv', 'archived');
    expect(archived.problems).toEqual([]);
    expect(archived.rows.map((r) => [r.name, r.n])).toEqual([
      ['Acme', 0],
      ['Acme', 1],
    ]);
    const ids = replaceView([], 'archived', archived.rows, 1, 'c.csv').map((r) => exportContact(r, false).contactId);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('views combined', () => {
  const all = parseXeroExport(fixture('all-contacts.csv'), 'all-contacts.csv').rows;
  const archived = parseXeroExport(fixture('archived.csv'), 'archived.csv').rows;
  const customers = parseXeroExport(fixture('customers.csv'), 'customers.csv').rows;
  const contacts = (raws: ReturnType<typeof replaceView>) => {
    const known = raws.some((r) => r.views.customers);
    return raws.map((r) => exportContact(r, known)).sort((a, b) => a.name.localeCompare(b.name));
  };

  it('All and Archived in either order give the same contacts; the archived ones ARCHIVED', () => {
    const a = contacts(replaceView(replaceView([], 'all', all, 1, 'all.csv'), 'archived', archived, 2, 'archived.csv'));
    const b = contacts(replaceView(replaceView([], 'archived', archived, 1, 'archived.csv'), 'all', all, 2, 'all.csv'));
    expect(a).toEqual(b);
    expect(a).toHaveLength(11);
    expect(a.filter((c) => c.status === 'ARCHIVED').map((c) => c.name)).toEqual(['Foxtrot Movers', 'Société Lumière']);
    expect(a.every((c) => isExportContactId(c.contactId) && c.isCustomer)).toBe(true); // no Customers export: not known
  });

  it('a Customers export says who is a customer; a new export of a view replaces only that view', () => {
    let raws = replaceView(replaceView([], 'all', all, 1, 'all.csv'), 'customers', customers, 2, 'customers.csv');
    expect(
      contacts(raws)
        .filter((c) => !c.isCustomer)
        .map((c) => c.name),
    ).toEqual(['Golf Carriers']);
    expect(viewsPresent(raws)).toEqual(['all', 'customers']);
    raws = replaceView(
      raws,
      'all',
      all.filter((r) => r.name !== 'Yankee Widgets'),
      3,
      'all-again.csv',
    );
    expect(contacts(raws).map((c) => c.name)).toContain('Yankee Widgets'); // still in the Customers export
    raws = replaceView(
      raws,
      'customers',
      customers.filter((r) => r.name !== 'Yankee Widgets'),
      4,
      'customers-again.csv',
    );
    expect(contacts(raws).map((c) => c.name)).not.toContain('Yankee Widgets');
  });

  it('an archived contact with the name of an active one is another contact (Xero allows it)', () => {
    const restored = all.filter((r) => r.name === 'Bravo Logistics').map((r) => ({ ...r, json: { ...r.json, AccountNumber: 'OLD-B' } }));
    const raws = replaceView(replaceView([], 'all', all, 1, 'all.csv'), 'archived', [...archived, ...restored], 2, 'archived.csv');
    expect(
      contacts(raws)
        .filter((c) => c.name === 'Bravo Logistics')
        .map((c) => [c.status, c.accountNumber]),
    ).toEqual([
      ['ACTIVE', 'B001'],
      ['ARCHIVED', 'OLD-B'],
    ]);
  });

  it('the caveats name what is missing', () => {
    expect(exportCaveats(['all'])).toEqual([
      expect.stringMatching(/^From Xero's contacts export: no ContactIDs, so nothing can be pushed/),
      expect.stringMatching(/^Archived contacts are missing/),
      expect.stringMatching(/"not a customer" is not checked/),
    ]);
    expect(exportCaveats(['all', 'customers', 'archived'])).toHaveLength(1);
    expect(exportCaveats(['customers'])).toContainEqual(expect.stringMatching(/All contacts too/));
    expect([viewFromFileName('Archived contacts.csv'), viewFromFileName('customers (2).csv'), viewFromFileName('Contacts.csv')]).toEqual([
      'archived',
      'customers',
      null,
    ]);
  });
});
