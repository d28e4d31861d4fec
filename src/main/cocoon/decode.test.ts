import { describe, expect, it } from 'vitest';
import { ImportError } from './import-problems';
import { decodeText, decodeWindows1252, looksBinary } from './decode';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Uint8Array.from([...(bom ? mark : []), ...body]);
}

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(bytes('Name,Code\nCafé Ltd,C1\n'))).toEqual({ text: 'Name,Code\nCafé Ltd,C1\n', encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM and reports it', () => {
    const d = decodeText(bytes([0xef, 0xbb, 0xbf], 'Name,Code\n'));
    expect(d).toEqual({ text: 'Name,Code\n', encoding: 'utf-8-bom' });
  });

  it.each(['le', 'be'] as const)('reads UTF-16%s with a BOM', (endian) => {
    const d = decodeText(utf16('Name\tCode\nZoë’s Café\tC1\n', endian, true));
    expect(d).toEqual({ text: 'Name\tCode\nZoë’s Café\tC1\n', encoding: `utf-16${endian}` });
  });

  it.each(['le', 'be'] as const)('recognises UTF-16%s without a BOM', (endian) => {
    const d = decodeText(utf16('Organisation Name,Billing Account Code\nAcme,A1\n', endian, false));
    expect(d.encoding).toBe(`utf-16${endian}`);
    expect(d.text.startsWith('Organisation Name,')).toBe(true);
  });

  it('falls back to Windows-1252 for é and ’ (0xE9, 0x92)', () => {
    const d = decodeText(bytes('Name,Code\nCaf', [0xe9], ' O', [0x92], 'Brien,C1\n'));
    expect(d).toEqual({ text: 'Name,Code\nCafé O’Brien,C1\n', encoding: 'windows-1252' });
  });

  it('refuses UTF-8 with a stray byte that is not UTF-8, naming its lines and what to do', () => {
    // "Acmé" in UTF-8 and one Windows-1252 no-break space (0xA0): read as Windows-1252, é would become "Ã©".
    const mixed = bytes('Name,Code\nAcmé Pty Ltd,A1\nBeta', [0xa0], 'Freight,B2\nGamma,C3\nDelta', [0xa0], 'Co,D4\n');
    let error: unknown;
    try {
      decodeText(mixed, 'accounts.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as ImportError).message;
    expect(message).toMatch(/^accounts\.csv mixes UTF-8 with bytes that are not UTF-8 \(lines 3 and 5\)/);
    expect(message).toMatch(/Save the export as UTF-8/);
    expect(message).toMatch(/choose its encoding/);
  });

  it('refuses a file with a UTF-8 BOM and a byte that is not UTF-8 (it was replaced silently)', () => {
    expect(() => decodeText(bytes([0xef, 0xbb, 0xbf], 'Name,Code\nBeta', [0xa0], 'Freight,B2\n'), 'b.csv')).toThrow(
      /^b\.csv mixes UTF-8 .*\(line 2\)/,
    );
  });

  it('names the first lines with a bad byte and counts the rest', () => {
    const lines = Array.from({ length: 9 }, (_, i) => bytes(`Row${i}`, [0x92], ',X\n'));
    const mixed = Uint8Array.from([...bytes('Name,Code\nZoë,Z1\n'), ...lines.flatMap((l) => [...l])]);
    expect(() => decodeText(mixed, 'a.csv')).toThrow(/\(lines 3, 4, 5, 6 and 7, and 4 more lines\)/);
  });

  it('reads a mixed file in the encoding the user chose', () => {
    const mixed = bytes('Name\nAcmé', [0xa0], 'Ltd\n');
    expect(decodeText(mixed, 'a.csv', 'the billing accounts', 'windows-1252')).toEqual({
      text: 'Name\nAcmÃ©\u00a0Ltd\n',
      encoding: 'windows-1252',
    });
    expect(decodeText(mixed, 'a.csv', 'the billing accounts', 'utf-8')).toEqual({ text: 'Name\nAcmé\ufffdLtd\n', encoding: 'utf-8' });
  });

  it('still reads Windows-1252 when no valid multi-byte UTF-8 is present, and UTF-8 when it is all valid', () => {
    expect(decodeText(bytes('Name\nCaf', [0xe9], '\nNa', [0xef], 've\n')).encoding).toBe('windows-1252');
    expect(decodeText(bytes('Name\nAcme\n')).encoding).toBe('utf-8');
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Name\nAcmé\n'))).toEqual({ text: 'Name\nAcmé\n', encoding: 'utf-8-bom' });
  });

  it('refuses binary junk: NUL bytes', () => {
    expect(() => decodeText(bytes('Name,Code\n', [0, 1, 2, 0, 0, 5]), 'photo.csv')).toThrow(
      /photo\.csv does not look like a CSV or XLSX file/,
    );
  });

  it('refuses binary junk: many control characters, and throws ImportError', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256 || 1).filter((b) => b !== 0);
    let error: unknown;
    try {
      decodeText(junk, 'x.bin');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems[0]).toMatchObject({ row: 0, severity: 'error' });
  });

  it('accepts text with a few tabs, form feeds and a DOS end-of-file mark', () => {
    expect(looksBinary('a\tb\r\nc\fd\n\x1a')).toBe(false);
    expect(looksBinary('\x01\x02\x03abc')).toBe(true);
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte 0x80-0x9F as the WHATWG table does (not as Latin-1)', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(all).toBe('€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ');
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xe9, 0xff]))).toBe('Aéÿ');
  });
});
