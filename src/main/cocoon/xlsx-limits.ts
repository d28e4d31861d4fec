// Refuses an XLSX that would unpack to far more than any export before exceljs reads it (which holds the whole
// package, then every sheet's XML, in memory: a 400 KB zip bomb took 1 GB). Checks the ZIP's list of contents, then
// inflates each part once, throwing the bytes away, to catch a list that understates what a part holds.
import { createInflateRaw } from 'node:zlib';
import { ImportError } from './import-problems';
import { entryDataOffset, readZipDirectory, type ZipEntry } from './zip-directory';

/** A CocoonOPS export has about 15 parts; a workbook with many sheets and pictures, a hundred. */
export const MAX_XLSX_ENTRIES = 500;
/**
 * The largest real export, 50,000 accounts in 12 columns, unpacks to 34 MB (24 MB of sheet XML, 10 MB of shared
 * strings) from 3.8 MB: 128 MB leaves room for wider exports while bounding what exceljs holds to a few hundred MB.
 */
export const MAX_XLSX_UNPACKED_BYTES = 128 * 1024 * 1024;
/** Sheet XML packs about 10:1; a part over 4 MB that packs over 100:1 is a zip bomb, not an export. */
export const MAX_XLSX_RATIO = 100;
const RATIO_CHECKED_FROM = 4 * 1024 * 1024;

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function refuse(fileName: string, what: string, why: string): ImportError {
  return ImportError.file(
    `${fileName} was not imported: ${why}. Export ${what} from CocoonOPS again as CSV, or split the workbook into smaller files (nothing was imported).`,
  );
}

/** Throws ImportError for a package that is too large, too many parts, too tightly packed, or whose list of contents lies. */
export async function checkXlsxPackage(bytes: Uint8Array, fileName: string, what: string): Promise<void> {
  const directory = readZipDirectory(bytes, MAX_XLSX_ENTRIES);
  if (!directory.ok) {
    throw ImportError.file(
      `${fileName} could not be read as an XLSX workbook: ${directory.reason}. Open it in Excel and save it again as .xlsx, or export CSV.`,
    );
  }
  const { entries } = directory;
  if (entries.length > MAX_XLSX_ENTRIES) {
    throw refuse(fileName, what, `it holds more than ${MAX_XLSX_ENTRIES} parts, where an export holds about 15`);
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > MAX_XLSX_UNPACKED_BYTES) {
    throw refuse(
      fileName,
      what,
      `it unpacks to ${mb(total)}, over the ${mb(MAX_XLSX_UNPACKED_BYTES)} an XLSX may hold (50,000 accounts are about 35 MB)`,
    );
  }
  for (const e of entries) {
    if (e.uncompressedSize > RATIO_CHECKED_FROM && e.uncompressedSize > MAX_XLSX_RATIO * e.compressedSize) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      throw refuse(
        fileName,
        what,
        `its part "${e.name}" unpacks from ${mb(e.compressedSize)} to ${mb(e.uncompressedSize)}, ${ratio} times its size (a real export packs about 10 times), which is how a zip bomb looks`,
      );
    }
  }
  for (const e of entries) await checkInflatedSize(bytes, e, fileName, what);
}

async function checkInflatedSize(bytes: Uint8Array, entry: ZipEntry, fileName: string, what: string): Promise<void> {
  if (entry.method !== 0 && entry.method !== 8) return; // exceljs refuses other methods itself
  const damaged = (why: string) => refuse(fileName, what, `it is damaged or crafted: its part "${entry.name}" ${why}`);
  const at = entryDataOffset(bytes, entry);
  if (at === null) throw damaged('lies outside the file');
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged('is stored unpacked, but its two sizes differ');
    return;
  }
  let inflated: number;
  try {
    inflated = await inflatedSize(bytes.subarray(at, at + entry.compressedSize), entry.uncompressedSize);
  } catch (e) {
    throw damaged(`cannot be unpacked (${e instanceof Error ? e.message : String(e)})`);
  }
  if (inflated > entry.uncompressedSize)
    throw damaged(`unpacks to more than the ${mb(entry.uncompressedSize)} the file's list of contents declares`);
}

/** Bytes `data` inflates to, counting and discarding; stops as soon as the count passes `limit`. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', reject);
    inflate.end(data);
  });
}
