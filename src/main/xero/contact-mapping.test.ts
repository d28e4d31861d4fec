import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTACT_SHAPE_FILE, contactShapeSource } from './contact-shape-source';
import { chooseAddress, choosePhone, parseXeroDate, toXeroContact, XeroContactJson, XeroContactReader } from './contact-mapping';

describe('parseXeroDate', () => {
  it('reads the Microsoft JSON form with and without an offset', () => {
    expect(parseXeroDate('/Date(1503348544227+0000)/')).toBe('2017-08-21T20:49:04.227Z');
    expect(parseXeroDate('/Date(1551399323399)/')).toBe('2019-03-01T00:15:23.399Z');
    expect(parseXeroDate('\\/Date(0)\\/')).toBe('1970-01-01T00:00:00.000Z');
    expect(parseXeroDate('/Date(-86400000)/')).toBe('1969-12-31T00:00:00.000Z');
  });

  it('treats the number as UTC whatever the offset says (the offset is the local zone it came from)', () => {
    expect(parseXeroDate('/Date(1503348544227+1000)/')).toBe('2017-08-21T20:49:04.227Z');
    expect(parseXeroDate('/Date(1503348544227-0530)/')).toBe('2017-08-21T20:49:04.227Z');
    expect(parseXeroDate('/Date(1503348544227+2500)/')).toBeNull();
    expect(parseXeroDate('/Date(1503348544227+0075)/')).toBeNull();
  });

  it('accepts ISO strings, taking a missing zone as UTC', () => {
    expect(parseXeroDate('2019-02-28T23:15:23')).toBe('2019-02-28T23:15:23.000Z');
    expect(parseXeroDate('2019-02-28T23:15:23.5+10:00')).toBe('2019-02-28T13:15:23.500Z');
    expect(parseXeroDate('2019-02-28T23:15:23Z')).toBe('2019-02-28T23:15:23.000Z');
    expect(parseXeroDate('2019-02-28')).toBe('2019-02-28T00:00:00.000Z');
  });

  it('returns null for anything else', () => {
    for (const bad of ['', 'yesterday', '/Date(abc)/', '2019-13-45T00:00:00', '/Date(1503348544227+00)/'])
      expect(parseXeroDate(bad)).toBeNull();
    // Instants past the last one a Date can hold.
    expect(parseXeroDate('/Date(8640000000000000)/')).toBe('+275760-09-13T00:00:00.000Z');
    for (const far of ['/Date(8640000000000001)/', '/Date(-8640000000000001)/', '/Date(99999999999999999999)/'])
      expect(parseXeroDate(far)).toBeNull();
  });
});

describe('chooseAddress / choosePhone', () => {
  it('takes STREET when it has a line, else POBOX, else the first address with anything in it', () => {
    const street = { AddressType: 'STREET', AddressLine1: '1 Main St' };
    const pobox = { AddressType: 'POBOX', AddressLine1: 'PO Box 5' };
    const cityOnly = { AddressType: 'STREET', City: 'Sydney' };
    expect(chooseAddress([pobox, street])).toBe(street);
    expect(chooseAddress([cityOnly, pobox])).toBe(pobox);
    expect(chooseAddress([{ AddressType: 'POBOX' }, cityOnly])).toBe(cityOnly);
    expect(chooseAddress([{ AddressType: 'STREET', City: '' }])).toBeNull();
  });

  it('takes the DEFAULT phone when it has a number, else the first with a number', () => {
    const ddi = { PhoneType: 'DDI', PhoneNumber: '5550' };
    const def = { PhoneType: 'DEFAULT', PhoneNumber: '847-1294' };
    expect(choosePhone([ddi, def])).toBe(def);
    expect(choosePhone([{ PhoneType: 'DEFAULT', PhoneNumber: '' }, { PhoneType: 'FAX' }, ddi])).toBe(ddi);
    expect(choosePhone([])).toBeNull();
  });
});

describe('toXeroContact', () => {
  const example = {
    ContactID: '5cc8cf28-567e-4d43-b287-687cfcaec47c',
    ContactStatus: 'ACTIVE',
    Name: 'Katherine Warren',
    EmailAddress: 'kat.warren@clampett.com',
    Addresses: [
      { AddressType: 'STREET', City: '', Region: '', PostalCode: '', Country: '' },
      {
        AddressType: 'POBOX',
        AddressLine1: '',
        AddressLine2: '',
        City: 'Palo Alto',
        Region: 'CA',
        PostalCode: '94020',
        Country: 'United States',
      },
    ],
    Phones: [
      { PhoneType: 'DDI', PhoneNumber: '', PhoneAreaCode: '', PhoneCountryCode: '' },
      { PhoneType: 'DEFAULT', PhoneNumber: '847-1294', PhoneAreaCode: '(626)', PhoneCountryCode: '' },
    ],
    UpdatedDateUTC: '/Date(1503348544227+0000)/',
    IsSupplier: true,
    IsCustomer: true,
    Balances: { AccountsReceivable: { Outstanding: 760 } },
  };

  it('maps the GET /Contacts example item', () => {
    expect(toXeroContact(XeroContactJson.parse(example))).toEqual({
      contactId: '5cc8cf28-567e-4d43-b287-687cfcaec47c',
      name: 'Katherine Warren',
      accountNumber: '',
      status: 'ACTIVE',
      isCustomer: true,
      isSupplier: true,
      email: 'kat.warren@clampett.com',
      phone: '(626) 847-1294',
      address: 'Palo Alto, CA, United States',
      postcode: '94020',
      updatedDateUtc: '2017-08-21T20:49:04.227Z',
    });
  });

  it('joins street lines and the country/area/number of a phone, skipping blanks', () => {
    const c = toXeroContact(
      XeroContactJson.parse({
        ContactID: 'c1',
        Name: 'Acme Pty Ltd ',
        AccountNumber: 'A1',
        ContactStatus: 'ARCHIVED',
        Addresses: [
          {
            AddressType: 'STREET',
            AddressLine1: ' Level 2 ',
            AddressLine2: '',
            AddressLine3: '10 George St',
            City: 'Sydney',
            Region: 'NSW',
            PostalCode: '2000 ',
            Country: 'Australia',
          },
        ],
        Phones: [{ PhoneType: 'MOBILE', PhoneNumber: '412 345 678', PhoneCountryCode: '61' }],
      }),
    );
    expect(c).toMatchObject({
      name: 'Acme Pty Ltd ',
      accountNumber: 'A1',
      status: 'ARCHIVED',
      isCustomer: false,
      address: 'Level 2, 10 George St, Sydney, NSW, Australia',
      postcode: '2000',
      phone: '61 412 345 678',
      updatedDateUtc: '',
    });
  });

  it('reads the fields it maps, converts the date and rejects bad values', () => {
    expect(XeroContactJson.parse(example)).toMatchObject({ ContactID: example.ContactID, UpdatedDateUTC: '2017-08-21T20:49:04.227Z' });
    expect(XeroContactJson.safeParse({ ...example, ContactStatus: 'DELETED' }).success).toBe(false);
    expect(XeroContactJson.safeParse({ ...example, UpdatedDateUTC: 'soon' }).success).toBe(false);
    expect(XeroContactJson.safeParse({ ...example, ContactID: ' ' }).success).toBe(false);
  });
});

describe('XeroContactReader', () => {
  const base = {
    ContactID: 'c1',
    Name: 'Acme',
    AccountNumber: 'A1',
    ContactStatus: 'ACTIVE',
    IsCustomer: true,
    IsSupplier: false,
    EmailAddress: 'a@acme.com',
    Addresses: [{ AddressType: 'STREET', AddressLine1: '1 Main St', City: 'Sydney', PostalCode: '2000' }],
    Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '9999 1234' }],
    UpdatedDateUTC: '/Date(1503348544227+0000)/',
  };
  const oddValues = [
    undefined,
    null,
    '',
    ' ',
    'x',
    0,
    1.5,
    true,
    false,
    {},
    [],
    [{}],
    [null],
    [1],
    'DELETED',
    '/Date(1503348544227+2500)/',
    '2019-13-45',
  ];

  it('accepts and maps exactly what XeroContactJson then toXeroContact accept and map', () => {
    const cases: unknown[] = [base, null, 'x', [], {}];
    for (const key of Object.keys(base)) for (const v of oddValues) cases.push({ ...base, [key]: v });
    for (const key of ['AddressType', 'AddressLine1', 'City', 'PostalCode'])
      for (const v of oddValues) cases.push({ ...base, Addresses: [{ ...base.Addresses[0], [key]: v }] });
    for (const key of ['PhoneType', 'PhoneNumber', 'PhoneAreaCode'])
      for (const v of oddValues) cases.push({ ...base, Phones: [{ ...base.Phones[0], [key]: v }] });
    let accepted = 0;
    for (const item of cases) {
      const zod = XeroContactJson.safeParse(item);
      const fast = XeroContactReader.safeParse(item);
      expect({ item, success: fast.success }).toEqual({ item, success: zod.success });
      if (fast.success && zod.success) {
        expect(fast.data).toEqual(toXeroContact(zod.data));
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(cases.length - 40);
  });

  it('uses a shape validator generated from the current XeroContactJson (else run npm run generate)', () => {
    expect(readFileSync(CONTACT_SHAPE_FILE, 'utf8')).toBe(contactShapeSource());
  });
});
