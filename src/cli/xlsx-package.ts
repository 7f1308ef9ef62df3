/**
 * What kind of file we were given, from its bytes, before ExcelJS parses it: an .xlsx is a zip
 * holding `xl/workbook.xml`, found in the zip's central directory (names only, no inflating).
 */

export type PackageKind =
  /** An Office Open XML workbook (.xlsx, .xlsm). */
  | 'xlsx'
  /** An .xls of Excel 97-2003, or an .xlsx protected by a password (both are OLE2 compound files). */
  | 'ole2'
  /** An OpenDocument spreadsheet (.ods). */
  | 'ods'
  /** A zip without a workbook in it. */
  | 'zip-not-xlsx'
  /** Starts like a zip but its directory cannot be read: truncated or damaged. */
  | 'damaged-zip'
  /** Anything else: text, CSV, random bytes, an empty file. */
  | 'not-zip';

export interface PackageInfo {
  kind: PackageKind;
  /** Names of the zip's entries (empty unless the file is a readable zip). */
  parts: string[];
}

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function inspectPackage(bytes: Buffer): PackageInfo {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2_SIGNATURE)) return { kind: 'ole2', parts: [] };
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== ZIP_LOCAL_HEADER) return { kind: 'not-zip', parts: [] };
  const parts = readZipEntryNames(bytes);
  if (parts === null) return { kind: 'damaged-zip', parts: [] };
  const names = new Set(parts.map((p) => p.replace(/^\//, '')));
  if (names.has('xl/workbook.xml')) return { kind: 'xlsx', parts };
  if (names.has('content.xml') && names.has('mimetype')) return { kind: 'ods', parts };
  return { kind: 'zip-not-xlsx', parts };
}

/** The entry names of a zip's central directory; `null` when it cannot be read. */
function readZipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-directory record is the last 22 bytes, unless a comment (≤ 65 535 bytes) follows it.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // Zip64 (more than 65 535 entries or 4 GB): no workbook is that big; let ExcelJS decide.
  if (count === 0xffff || offset === 0xffffffff) return ['xl/workbook.xml'];
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ZIP_CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
