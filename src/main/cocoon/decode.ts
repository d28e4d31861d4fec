// Bytes → text for CSV exports: BOM, UTF-8, UTF-16 or Windows-1252, and a refusal of binary junk.
import { ImportError } from '../errors';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How much of the start of a file is sniffed for UTF-16 without a BOM and for binary content. */
export const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which a sample is binary, not text. */
const MAX_CONTROL_SHARE = 0.05;

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decoder(encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): TextDecoder {
  return new TextDecoder(encoding, { ignoreBOM: true });
}

/** WHATWG index-windows-1252 for bytes 0x80-0x9F (the five undefined bytes stay C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
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

function pick(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: decoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (b0 === 0xff && b1 === 0xfe) return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Excel's "CSV" on Windows writes the ANSI code page, which is Windows-1252 in the West.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Decodes a text export. Throws ImportError when the bytes are binary (NUL bytes, or more than 5% control
 * characters in the first 64 KB) rather than text.
 */
export function decodeText(bytes: Uint8Array, fileName = 'The file', what = 'the billing accounts'): DecodedText {
  const decoded = pick(bytes);
  if (looksBinary(decoded.text)) {
    throw ImportError.file(
      `${fileName} does not look like a CSV or XLSX file (it holds binary data). ` +
        `Export ${what} from CocoonOPS as CSV or XLSX and import that file.`,
    );
  }
  return decoded;
}
