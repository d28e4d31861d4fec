import { describe, expect, it } from 'vitest';
import { addressKey, emailKey, phoneKey, postcodeKey } from './normalise-fields';

describe('evidence fields', () => {
  it('compares phones on their last 7 digits', () => {
    expect(phoneKey('+61 (02) 9999-1234')).toBe(phoneKey('9999 1234'));
    expect(phoneKey('(312) 535-4565')).toBe('5354565');
    expect(phoneKey('123')).toBe('');
  });

  it('ignores the domain of shared mail providers', () => {
    const free = new Set(['gmail.com']);
    expect(emailKey(' Accounts@Acme.com.au ', free)).toEqual({ address: 'accounts@acme.com.au', domain: 'acme.com.au' });
    expect(emailKey('bob@gmail.com', free)).toEqual({ address: 'bob@gmail.com', domain: '' });
    expect(emailKey('not an email', free).address).toBe('');
    expect(emailKey('accounts@gmail.com', free).address).toBe('');
  });

  it('normalises postcodes and US ZIP+4', () => {
    expect(postcodeKey('sw1a 1aa')).toBe('SW1A1AA');
    expect(postcodeKey('60302-1234')).toBe('60302');
  });

  it('finds the house number and street name', () => {
    expect(addressKey('4865 N. Sheridan Rd')).toEqual({ number: '4865', street: 'sheridan' });
    expect(addressKey('Unit 3, 27 Smith Street, Sydney NSW 2000')).toEqual({ number: '27', street: 'smith' });
    expect(addressKey('3/27 Smith St')).toEqual({ number: '27', street: 'smith' });
    expect(addressKey('')).toEqual({ number: '', street: '' });
  });
});
