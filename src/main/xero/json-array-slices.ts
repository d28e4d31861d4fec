// Reads the one large array of a saved Xero response ({ …, "Contacts": [ … ], … }) a slice of items at a
// time (pure). JSON.parse of a whole 30 MB file needs the whole text as one string and builds every item's
// objects at once; they all outlive the collector's young generation, which copies them, and every megabyte
// is fresh memory the system must map in. Parsed a few kilobytes at a time, with each slice's items read
// before the next is parsed, the text and the items die young, in memory that is used over and over: on a
// 50,000-contact file, decoding and parsing take 150 ms instead of 550. The result is always what JSON.parse
// of the whole text gives: text that the slicing cannot prove equal is parsed whole.

/**
 * Bytes of items parsed at once. Kept well under V8's large-object size (128 KB; a slice with any non-ASCII
 * character is a string of two bytes per character): larger strings get fresh pages of their own, and with
 * 1 MB slices decoding alone took ten times as long.
 */
const SLICE_BYTES = 32 * 1024;

export interface ParsedArray<T> {
  /** The response, with the array left empty when it was read in slices. */
  envelope: unknown;
  /** `read(item, index)` for each item of the array, in order (none when there is no such array). */
  results: T[];
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The index of the first non-space byte from `i` on, going forwards (step 1) or backwards (step -1). */
function skipSpace(bytes: Buffer, i: number, step: 1 | -1): number {
  while (i >= 0 && i < bytes.length && isSpace(bytes[i]!)) i += step;
  return i;
}

/** Where the text starts: after a UTF-8 byte-order mark, if there is one. */
function textStart(bytes: Buffer): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Where the array of `key` opens and closes, when it is a member of the top-level object and closes at the
 * text's last "]", with the response around it (the array empty); null otherwise.
 */
function locate(bytes: Buffer, key: string): { open: number; close: number; envelope: unknown } | null {
  const quoted = `"${key}"`;
  const at = bytes.indexOf(quoted);
  if (at < 0) return null;
  const colon = skipSpace(bytes, at + quoted.length, 1);
  const open = skipSpace(bytes, colon + 1, 1);
  const close = bytes.lastIndexOf(0x5d);
  if (bytes[colon] !== 0x3a || bytes[open] !== 0x5b || close <= open) return null;
  const head = bytes.toString('utf8', textStart(bytes), open + 1);
  const tail = bytes.toString('utf8', close);
  // A tail naming the key again could hold a second member of that name (JSON.parse keeps the last one).
  if (tail.includes(quoted)) return null;
  try {
    // The head closing as an object proves the array a member of the top-level object.
    JSON.parse(`${head}]}`);
    const envelope: unknown = JSON.parse(head + tail);
    const empty = (envelope as Record<string, unknown>)[key];
    return Array.isArray(empty) && empty.length === 0 ? { open, close, envelope } : null;
  } catch {
    return null;
  }
}

/** The comma before the next item from `from` on that starts with `firstKey`, or -1. */
function nextCut(bytes: Buffer, firstKey: string, from: number, before: number): number {
  for (let at = bytes.indexOf(firstKey, from); at >= 0 && at < before; at = bytes.indexOf(firstKey, at + 1)) {
    const brace = skipSpace(bytes, at - 1, -1);
    const comma = skipSpace(bytes, brace - 1, -1);
    if (bytes[brace] === 0x7b && bytes[comma] === 0x2c) return comma;
  }
  return -1;
}

/** The items of the located array, read a slice at a time; null when a slice is not a list of items. */
function readSlices<T>(
  bytes: Buffer,
  open: number,
  close: number,
  firstKey: string,
  read: (item: unknown, index: number) => T,
): T[] | null {
  const results: T[] = [];
  const quoted = `"${firstKey}"`;
  for (let start = open + 1; skipSpace(bytes, start, 1) < close;) {
    const cut = start + SLICE_BYTES < close ? nextCut(bytes, quoted, start + SLICE_BYTES, close) : -1;
    const end = cut < 0 ? close : cut;
    let items: unknown[];
    try {
      items = JSON.parse(`[${bytes.toString('utf8', start, end)}]`) as unknown[];
    } catch {
      return null;
    }
    for (const item of items) results.push(read(item, results.length));
    start = end + 1;
  }
  return results;
}

/**
 * Parses `bytes` (UTF-8 JSON, with or without a byte-order mark) and calls `read` on each item of the array
 * at `key` of its top-level object. The array is cut before items that start with `firstKey` (as Xero writes
 * its lists); every slice must parse as a list of items, so a cut inside a string or a nested value is caught
 * and the whole text parsed instead. Throws JSON.parse's SyntaxError for text that is not JSON.
 */
export function parseArrayInSlices<T>(
  bytes: Buffer,
  key: string,
  firstKey: string,
  read: (item: unknown, index: number) => T,
): ParsedArray<T> {
  const found = locate(bytes, key);
  const results = found && readSlices(bytes, found.open, found.close, firstKey, read);
  if (found && results) return { envelope: found.envelope, results };
  const whole: unknown = JSON.parse(bytes.toString('utf8', textStart(bytes)));
  const items = typeof whole === 'object' && whole !== null ? (whole as Record<string, unknown>)[key] : undefined;
  return { envelope: whole, results: Array.isArray(items) ? items.map((item, index) => read(item, index)) : [] };
}
