// Dates in exports as the user writes them: the renderer passes its locale and time zone (DateStyle), the CLI uses
// the computer's. The same day-month-year and hour-minute options as the screens (src/renderer/src/lib/dates.ts).
import type { DateStyle } from '../../shared/contract-outbox';

const OPTIONS: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };

function formatter(style: DateStyle, extra: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(style.locale, { ...OPTIONS, timeZone: style.timeZone, ...extra });
  } catch {
    return new Intl.DateTimeFormat(undefined, { ...OPTIONS, ...extra }); // an unknown locale or zone: the computer's
  }
}

/** "07/12/2026, 02:04 pm" (en-AU) for an ISO stamp; '' for none; text that is no stamp as it is. */
export function stampText(iso: string | null | undefined, style: DateStyle = {}): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatter(style).format(new Date(t));
}

/** The stamp's wall-clock time in the user's zone, as a Date whose UTC fields hold it (what a spreadsheet cell shows). */
export function wallClock(iso: string | null | undefined, style: DateStyle = {}): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const parts = Object.fromEntries(formatter(style, { hourCycle: 'h23', second: '2-digit' }).formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour! % 24, +parts.minute!, +parts.second!));
}

/** The Excel number format for dates in the user's order: day first unless the locale writes the month first. */
export function sheetDateFormat(style: DateStyle = {}): string {
  const order = formatter(style).formatToParts(new Date(Date.UTC(2026, 11, 31, 12))).filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
  const code = { day: 'dd', month: 'mm', year: 'yyyy' } as const;
  return `${order.map((t) => code[t as keyof typeof code]).join('/')} hh:mm`;
}
