// Writes ZIP packages for tests, with the sizes a crafted file would declare (a zip bomb, a list of contents that lies),
// and reads a real one's parts back (to rebuild an exceljs workbook with a huge sheet).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { entryDataOffset, readZipDirectory } from '../../src/main/cocoon/zip-directory';

export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  /** The uncompressed size the headers declare (the real one when omitted). */
  declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function buildZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === 'string' ? Buffer.from(part.data) : part.data;
    const packed = deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(part.name);
    const size = part.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The parts of a real package (deflated or stored), unpacked. */
export function readZipParts(bytes: Uint8Array): ZipPart[] {
  const directory = readZipDirectory(bytes, 1000);
  if (!directory.ok) throw new Error(directory.reason);
  return directory.entries.map((e) => {
    const at = entryDataOffset(bytes, e)!;
    const packed = bytes.subarray(at, at + e.compressedSize);
    return { name: e.name, data: e.method === 8 ? new Uint8Array(inflateRawSync(packed)) : packed };
  });
}
