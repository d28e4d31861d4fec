// The matcher's data in columns: per-record values in typed arrays, strings compared through 53-bit
// fingerprints. Tens of thousands of records then cost a few flat arrays instead of millions of small
// objects (which the garbage collector would copy and scan over and over), values are compared as numbers,
// and a side prepared on one thread can be used on another without translating anything.

/**
 * A 53-bit fingerprint of a string (two 32-bit multiplicative lanes); 0 for '' (a missing value) and never 0
 * otherwise. Equal strings have equal fingerprints; two different strings share one with probability 2^-53,
 * so comparing one pair by fingerprint is as good as comparing the strings. (No package hashes JS strings
 * to more than 32 bits without BigInt or encoding them to bytes first, both many times slower.)
 */
export function fingerprint(text: string): number {
  return hash(text, -1);
}

/** The fingerprint of `text` without its character at `skip`, without building that string. */
export function fingerprintWithout(text: string, skip: number): number {
  return hash(text, skip);
}

function hash(text: string, skip: number): number {
  const length = skip >= 0 && skip < text.length ? text.length - 1 : text.length;
  if (length === 0) return 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ length;
  for (let i = 0; i < text.length; i++) {
    if (i === skip) continue;
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x85ebca6b);
  h2 ^= h2 >>> 13;
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff) || 1;
}

/** A growable typed array of numbers. */
class NumberBuffer<T extends Float64Array | Int32Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  finish(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const floats = () => new NumberBuffer((n) => new Float64Array(n));
export const ints = () => new NumberBuffer((n) => new Int32Array(n));

/** One list of fingerprints per row, in two arrays: row r's items are items[start[r]] … items[start[r + 1] - 1]. */
export interface Ragged {
  start: Int32Array;
  items: Float64Array;
}

export class RaggedBuilder {
  private readonly starts = ints();
  private readonly items = floats();

  constructor() {
    this.starts.push(0);
  }

  push(value: number): void {
    this.items.push(value);
  }

  /** Ends the current row. */
  end(): void {
    this.starts.push(this.items.length);
  }

  finish(): Ragged {
    return { start: this.starts.finish(), items: this.items.finish() };
  }
}

/** Does row `row` hold `value`? */
export function rowHas(r: Ragged, row: number, value: number): boolean {
  for (let k = r.start[row]!; k < r.start[row + 1]!; k++) if (r.items[k] === value) return true;
  return false;
}

/**
 * How many times each fingerprint was added: a hash table on typed arrays (open addressing, linear probing),
 * for at most `capacity` distinct values. Four times faster than a Map of numbers, which boxes every key.
 */
export class FingerprintCounts {
  private readonly mask: number;
  private readonly keys: Float64Array;
  private readonly counts: Int32Array;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Float64Array(size);
    this.counts = new Int32Array(size);
  }

  /** Where `value` is, or the empty slot where it would go. */
  private slot(value: number): number {
    let i = (value >>> 0) & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== value) i = (i + 1) & this.mask;
    return i;
  }

  /** Counts `value` once more (0, a missing value, is not counted). */
  add(value: number): void {
    if (value === 0) return;
    const i = this.slot(value);
    this.keys[i] = value;
    this.counts[i]!++;
  }

  count(value: number): number {
    return value === 0 ? 0 : this.counts[this.slot(value)]!;
  }
}

/** One value per row, as a Ragged. */
export function single(values: Float64Array): Ragged {
  return { start: Int32Array.from({ length: values.length + 1 }, (_, i) => i), items: values };
}

/**
 * The inverted lists of a column: for each fingerprint, the rows that hold it (ascending; 0 is left out; a
 * row is expected to hold a value once). A hash table on typed arrays: entries are bucketed by the fingerprint's low bits and grouped
 * by fingerprint within a bucket, so a lookup walks the few distinct values of one bucket.
 */
export class Postings {
  private readonly mask: number;
  private readonly bucketStart: Int32Array;
  private readonly values: Float64Array;
  private readonly rows: Int32Array;
  /** For each entry, where the run of entries with its fingerprint ends. */
  private readonly runEnd: Int32Array;

  constructor(column: Ragged) {
    const { start, items } = column;
    const rowOf = new Int32Array(items.length);
    let entries = 0;
    for (let row = 0; row + 1 < start.length; row++) {
      for (let k = start[row]!; k < start[row + 1]!; k++) {
        rowOf[k] = row;
        if (items[k] !== 0) entries++;
      }
    }
    let size = 1;
    while (size < entries * 2) size *= 2;
    this.mask = size - 1;
    const bucketStart = new Int32Array(size + 1);
    for (let k = 0; k < items.length; k++) if (items[k] !== 0) bucketStart[this.bucket(items[k]!) + 1]!++;
    for (let b = 0; b < size; b++) bucketStart[b + 1]! += bucketStart[b]!;
    const next = bucketStart.slice(0, size);
    const values = new Float64Array(entries);
    const rows = new Int32Array(entries);
    for (let k = 0; k < items.length; k++) {
      if (items[k] === 0) continue;
      const e = next[this.bucket(items[k]!)]!++;
      values[e] = items[k]!;
      rows[e] = rowOf[k]!;
    }
    // Within a bucket, group by fingerprint (stable: rows stay ascending). Most buckets hold one value.
    for (let b = 0; b < size; b++) {
      const from = bucketStart[b]!;
      const to = bucketStart[b + 1]!;
      for (let e = from + 1; e < to; e++) {
        if (values[e] === values[e - 1]) continue;
        if (values[e]! < values[e - 1]!) {
          groupBucket(values, rows, from, to);
          break;
        }
      }
    }
    this.bucketStart = bucketStart;
    this.values = values;
    this.rows = rows;
    this.runEnd = new Int32Array(entries);
    for (let e = entries - 1; e >= 0; e--) this.runEnd[e] = e + 1 < entries && values[e + 1] === values[e] ? this.runEnd[e + 1]! : e + 1;
  }

  private bucket(value: number): number {
    return (value >>> 0) & this.mask;
  }

  /**
   * The first of the entries (see `row`) of the rows holding `value`, which run to `end(first)`; -1 when none.
   * Two numbers, not a [from, to] pair: nothing to allocate for blocking's millions of lookups.
   */
  first(value: number): number {
    if (value === 0) return -1;
    const b = this.bucket(value);
    for (let e = this.bucketStart[b]!; e < this.bucketStart[b + 1]!; e = this.runEnd[e]!) {
      if (this.values[e] === value) return e;
    }
    return -1;
  }

  /** Where the entries starting at `first` end (exclusive; -1 for -1: no entries). */
  end(first: number): number {
    return first < 0 ? first : this.runEnd[first]!;
  }

  count(value: number): number {
    const from = this.first(value);
    return this.end(from) - from;
  }

  row(entry: number): number {
    return this.rows[entry]!;
  }

  /** The rows holding `value`, ascending. */
  lookup(value: number): number[] {
    const rows: number[] = [];
    for (let e = this.first(value), to = this.end(e); e < to; e++) rows.push(this.rows[e]!);
    return rows;
  }
}

/** Sorts entries from … to - 1 by value, then row: in place for the few entries of most buckets. */
function groupBucket(values: Float64Array, rows: Int32Array, from: number, to: number): void {
  if (to - from <= 16) {
    for (let e = from + 1; e < to; e++) {
      const v = values[e]!;
      const r = rows[e]!;
      let j = e - 1;
      for (; j >= from && (values[j]! > v || (values[j] === v && rows[j]! > r)); j--) {
        values[j + 1] = values[j]!;
        rows[j + 1] = rows[j]!;
      }
      values[j + 1] = v;
      rows[j + 1] = r;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((x, y) => values[x]! - values[y]! || rows[x]! - rows[y]!);
  const v = order.map((e) => values[e]!);
  const r = order.map((e) => rows[e]!);
  values.set(v, from);
  rows.set(r, from);
}
