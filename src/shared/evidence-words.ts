// The matcher's evidence for one account/contact pair in a bookkeeper's words: per field, what agreed or differed
// ("phone agrees (area code added in Xero)", "names the same apart from an apostrophe (missing in Xero)"), read from the
// field's comparison level and the two records' own values. The weights stay beside each line for a "details" view.
// Pure; no zod, so the renderer bundle stays small.
import type { BillingAccount, Contribution, EvidenceField, XeroContact } from './domain';

export type Stance = 'for' | 'against' | 'neutral';

export interface EvidenceLine {
  field: EvidenceField;
  /** Whether the field speaks for the same business, against it, or says nothing. */
  stance: Stance;
  /** One line in plain words. */
  text: string;
  /** The matcher's weight (log2 Bayes factor), for the details view only. */
  weight: number;
}

type Account = Pick<BillingAccount, 'code' | 'name' | 'email' | 'phone' | 'address' | 'postcode'>;
type Contact = Pick<XeroContact, 'name' | 'accountNumber' | 'email' | 'phone' | 'address' | 'postcode'>;

const quote = (s: string) => `“${s}”`;

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "in CocoonOPS only" / "missing in CocoonOPS"…: where a value is, when only one side has it. */
function oneSide(field: string, a: string, b: string): string {
  if (!a.trim() && !b.trim()) return `${field}: in neither record`;
  if (!a.trim()) return `${field}: not in CocoonOPS, not compared`;
  if (!b.trim()) return `${field}: not in Xero, not compared`;
  return '';
}

// ---- names ----

const DIACRITICS = /\p{M}+/gu;
const fold = (s: string) => s.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
const APOSTROPHES = /['’‘]/g;
/** The words of a name, lower case, without accents; "&" counts as "and", an apostrophe splits no word. */
const wordsOf = (s: string): string[] =>
  fold(s)
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Words of `a` that `b` lacks (as a multiset), in `a`'s spelling order. */
function extraWords(a: string, b: string): string[] {
  const left = new Map<string, number>();
  for (const w of wordsOf(b)) left.set(w, (left.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const w of wordsOf(a)) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

/** The original spelling of a run of words ("pty ltd" → "Pty Ltd" as written in `name`). */
function spelled(words: readonly string[], name: string): string {
  const originals = name
    .replace(APOSTROPHES, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
  return words.map((w) => originals.find((o) => fold(o) === w) ?? (w === 'and' ? '&' : w)).join(' ');
}

const PUNCTUATION_NAMES: Record<string, string> = {
  "'": 'an apostrophe',
  '’': 'an apostrophe',
  '‘': 'an apostrophe',
  '.': 'a full stop',
  ',': 'a comma',
  '-': 'a hyphen',
  '–': 'a dash',
  '(': 'a bracket',
  ')': 'a bracket',
  '/': 'a slash',
  '"': 'quotation marks',
  '“': 'quotation marks',
  '”': 'quotation marks',
};

/** The punctuation one name has and the other lacks, named ("an apostrophe"). */
function punctuationOnlyIn(a: string, b: string): string[] {
  const marks = (s: string) => [...s].filter((ch) => /[^\p{L}\p{N}\s]/u.test(ch));
  const left = marks(b);
  const out: string[] = [];
  for (const ch of marks(a)) {
    const i = left.indexOf(ch);
    if (i >= 0) left.splice(i, 1);
    else out.push(PUNCTUATION_NAMES[ch] ?? quote(ch));
  }
  return [...new Set(out)];
}

/** Characters `a` lost where `b` has them ("McCann?s" for "McCann's", as a wrong encoding leaves it), named; '' if none. */
function lostCharacters(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return '';
  const lost: string[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (x[i] !== '?' && x[i] !== '\uFFFD') return '';
    lost.push(PUNCTUATION_NAMES[y[i]!] ?? quote(y[i]!));
  }
  return list([...new Set(lost)]);
}

/** How two names differ when the matcher took them for the same name: which words, marks, capitals or spaces. */
function sameApartFrom(cocoon: string, xero: string): string {
  if (cocoon === xero) return 'names identical';
  const lostInCocoon = lostCharacters(cocoon, xero);
  if (lostInCocoon) return `names the same apart from ${lostInCocoon} lost in CocoonOPS (shown as “?”)`;
  const lostInXero = lostCharacters(xero, cocoon);
  if (lostInXero) return `names the same apart from ${lostInXero} lost in Xero (shown as “?”)`;
  const onlyC = extraWords(cocoon, xero);
  const onlyX = extraWords(xero, cocoon);
  if (onlyC.length || onlyX.length) {
    const parts = [
      ...(onlyC.length ? [`${quote(spelled(onlyC, cocoon))} (only in CocoonOPS)`] : []),
      ...(onlyX.length ? [`${quote(spelled(onlyX, xero))} (only in Xero)`] : []),
    ];
    return `names the same apart from ${parts.join(' and ')}`;
  }
  const ampersand = (a: string, b: string) => a.includes('&') && !b.includes('&') && wordsOf(b).includes('and');
  if (ampersand(cocoon, xero)) return 'names the same apart from “&” in CocoonOPS written “and” in Xero';
  if (ampersand(xero, cocoon)) return 'names the same apart from “and” in CocoonOPS written “&” in Xero';
  const missingInXero = punctuationOnlyIn(cocoon, xero);
  const missingInCocoon = punctuationOnlyIn(xero, cocoon);
  if (missingInXero.length || missingInCocoon.length) {
    const parts = [
      ...(missingInXero.length ? [`${list(missingInXero)} (missing in Xero)`] : []),
      ...(missingInCocoon.length ? [`${list(missingInCocoon)} (missing in CocoonOPS)`] : []),
    ];
    return `names the same apart from ${parts.join(' and ')}`;
  }
  if (cocoon.toLowerCase() === xero.toLowerCase()) return 'names the same apart from capital letters';
  if (fold(cocoon) === fold(xero)) return 'names the same apart from accents';
  return 'names the same apart from spacing';
}

/** The words each name has that the other lacks, when there are few ("“Smith” in CocoonOPS, “Smyth” in Xero"). */
function differingWords(cocoon: string, xero: string): string {
  const onlyC = extraWords(cocoon, xero);
  const onlyX = extraWords(xero, cocoon);
  if (onlyC.length + onlyX.length === 0 || onlyC.length > 3 || onlyX.length > 3) return '';
  const parts = [
    ...(onlyC.length ? [`${quote(spelled(onlyC, cocoon))} only in CocoonOPS`] : []),
    ...(onlyX.length ? [`${quote(spelled(onlyX, xero))} only in Xero`] : []),
  ];
  return ` (${parts.join(', ')})`;
}

function nameWords(level: string, cocoon: string, xero: string): string {
  switch (level) {
    case 'exact':
    case 'legal_form':
      return sameApartFrom(cocoon, xero);
    case 'very_similar':
      return `names nearly the same${differingWords(cocoon, xero)}`;
    case 'similar':
      return `names similar${differingWords(cocoon, xero)}`;
    case 'contains':
      return 'one name contains the other';
    case 'somewhat':
    case 'somewhat_rare':
      return `names partly alike${differingWords(cocoon, xero)}`;
    case 'conflicting':
      return 'names partly alike, but each has words the other lacks';
    case 'shares_rare':
      return 'names differ, but share an unusual word';
    case 'missing':
      return oneSide('name', cocoon, xero) || 'names not compared';
    default:
      return 'names differ';
  }
}

// ---- phone, email, address, postcode ----

const digitsOf = (s: string) => s.replace(/\D+/g, '');

function phoneWords(level: string, cocoon: string, xero: string): string {
  if (level === 'missing') {
    // Both have something, but one is no phone number (fewer than 7 digits, or Excel's "7.73E+016").
    const odd = digitsOf(cocoon).length < 7 || /e\+/i.test(cocoon) ? cocoon : xero;
    return oneSide('phone', cocoon, xero) || `phone not compared (${quote(odd.trim())} is no phone number)`;
  }
  if (level !== 'exact') return 'phone differs';
  const c = digitsOf(cocoon);
  const x = digitsOf(xero);
  if (c === x) return cocoon.trim() === xero.trim() ? 'phone agrees' : 'phone agrees (written differently)';
  // "+61 2 …" or "0061 2 …" carries a country code; otherwise the extra digits are an area code.
  const prefix = (raw: string) => (/^\s*(\+|00)/.test(raw) ? 'country and area code' : 'area code');
  if (x.endsWith(c)) return `phone agrees (${prefix(xero)} added in Xero)`;
  if (c.endsWith(x)) return `phone agrees (${prefix(cocoon)} added in CocoonOPS)`;
  return 'phone agrees on the last 7 digits (the area codes differ)';
}

function emailWords(level: string, cocoon: string, xero: string): string {
  switch (level) {
    case 'exact':
      return cocoon.trim() === xero.trim() ? 'email agrees' : 'email agrees (capitals differ)';
    case 'domain': {
      const domain = xero.trim().toLowerCase().split('@').pop() ?? '';
      return `email domain agrees (@${domain}), the addresses differ`;
    }
    case 'missing':
      return oneSide('email', cocoon, xero) || 'email not compared (a shared mailbox at a mail provider)';
    default:
      return 'email differs';
  }
}

function addressWords(level: string, cocoon: string, xero: string): string {
  switch (level) {
    case 'exact':
      return cocoon.trim().toLowerCase() === xero.trim().toLowerCase() ? 'address agrees' : 'address agrees (same number and street)';
    case 'same_street':
      return 'same street, another street number';
    case 'missing':
      return oneSide('address', cocoon, xero) || 'address not compared (no street name to compare)';
    default:
      return 'address differs';
  }
}

function postcodeWords(level: string, cocoon: string, xero: string): string {
  if (level === 'missing') return oneSide('postcode', cocoon, xero) || 'postcode not compared';
  return level === 'exact' ? 'postcode agrees' : 'postcode differs';
}

function codeWords(level: string, account: Account, contact: Contact): string {
  if (level !== 'exact') return 'does not hold the billing code';
  const held = contact.accountNumber.trim();
  return held === account.code.trim()
    ? `holds the billing code as its account number (${held})`
    : `holds the billing code as its account number, in other capitals (${held})`;
}

/** One contribution in words. */
export function evidenceText(c: Contribution, account: Account, contact: Contact): string {
  switch (c.field) {
    case 'code':
      return codeWords(c.level, account, contact);
    case 'name':
      return nameWords(c.level, account.name, contact.name);
    case 'phone':
      return phoneWords(c.level, account.phone, contact.phone);
    case 'email':
      return emailWords(c.level, account.email, contact.email);
    case 'address':
      return addressWords(c.level, account.address, contact.address);
    case 'postcode':
      // Address and postcode move together: disagreeing on both is counted once (the postcode's weight is then 0).
      return (
        postcodeWords(c.level, account.postcode, contact.postcode) +
        (c.level === 'different' && c.weight === 0 ? ' (counted once with the address)' : '')
      );
  }
}

export const stanceOf = (weight: number): Stance => (weight > 0 ? 'for' : weight < 0 ? 'against' : 'neutral');

/** Every contribution of a pair in words, in the matcher's order. */
export function evidenceLines(contributions: readonly Contribution[], account: Account, contact: Contact): EvidenceLine[] {
  return contributions.map((c) => ({
    field: c.field,
    stance: stanceOf(c.weight),
    text: evidenceText(c, account, contact),
    weight: c.weight,
  }));
}

/** "+9.0", "−2.5", "0": a weight as the details view shows it. */
export function weightText(weight: number): string {
  if (weight === 0) return '0';
  return `${weight > 0 ? '+' : '−'}${Math.abs(weight).toFixed(1)}`;
}
