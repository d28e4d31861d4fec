import { describe, expect, it } from 'vitest';
import type { Contribution } from './domain';
import { evidenceLines, evidenceText, weightText } from './evidence-words';

const account = {
  code: '898037',
  name: 'McCann?s Daycare Center',
  email: '',
  phone: '3757932',
  address: '8612 S. Stony Island',
  postcode: '',
};
const contact = {
  name: "McCann's Daycare Center",
  accountNumber: '898037',
  email: '',
  phone: '312 375-7932',
  address: '8612 S Stony Island Ave',
  postcode: '60617',
};
const c = (field: Contribution['field'], level: string, weight = 1): Contribution => ({ field, level, weight });
const say = (field: Contribution['field'], level: string, a: Partial<typeof account> = {}, x: Partial<typeof contact> = {}) =>
  evidenceText(c(field, level), { ...account, ...a }, { ...contact, ...x });

describe('evidence in words', () => {
  it('names: says what differs (a lost apostrophe is no legal form), never a percentage', () => {
    expect(say('name', 'legal_form')).toBe('names the same apart from an apostrophe lost in CocoonOPS (shown as “?”)');
    expect(say('name', 'legal_form', { name: 'Smiths Freight' }, { name: "Smith's Freight" })).toBe(
      'names the same apart from an apostrophe (missing in CocoonOPS)',
    );
    expect(say('name', 'legal_form', { name: 'Acme Freight, Inc' }, { name: 'Acme Freight Inc' })).toBe(
      'names the same apart from a comma (missing in Xero)',
    );
    expect(say('name', 'legal_form', { name: 'Acme Freight Pty Ltd' }, { name: 'Acme Freight' })).toBe(
      'names the same apart from “Pty Ltd” (only in CocoonOPS)',
    );
    expect(say('name', 'legal_form', { name: 'Smith & Sons' }, { name: 'Smith and Sons Limited' })).toBe(
      'names the same apart from “Limited” (only in Xero)',
    );
    expect(say('name', 'legal_form', { name: 'V & J Day Care' }, { name: 'V and J Day Care' })).toBe(
      'names the same apart from “&” in CocoonOPS written “and” in Xero',
    );
    expect(say('name', 'exact', { name: 'ACME FREIGHT' }, { name: 'Acme Freight' })).toBe('names the same apart from capital letters');
    expect(say('name', 'exact', { name: 'Acme Freight' }, { name: 'Acme Freight' })).toBe('names identical');
    expect(say('name', 'very_similar', { name: 'Smith Haulage' }, { name: 'Smyth Haulage' })).toBe(
      'names nearly the same (“Smith” only in CocoonOPS, “Smyth” only in Xero)',
    );
    expect(say('name', 'somewhat')).not.toMatch(/%/);
    expect(say('name', 'different')).toBe('names differ');
  });

  it('phone: agrees though written with an area code on one side', () => {
    expect(say('phone', 'exact')).toBe('phone agrees (area code added in Xero)');
    expect(say('phone', 'exact', { phone: '+61 2 9374 4000' }, { phone: '93744000' })).toBe(
      'phone agrees (country and area code added in CocoonOPS)',
    );
    expect(say('phone', 'exact', { phone: '(02) 9374 4000' }, { phone: '02 9374-4000' })).toBe('phone agrees (written differently)');
    expect(say('phone', 'exact', { phone: '02 9374 4000' }, { phone: '03 9374 4000' })).toBe(
      'phone agrees on the last 7 digits (the area codes differ)',
    );
    expect(say('phone', 'different')).toBe('phone differs');
    expect(say('phone', 'missing', { phone: '7.73E+016' })).toBe('phone not compared (“7.73E+016” is no phone number)');
  });

  it('missing values say which side lacks them, and that nothing was compared', () => {
    expect(say('email', 'missing')).toBe('email: in neither record');
    expect(say('postcode', 'missing')).toBe('postcode: not in CocoonOPS, not compared');
    expect(say('phone', 'missing', {}, { phone: '' })).toBe('phone: not in Xero, not compared');
    expect(say('email', 'missing', { email: 'accounts@gmail.com' }, { email: 'accounts@gmail.com' })).toBe(
      'email not compared (a shared mailbox at a mail provider)',
    );
  });

  it('email, address, postcode and code in words', () => {
    expect(say('email', 'domain', { email: 'jo@acme.com.au' }, { email: 'ap@ACME.com.au' })).toBe(
      'email domain agrees (@acme.com.au), the addresses differ',
    );
    expect(say('address', 'exact')).toBe('address agrees (same number and street)');
    expect(say('address', 'same_street')).toBe('same street, another street number');
    expect(say('postcode', 'different', { postcode: '2000' })).toBe('postcode differs');
    expect(say('code', 'exact')).toBe('holds the billing code as its account number (898037)');
    expect(say('code', 'exact', { code: 'ADAS02' }, { accountNumber: 'adas02' })).toBe(
      'holds the billing code as its account number, in other capitals (adas02)',
    );
    expect(evidenceText(c('postcode', 'different', 0), { ...account, postcode: '2000' }, contact)).toBe(
      'postcode differs (counted once with the address)',
    );
  });

  it('lines keep the weights and their stance for the details view', () => {
    const lines = evidenceLines([c('code', 'exact', 9), c('phone', 'different', -2), c('email', 'missing', 0)], account, contact);
    expect(lines.map((l) => l.stance)).toEqual(['for', 'against', 'neutral']);
    expect(lines.map((l) => weightText(l.weight))).toEqual(['+9.0', '−2.0', '0']);
    expect(lines.every((l) => !/_/.test(l.text))).toBe(true);
  });
});
