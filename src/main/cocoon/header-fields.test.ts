import { describe, expect, it } from 'vitest';
import { fieldForHeader, normaliseHeader, resolveColumns } from './header-fields';

describe('normaliseHeader / fieldForHeader', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    expect(normaliseHeader('  E-mail  Address ')).toBe('emailaddress');
    expect(normaliseHeader('Organisátion_Name')).toBe('organisationname');
  });

  it.each([
    ['Organisation Name', 'name'],
    ['organization', 'name'],
    ['Company', 'name'],
    ['Customer', 'name'],
    ['Customer Name', 'name'],
    ['ACCOUNT NAME', 'name'],
    ['Name', 'name'],
    ['Billing Account Code', 'code'],
    ['Account Code', 'code'],
    ['Account Number', 'code'],
    ['Billing Code', 'code'],
    ['code', 'code'],
    ['Customer Code', 'code'],
    ['Contact', 'contactName'],
    ['Contact Name', 'contactName'],
    ['Contact Person', 'contactName'],
    ['Email', 'email'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Address', 'address'],
    ['Street', 'address'],
    ['Billing Address', 'address'],
    ['Phone', 'phone'],
    ['Telephone', 'phone'],
    ['Phone Number', 'phone'],
    ['Mobile', 'phone'],
    ['Postcode', 'postcode'],
    ['Post Code', 'postcode'],
    ['Zip', 'postcode'],
    ['ZIP Code', 'postcode'],
    ['Postal Code', 'postcode'],
    ['Status', 'status'],
    ['Notes', null],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe('resolveColumns', () => {
  it('maps the standard CocoonOPS header and lists unknown columns', () => {
    const { columns, problems } = resolveColumns([
      'Organisation Name',
      'Billing Account Code',
      'Contact Name',
      'Email',
      'Address',
      'Region',
      '',
    ]);
    expect(problems).toEqual([]);
    expect(columns.mapping).toEqual({
      name: 'Organisation Name',
      code: 'Billing Account Code',
      contactName: 'Contact Name',
      email: 'Email',
      phone: null,
      address: 'Address',
      postcode: null,
      status: null,
    });
    expect(columns.index.code).toBe(1);
    expect(columns.unknown).toEqual(['Region']);
  });

  it('prefers the better synonym when two columns fit one field, and warns', () => {
    const { columns, problems } = resolveColumns(['Name', 'Code', 'Organisation Name']);
    expect(columns.mapping.name).toBe('Organisation Name');
    expect(columns.unknown).toEqual(['Name']);
    expect(problems).toEqual([
      expect.objectContaining({ row: 1, severity: 'warning', message: expect.stringContaining('using "Organisation Name"') }),
    ]);
  });

  it('lets an explicit mapping override detection (exact or loosely matched header)', () => {
    const { columns, problems } = resolveColumns(['Client', 'Acct #', 'Name', 'Code'], {
      name: 'client',
      code: 'Acct #',
      contactName: 'Name',
    });
    expect(problems).toEqual([]);
    expect(columns.mapping).toMatchObject({ name: 'Client', code: 'Acct #', contactName: 'Name' });
    expect(columns.unknown).toEqual(['Code']);
  });

  it('treats a null in the mapping as "do not use this field"', () => {
    const { columns } = resolveColumns(['Name', 'Code', 'Email'], { email: null });
    expect(columns.mapping.email).toBeNull();
    expect(columns.unknown).toEqual(['Email']);
  });

  it('reports a mapping that names a missing header, with the headers found', () => {
    const { problems } = resolveColumns(['Client', 'Code'], { name: 'Organisation' }, 3);
    expect(problems).toEqual([
      expect.objectContaining({
        row: 3,
        severity: 'error',
        message: expect.stringMatching(
          /uses "Organisation" for the organisation name, but the file has no such column. Columns found: "Client", "Code"/,
        ),
      }),
    ]);
  });

  it('reports an unknown field in the mapping', () => {
    const { problems } = resolveColumns(['Name', 'Code'], { nmae: 'Name' } as never);
    expect(problems[0]?.message).toMatch(/unknown field "nmae"/);
  });

  it('reports missing required columns, listing the headers found and how to map them', () => {
    const { problems } = resolveColumns(['Client', 'Acct', 'Email']);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(problems[0]?.message).toMatch(/no column for the organisation name .*Columns found: "Client", "Acct", "Email".*\{ name: /);
    expect(problems[1]?.message).toMatch(/no column for the billing account code .*--map code=/);
  });
});
