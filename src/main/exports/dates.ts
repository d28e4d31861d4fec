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
