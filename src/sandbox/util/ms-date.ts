// Xero's date formats: `/Date(ms+0000)/` on entities, `/Date(ms)/` on envelopes, plain ISO on connections.

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

export function msDate(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

export function envelopeDate(ms: number): string {
  return `/Date(${ms})/`;
}

/** `2019-12-07T18:46:19.5165400` (what /connections returns: no zone, 7 fractional digits). */
export function connectionDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000');
}

/** `2018-10-20T00:00:00` (Invoice.DateString). */
export function dateString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Reads `/Date(…)/`, ISO 8601 or an HTTP date; undefined when it is none of them. */
export function parseAnyDate(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const m = MS_DATE.exec(value.trim());
  if (m) return Number(m[1]);
  const bare = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value.trim());
  const ms = Date.parse(bare ? `${value.trim()}${value.includes('T') ? 'Z' : 'T00:00:00Z'}` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `TokenExpired: token expired at 04/09/2023 05:16:59` uses US order, UTC. */
export function usDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
