// A ZIP's central directory (the list at its end of every entry with its sizes), read without inflating anything. Pure.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it: a crafted file may lie (see xlsx-limits.ts, which checks while inflating). */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/**
 * The entries the directory lists, up to `maxEntries + 1` (the caller refuses more than `maxEntries`). Like jszip, which
 * exceljs reads with, the last end-of-directory record counts, and entries are read while their signature is there.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'its list of contents is missing (the file is cut short or is not a ZIP package)' };
  const start = view.getUint32(end + 16, true);
  if (start === ZIP64_MARK || view.getUint16(end + 10, true) === 0xffff) {
    return { ok: false, reason: 'it is a ZIP64 package (over 4 GB or 65,535 entries), far larger than any export' };
  }
  const entries: ZipEntry[] = [];
  let at = start;
  while (at + 46 <= bytes.length && view.getUint32(at, true) === DIRECTORY_ENTRY && entries.length <= maxEntries) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      return { ok: false, reason: `its entry "${entry.name}" is in ZIP64 form (over 4 GB), far larger than any export` };
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ in length from the directory's. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) return null;
  const data = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return data + entry.compressedSize <= bytes.length ? data : null;
}
