/** Reads one entry of a zip file (docx, xlsx) with node:zlib only: enough to look inside a generated document. */
import { inflateRawSync } from 'node:zlib';

/** The bytes of entry `name`, or undefined; throws when `bytes` is not a zip archive. */
export function zipEntry(bytes: Buffer, name: string): Buffer | undefined {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const data = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
      const raw = bytes.subarray(data, data + size);
      return method === 0 ? raw : inflateRawSync(raw);
    }
    at += 46 + nameLength + skip;
  }
  return undefined;
}
