// Bytes → text for CSV exports: BOM, UTF-8, UTF-16 or Windows-1252, and a refusal of binary junk.
import type { ChosenEncoding } from '../../shared/domain';
import { ImportError } from './import-problems';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type { ChosenEncoding };

/** How many lines with a bad byte a refusal names before "and N more lines". */
const NAMED_LINES = 5;

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How much of the start of a file is sniffed for UTF-16 without a BOM and for binary content. */
export const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which a sample is binary, not text. */
const MAX_CONTROL_SHARE = 0.05;

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

function decoder(encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): TextDecoder {
  return new TextDecoder(encoding, { ignoreBOM: true });
}

/** WHATWG index-windows-1252 for bytes 0x80-0x9F (the five undefined bytes stay C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));

/**
 * Windows-1252 → text. Node ≥ 20.18.3 decodes 'windows-1252' as Latin-1 (nodejs/node#56542, #60888), so
 * 0x92 would become U+0092 instead of ’. Decoding as Latin-1 and mapping 0x80-0x9F ourselves is right
 * either way (a fixed Node only leaves the five undefined bytes in that range, which map to themselves).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** UTF-16 without a BOM shows up as a zero byte in every other position (for Latin text). */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (end < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = end / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** True when the start of the text holds NUL characters or many other control characters. */
export function looksBinary(text: string): boolean {
  const end = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    // Tab, LF, CR and form feed are at home in text; so is a trailing DOS end-of-file (0x1A).
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1a) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  return end > 0 && controls / end > MAX_CONTROL_SHARE;
}

/** Lines (1-based) holding bytes that are not UTF-8, and whether any line holds a valid multi-byte UTF-8 character. */
export function utf8Damage(bytes: Uint8Array): { badLines: number[]; hasMultiByte: boolean } {
  const badLines: number[] = [];
  let hasMultiByte = false;
  let line = 1;
  let start = 0;
  let high = false;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b >= 0x80) high = true;
    if (b !== 0x0a) continue;
    if (high) {
      const text = utf8Lenient.decode(bytes.subarray(start, i));
      if (text.includes('\ufffd')) badLines.push(line);
      // Characters other than the replacement one came from valid multi-byte sequences.
      if (/[\u0080-\ufffc\ufffe\uffff]/.test(text)) hasMultiByte = true;
    }
    line++;
    start = i + 1;
    high = false;
  }
  return { badLines, hasMultiByte };
}

function lineList(lines: readonly number[]): string {
  const named = lines.slice(0, NAMED_LINES);
  const last = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : `${named[0]}`;
  const more = lines.length - named.length;
  return `line${lines.length > 1 ? 's' : ''} ${last}${more > 0 ? `, and ${more} more line${more > 1 ? 's' : ''}` : ''}`;
}

function mixedError(fileName: string, badLines: readonly number[]): ImportError {
  return ImportError.file(
    `${fileName} mixes UTF-8 with bytes that are not UTF-8 (${lineList(badLines)}), so it cannot be read safely: ` +
      'read one way its accented names are garbled (é becomes Ã©), read the other way those bytes are lost. Nothing was imported. ' +
      'Save the export as UTF-8 (in Excel: Save As › CSV UTF-8) and import that file, or choose its encoding when you import it.',
  );
}

function pick(bytes: Uint8Array, fileName: string, chosen: ChosenEncoding | undefined): DecodedText {
  const [b0, b1, b2] = bytes;
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  if (chosen === 'windows-1252') return { text: decodeWindows1252(bom ? bytes.subarray(3) : bytes), encoding: 'windows-1252' };
  if (chosen === 'utf-8') return { text: decoder('utf-8').decode(bom ? bytes.subarray(3) : bytes), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = bom ? null : sniffUtf16(bytes);
  if (utf16) return { text: decoder(utf16).decode(bytes), encoding: utf16 };
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8Strict.decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // No UTF-8 at all: Excel's "CSV" on Windows writes the ANSI code page, which is Windows-1252 in the West.
    const cp1252: DecodedText = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    if (looksBinary(cp1252.text)) return cp1252; // refused as binary, not as mixed text
    // Valid UTF-8 characters beside invalid bytes: neither reading is safe, so the user decides.
    const { badLines, hasMultiByte } = utf8Damage(body);
    if (bom || hasMultiByte) throw mixedError(fileName, badLines);
    return cp1252;
  }
}

/**
 * Decodes a text export. Throws ImportError when the bytes are binary (NUL bytes, or more than 5% control
 * characters in the first 64 KB) rather than text, and when valid UTF-8 sits beside bytes that are not UTF-8
 * (unless `chosen` says how to read the file).
 */
export function decodeText(bytes: Uint8Array, fileName = 'The file', what = 'the billing accounts', chosen?: ChosenEncoding): DecodedText {
  const decoded = pick(bytes, fileName, chosen);
  if (looksBinary(decoded.text)) {
    throw ImportError.file(
      `${fileName} does not look like a CSV or XLSX file (it holds binary data). ` +
        `Export ${what} from CocoonOPS as CSV or XLSX and import that file.`,
    );
  }
  return decoded;
}
