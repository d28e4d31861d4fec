// Normalisation of the evidence fields beside the name: phone, email, address, postcode.
import { stripDiacritics } from './normalise-name';

/** The last 7 digits of a phone number (enough to tell numbers apart, and blind to country and area codes). */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  return digits.length >= 7 ? digits.slice(-7) : '';
}

export interface EmailKey {
  address: string;
  /** The domain, blank when it is a shared mail provider (gmail.com…) that says nothing about the business. */
  domain: string;
}

/** Role mailboxes: "accounts@gmail.com" is many people's, so it identifies nobody. */
const ROLE_MAILBOXES = new Set([
  'accounts',
  'account',
  'admin',
  'billing',
  'enquiries',
  'info',
  'office',
  'reception',
  'sales',
  'contact',
  'hello',
  'mail',
  'invoices',
  'ap',
  'ar',
]);

export function emailKey(email: string, freemail: ReadonlySet<string>): EmailKey {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return { address: '', domain: '' };
  const domain = address.slice(at + 1);
  if (!freemail.has(domain)) return { address, domain };
  return { address: ROLE_MAILBOXES.has(address.slice(0, at)) ? '' : address, domain: '' };
}

/** Upper-case letters and digits; a 9-digit US ZIP+4 shortened to its 5-digit ZIP. */
export function postcodeKey(postcode: string): string {
  const key = postcode.toUpperCase().replace(/[^A-Z0-9]+/g, '');
  return /^\d{9}$/.test(key) ? key.slice(0, 5) : key;
}

const STREET_WORDS: Record<string, string> = {
  street: 'st',
  st: 'st',
  avenue: 'ave',
  ave: 'ave',
  av: 'ave',
  road: 'rd',
  rd: 'rd',
  boulevard: 'blvd',
  blvd: 'blvd',
  drive: 'dr',
  dr: 'dr',
  lane: 'ln',
  ln: 'ln',
  place: 'pl',
  pl: 'pl',
  court: 'ct',
  ct: 'ct',
  highway: 'hwy',
  hwy: 'hwy',
  parkway: 'pkwy',
  pkwy: 'pkwy',
  terrace: 'tce',
  tce: 'tce',
  crescent: 'cres',
  cres: 'cres',
  parade: 'pde',
  pde: 'pde',
  square: 'sq',
  sq: 'sq',
  way: 'way',
  close: 'cl',
  cl: 'cl',
};
const DIRECTIONS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west']);
const UNIT_WORDS = new Set(['unit', 'suite', 'ste', 'level', 'lvl', 'floor', 'fl', 'shop', 'apt', 'po', 'box', 'gpo', 'locked', 'bag']);

export interface AddressKey {
  /** The house number ("27" of "3/27 Smith St"), blank when none. */
  number: string;
  /** The street's name: the first word after the number that is not a direction or street type. */
  street: string;
}

/** A word of an address: what is left between spaces, dots, commas and "#". */
const ADDRESS_WORD = /[^\s.,#]+/g;
const HOUSE_NUMBER = /^(?:\d+[a-z]?\/)?(\d+)[a-z]?(?:-\d+)?$/;

export function addressKey(address: string): AddressKey {
  // Words are read only as far as the number and street need: the first two or three of most addresses.
  const text = stripDiacritics(address).toLowerCase();
  const words: string[] = [];
  ADDRESS_WORD.lastIndex = 0;
  const word = (i: number): string | undefined => {
    for (let m; words.length <= i && (m = ADDRESS_WORD.exec(text));) words.push(m[0]);
    return words[i];
  };
  let i = 0;
  let number = '';
  for (let t; !number && (t = word(i)) !== undefined; i++) {
    const m = HOUSE_NUMBER.exec(t);
    if (m && !UNIT_WORDS.has(words[i - 1] ?? '')) number = m[1]!;
  }
  if (!number) i = 0;
  let street = '';
  for (let t; !street && (t = word(i)) !== undefined; i++) {
    if (DIRECTIONS.has(t) || UNIT_WORDS.has(t) || /\d/.test(t)) continue;
    street = STREET_WORDS[t] && word(i + 1) !== undefined ? '' : t;
  }
  return { number, street };
}
