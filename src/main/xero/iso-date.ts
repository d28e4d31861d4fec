// Milliseconds since the epoch → the text Date.prototype.toISOString gives ("2017-08-21T20:49:04.227Z"), for the
// years 1970 to 9999 that Xero's dates hold, without a Date object per date: a contacts file has one date per
// contact, and toISOString was most of the cost of reading one. Other instants go to toISOString itself.

const DAY = 86_400_000;
/** The first instant of the year 10000, after which toISOString writes years with six digits and a sign. */
const END = 253_402_300_800_000;

/** The text being written, "YYYY-MM-DDTHH:mm:ss.sssZ": the separators are set once, the digits for each date. */
const CHARS = new Uint16Array(24);
for (const [at, char] of [
  [4, '-'],
  [7, '-'],
  [10, 'T'],
  [13, ':'],
  [16, ':'],
  [19, '.'],
  [23, 'Z'],
] as const)
  CHARS[at] = char.charCodeAt(0);
const ZERO = 48;

function put(at: number, value: number, digits: number): void {
  for (let i = at + digits - 1; i >= at; i--, value = Math.floor(value / 10)) CHARS[i] = ZERO + (value % 10);
}

export function isoFromMillis(ms: number): string {
  if (!(ms >= 0 && ms < END) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  // The date of a day number in the proleptic Gregorian calendar (Howard Hinnant's civil_from_days).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  put(11, Math.floor(rest / 3_600_000), 2);
  rest %= 3_600_000;
  put(14, Math.floor(rest / 60_000), 2);
  rest %= 60_000;
  put(17, Math.floor(rest / 1000), 2);
  put(20, rest % 1000, 3);
  return String.fromCharCode.apply(null, CHARS as unknown as number[]);
}
