import { describe, expect, it } from 'vitest';
import { ago, formatDate, formatDateTime, formatWritten } from './dates';

describe('one date format, the user’s locale', () => {
  it('calendar dates: day first for AU, NZ and UK, month first for the US, the same day in every zone', () => {
    expect(formatDate('2026-12-07', 'en-AU')).toBe('07/12/2026');
    expect(formatDate('2026-12-07', 'en-NZ')).toBe('07/12/2026');
    expect(formatDate('2026-12-07', 'en-GB')).toBe('07/12/2026');
    expect(formatDate('2026-12-07', 'en-US')).toBe('12/07/2026');
    expect(formatDate('', 'en-AU')).toBe('');
  });

  it('stamps in local time, with the time of day', () => {
    const shown = formatDateTime('2026-12-07T14:08:10.031Z', 'en-AU');
    const local = new Date('2026-12-07T14:08:10.031Z');
    expect(shown).toContain(
      `${String(local.getDate()).padStart(2, '0')}/${String(local.getMonth() + 1).padStart(2, '0')}/${local.getFullYear()}`,
    );
    expect(shown).not.toMatch(/T|Z|2026-/);
    expect(formatDateTime('2026-12-07', 'en-AU')).toBe('07/12/2026');
  });

  it('dates as an export wrote them: read day first, as the import reads them, shown in the one format', () => {
    expect(formatWritten('07/12/2026', 'en-AU')).toBe('07/12/2026');
    expect(formatWritten('2026-12-07', 'en-AU')).toBe('07/12/2026');
    expect(formatWritten('7 Dec 2026', 'en-AU')).toBe('07/12/2026');
    expect(formatWritten('2026-12-06 09:15', 'en-AU')).toMatch(/^06\/12\/2026, 09:15\s?am$/);
    expect(formatWritten('07/12/2026 2:03 pm', 'en-AU')).toMatch(/^07\/12\/2026, 02:03\s?pm$/);
    expect(formatWritten('last Tuesday', 'en-AU')).toBe('last Tuesday');
  });

  it('"ago" for freshness, then the date in the one format', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(ago('2026-12-07T11:57:00Z', now)).toBe('3 minutes ago');
    expect(ago('2026-12-06T12:00:00Z', now)).toBe('yesterday');
    expect(ago('2026-10-01T00:00:00Z', now, 'en-AU')).toBe('01/10/2026');
    expect(ago(null)).toBe('never');
  });
});
