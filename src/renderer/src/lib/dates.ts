// Every date and time the app shows, in one format: the user's locale (day-month-year in AU/NZ/UK), through
// Intl.DateTimeFormat. Stamps (ISO with a time and zone) are shown in local time; calendar dates (YYYY-MM-DD, as
// documents carry them) are shown as the same day everywhere; dates kept as someone wrote them (an export's
// "Exception Date") are read day first, as the import reads them, and shown the same way. `locale` is for tests;
// the app passes nothing and gets the runtime's locale (Electron: the system's; a browser: its language).
import { readDate } from '../../../shared/date-text';

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${locale ?? ''}|${key}`;
  let f = formats.get(k);
  if (!f) formats.set(k, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall-clock time as written after a date: "09:14", "9:14:05", "2:03 pm". */
const WALL_TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?/i;
const HAS_ZONE = /T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** "07/12/2026" (en-AU) for a calendar date YYYY-MM-DD: the same day in every time zone. */
export function formatDate(value: string | null | undefined, locale?: string): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value.trim());
  if (m) return formatter(locale, { ...DATE, timeZone: 'UTC' }, 'date-utc').format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : formatter(locale, DATE, 'date').format(new Date(t));
}

/** "07/12/2026, 02:04 pm" (en-AU) for a stamp, in local time. A calendar date alone stays a date. */
export function formatDateTime(value: string | null | undefined, locale?: string): string {
  if (!value) return '';
  if (DATE_ONLY.test(value.trim())) return formatDate(value, locale);
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : formatter(locale, { ...DATE, ...TIME }, 'datetime').format(new Date(t));
}

/**
 * A date as someone wrote it ("2025-06-02 09:14", "07/12/2026", "3 Mar 2025 2:03 pm") in the user's format, with its
 * time of day when it has one; a stamp with a zone is shown in local time; text that is no date is shown as it is.
 */
export function formatWritten(text: string | null | undefined, locale?: string): string {
  const t = (text ?? '').trim();
  if (!t) return '';
  if (HAS_ZONE.test(t)) return formatDateTime(t, locale);
  const day = readDate(t);
  if (!day) return t;
  const time = WALL_TIME.exec(t);
  if (!time) return formatDate(day, locale);
  let hour = Number(time[1]);
  const pm = time[4]?.toLowerCase().startsWith('p');
  if (time[4]) hour = (hour % 12) + (pm ? 12 : 0);
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const wall = new Date(Date.UTC(y, mo - 1, d, hour, Number(time[2]), Number(time[3] ?? 0)));
  return formatter(locale, { ...DATE, ...TIME, timeZone: 'UTC' }, 'datetime-utc').format(wall);
}

/** "3 minutes ago", "yesterday", "12 days ago", then the date: for freshness lines (the exact stamp: formatDateTime). */
export function ago(iso: string | null | undefined, now = Date.now(), locale?: string): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return formatWritten(iso, locale);
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
  const d = Math.round(h / 24);
  if (d === 1) return 'yesterday';
  if (d < 14) return `${d} days ago`;
  return formatDate(iso, locale);
}
