/**
 * Files the command line reads and writes, and why it could not: plain Node, no ExcelJS, so that
 * paths and the model file are checked before the (slow to load) workbook library is needed.
 */
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why a file could not be read or written; the CLI turns it into a sentence. */
export type FileProblemReason =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'ole2'
  /** An Office file protected by a password (an OLE2 file holding an EncryptedPackage). */
  | 'encrypted'
  /** An Excel 97-2003 workbook. */
  | 'xls'
  /** Read by `check`; `fill` and `report` write .xlsx only. */
  | 'ods'
  | 'xlsb'
  | 'numbers'
  | 'not-zip'
  | 'damaged-zip'
  | 'zip-not-xlsx'
  | 'unparsable'
  /** A reading limit was reached (`limit`, `max`). */
  | 'limit'
  | 'same-as-input'
  | 'output-directory-missing'
  | 'unwritable';

export interface FileProblem {
  reason: FileProblemReason;
  path: string;
  /** The underlying error's message, when there is one worth showing; for a damaged package, the part. */
  detail?: string;
  /** For `unparsable`: the sheet that cannot be read, when it is one. */
  sheet?: string;
  /** For `limit`: which one, and its figure. */
  limit?: ReadLimit;
  max?: number;
}

/** The limits of a read: non-empty cells, the area they span, uncompressed bytes (all, one part), seconds. */
export type ReadLimit = 'cells' | 'area' | 'bytes' | 'part-bytes' | 'seconds';

/** The file's bytes, or why they cannot be had. */
export async function readLocalFile(path: string): Promise<Buffer | FileProblem> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { reason: 'not-a-file', path };
    return await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'not-found', path };
    return { reason: 'unreadable', path, detail: messageOf(error) };
  }
}

/** Why a copy cannot be written to `outputPath`: it is the input itself, or its folder does not exist. */
export async function outputPathProblem(inputPath: string, outputPath: string): Promise<FileProblem | null> {
  const real = async (p: string): Promise<string> => fs.realpath(p).catch(() => resolve(p));
  if ((await real(inputPath)) === (await real(outputPath)))
    return { reason: 'same-as-input', path: outputPath };
  const folder = await fs.stat(dirname(resolve(outputPath))).catch(() => null);
  if (!folder || !folder.isDirectory()) return { reason: 'output-directory-missing', path: outputPath };
  return null;
}

/** The first line of an error's message: all the command line ever shows of a failure (no stack). */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim() || String(error);
}
