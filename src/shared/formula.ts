// Spreadsheet formula injection (OWASP "CSV injection"): one rule for what imports refuse and exports escape.

/** = + - @ in ASCII and full width (East Asian input turns ＝ into =), and a leading tab or carriage return. */
const TRIGGER = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const FULL_WIDTH: Record<string, string> = { '\uff1d': '=', '\uff0b': '+', '\uff0d': '-', '\uff20': '@' };
/** A plain number, signed or not, with thousands separators or spaces: "-12.50", "+1 234,50". */
const PLAIN_NUMBER = /^[+-]?\d[\d.,\s]*$/;
/**
 * A phone number in international form: "+" then digits, spaces, ( ) . and -. Spreadsheets may compute such a
 * value (or show an error), but without letters, quotes, "|" or "!" it can name no function and reach no other
 * program, so it is no injection; refusing it would refuse most Australian exports ("+61 2 9999 1234") and
 * escaping it would put an apostrophe in front of every phone number a bookkeeper exports.
 */
const PHONE = /^\+[\d\s().-]*\d[\d\s().-]*$/;
/** A dash or a few standing for "none" ("-", "--"): spreadsheets keep them as text. */
const DASHES = /^-[-\s]*$/;

/**
 * True for a value a spreadsheet would run as a formula: it starts with = + - @ (or ＝ ＋ － ＠, a tab or a
 * carriage return) and is not a plain number, a phone number or a placeholder dash.
 */
export function looksLikeFormula(value: string): boolean {
  if (!TRIGGER.test(value)) return false;
  const ascii = (FULL_WIDTH[value[0]!] ?? value[0]!) + value.slice(1);
  return !PLAIN_NUMBER.test(ascii) && !PHONE.test(ascii) && !DASHES.test(ascii);
}

/** A cell for a CSV a bookkeeper opens in a spreadsheet: a formula-looking value gets a leading apostrophe. */
export function escapeFormula(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}
