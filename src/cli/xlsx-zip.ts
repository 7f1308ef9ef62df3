/**
 * The zip container of an .xlsx, read with bounded work: the central directory gives each part's
 * declared sizes before anything is inflated, and inflating stops at the byte budget whatever the
 * directory declared (a zip bomb declares small sizes). No library: zlib's raw inflate does it.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  /** General purpose flags; bit 0 = entry encrypted. */
  flags: number;
  compressedSize: number;
  /** As declared by the central directory; the inflated size is checked again while inflating. */
  size: number;
  localOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;

/** The entries of a zip's central directory; `null` when the directory cannot be read (truncated, damaged). */
export function zipDirectory(bytes: Buffer): ZipEntry[] | null {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64: the locator just before the end record points at the zip64 end record.
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) return null;
    const zip64End = Number(bytes.readBigUInt64LE(locator + 8));
    if (zip64End + 56 > bytes.length || bytes.readUInt32LE(zip64End) !== ZIP64_END) return null;
    count = Number(bytes.readBigUInt64LE(zip64End + 32));
    offset = Number(bytes.readBigUInt64LE(zip64End + 48));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let localOffset = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength + extraLength > bytes.length) return null;
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // The zip64 extra field holds, in this order, the 64-bit values of the fields set to 0xffffffff.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = bytes.readUInt16LE(extra);
        const length = bytes.readUInt16LE(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const next = (): number => {
            const value = field + 8 <= extra + 4 + length ? Number(bytes.readBigUInt64LE(field)) : -1;
            field += 8;
            return value;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
          break;
        }
        extra += 4 + length;
      }
      if (size < 0 || compressedSize < 0 || localOffset < 0) return null;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Thrown when an entry's data cannot be had (damaged, unknown method). */
export class ZipEntryError extends Error {}

/** Thrown when inflating would go past `maxBytes`. */
export class ZipBudgetError extends Error {}

/** The entry's bytes, inflated; never more than `maxBytes` of output. */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipEntryError(entry.name);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipEntryError(entry.name);
  const data = bytes.subarray(start, end);
  if (entry.flags & 1) throw new ZipEntryError(entry.name);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipBudgetError(entry.name);
    return data;
  }
  if (entry.method !== 8) throw new ZipEntryError(entry.name);
  try {
    // One byte more than allowed: output that reaches it is over the budget.
    const inflated = inflateRawSync(data, { maxOutputLength: maxBytes + 1 });
    if (inflated.length > maxBytes) throw new ZipBudgetError(entry.name);
    return inflated;
  } catch (error) {
    if (error instanceof ZipBudgetError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw new ZipBudgetError(entry.name);
    throw new ZipEntryError(entry.name);
  }
}
