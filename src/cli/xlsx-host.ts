/**
 * The command line's workbook host: reads an .xlsx into a Grid, and applies a WritePlan to a copy
 * by patching the package in place (src/cli/xlsx-patch/): the parts the plan does not write to
 * stay byte for byte the same. It holds no rules.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Grid, WritePlan } from '../engine';
import { messageOf, outputPathProblem, readLocalFile } from './local-file';
import type { FileProblem } from './local-file';
export type { FileProblem, FileProblemReason } from './local-file';
import { readGrid as readWorkbookBytes } from './xlsx-read';
import { applyPlanToPackage } from './xlsx-patch/apply';
import type { ApplySummary } from './xlsx-patch/apply';
import { OpcPackage } from './xlsx-patch/package';
export type { ApplySummary } from './xlsx-patch/apply';

export type OpenResult = { ok: true; workbook: XlsxWorkbook } | { ok: false; problem: FileProblem };

export interface ReadOptions {
  /** How ambiguous numbers such as `1.234` are read; Italian unless told otherwise. */
  locale?: 'it' | 'en';
}

/** An .xlsx loaded in memory: read its Grid, apply plans, write a copy. The input file is never written. */
export class XlsxWorkbook {
  private constructor(
    readonly path: string,
    private readonly bytes: Buffer,
    private readonly readGrid: Grid,
  ) {}

  static async open(path: string, options: ReadOptions = {}): Promise<OpenResult> {
    const bytes = await readLocalFile(path);
    if (!Buffer.isBuffer(bytes)) return { ok: false, problem: bytes };
    // The Grid is read (and the file vetted: encrypted, damaged, limits) by the CLI's reader.
    const read = readWorkbookBytes(bytes, { path, locale: options.locale ?? 'it' });
    if (!read.ok) return read;
    // .ods, .xlsb: read by `check`, but only an .xlsx package can be patched.
    if (read.format !== 'xlsx') return { ok: false, problem: { reason: read.format, path } };
    return { ok: true, workbook: new XlsxWorkbook(path, bytes, read.grid) };
  }

  grid(): Grid {
    return this.readGrid;
  }

  /** The package being patched; unzipped on the first plan, after the read has vetted the file. */
  private patched: OpcPackage | null = null;

  /** Applies the plan to the package in memory (plans applied one after the other add up); `write` saves it. */
  apply(plan: WritePlan): ApplySummary {
    this.patched ??= new OpcPackage(this.bytes);
    return applyPlanToPackage(this.patched, plan);
  }

  /** Writes the workbook to `outputPath` (through a temporary file, so a failed write leaves nothing half-written). */
  async write(outputPath: string): Promise<FileProblem | null> {
    const refused = await outputPathProblem(this.path, outputPath);
    if (refused) return refused;
    const directory = dirname(resolve(outputPath));
    const temporary = join(directory, `.${basename(outputPath)}.${process.pid}.tmp`);
    try {
      // Nothing patched: the copy is the input's very bytes.
      await fs.writeFile(temporary, this.patched ? this.patched.toBytes() : this.bytes);
      await fs.rename(temporary, outputPath);
      return null;
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      return { reason: 'unwritable', path: outputPath, detail: messageOf(error) };
    }
  }
}

/** Reads every sheet's used range of an .xlsx; throws with a plain message when the file is not a readable workbook. */
export async function readGrid(path: string, options: ReadOptions = {}): Promise<Grid> {
  const opened = await XlsxWorkbook.open(path, options);
  if (!opened.ok) throw new Error(describeFileProblem(opened.problem));
  return opened.workbook.grid();
}

/** Applies a plan to a copy of `inputPath` written to `outputPath`; the input is never modified. */
export async function writePlan(
  inputPath: string,
  plan: WritePlan,
  outputPath: string,
): Promise<ApplySummary> {
  const opened = await XlsxWorkbook.open(inputPath);
  if (!opened.ok) throw new Error(describeFileProblem(opened.problem));
  const summary = opened.workbook.apply(plan);
  const problem = await opened.workbook.write(outputPath);
  if (problem) throw new Error(describeFileProblem(problem));
  return summary;
}

/** An English one-liner for library callers; the CLI has its own, translated, sentences. */
export function describeFileProblem(problem: FileProblem): string {
  const detail = problem.detail ? `: ${problem.detail}` : '';
  return `${problem.path}: ${problem.reason}${detail}`;
}
