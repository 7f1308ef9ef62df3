/**
 * The command line's workbook host: reads an .xlsx into a Grid and applies a WritePlan to a copy,
 * through ExcelJS. The only CLI module that knows ExcelJS; it holds no rules.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FormulaType, ValueType, Workbook } from 'exceljs';
import type {
  Alignment,
  Cell,
  CellFormulaValue,
  CellRichTextValue,
  CellSharedFormulaValue,
  Worksheet,
} from 'exceljs';
import { LOG_HEADER, LOG_SHEET, blankCells, formulaKey, logRowValues } from '../engine';
import type {
  CellValue,
  CellWrite,
  ConditionalFormat,
  Grid,
  LogEntry,
  SheetGrid,
  SheetPlan,
  WritePlan,
} from '../engine';
import type { PageFooter } from '../engine/plan';
import { applyExcelJsReadFixes } from './exceljs-read-fixes';
import { parseFormulaTemplate, renderShifted } from './formula-shift';
import type { FormulaTemplate } from './formula-shift';
import { messageOf, outputPathProblem, readLocalFile } from './local-file';
import type { FileProblem } from './local-file';
export type { FileProblem, FileProblemReason } from './local-file';
import { inspectPackage, unkeptContent } from './xlsx-package';
import type { PackageInfo, UnkeptContent } from './xlsx-package';

export type OpenResult = { ok: true; workbook: XlsxWorkbook } | { ok: false; problem: FileProblem };

export interface ApplySummary {
  /** Cells written into existing sheets. */
  cellsWritten: number;
  /** Cells written into new (or replaced) sheets. */
  sheetCellsWritten: number;
  sheetsCreated: string[];
  sheetsReplaced: string[];
  sheetsDeleted: string[];
  conditionalFormatsAdded: number;
  /** Conditional formats removed (the undo of a flag). */
  conditionalFormatsRemoved: number;
  logRowsAppended: number;
}

export interface ReadOptions {
  /** How ambiguous numbers such as `1.234` are read; Italian unless told otherwise. */
  locale?: 'it' | 'en';
}

/** An .xlsx loaded in memory: read its Grid, apply plans, write a copy. The input file is never written. */
export class XlsxWorkbook {
  private constructor(
    readonly path: string,
    private readonly workbook: Workbook,
    private readonly info: PackageInfo,
    private readonly locale: 'it' | 'en',
  ) {}

  static async open(path: string, options: ReadOptions = {}): Promise<OpenResult> {
    const bytes = await readLocalFile(path);
    if (!Buffer.isBuffer(bytes)) return { ok: false, problem: bytes };
    const info = inspectPackage(bytes);
    if (info.kind !== 'xlsx') return { ok: false, problem: { reason: info.kind, path } };
    applyExcelJsReadFixes();
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    } catch (error) {
      return { ok: false, problem: { reason: 'unparsable', path, detail: messageOf(error) } };
    }
    if (workbook.worksheets.length === 0) return { ok: false, problem: { reason: 'zip-not-xlsx', path } };
    return { ok: true, workbook: new XlsxWorkbook(path, workbook, info, options.locale ?? 'it') };
  }

  /** Content of the input that a copy written by ExcelJS would lack (charts, pivot tables, macros…). */
  unkeptContent(): UnkeptContent[] {
    return unkeptContent(this.info);
  }

  grid(): Grid {
    const date1904 = Boolean((this.workbook.properties as { date1904?: boolean }).date1904);
    return { sheets: this.workbook.worksheets.map((ws) => readSheet(ws, date1904)), locale: this.locale };
  }

  /** Applies the plan to the workbook in memory; `write` saves it. */
  apply(plan: WritePlan): ApplySummary {
    const summary: ApplySummary = {
      cellsWritten: 0,
      sheetCellsWritten: 0,
      sheetsCreated: [],
      sheetsReplaced: [],
      sheetsDeleted: [],
      conditionalFormatsAdded: 0,
      conditionalFormatsRemoved: 0,
      logRowsAppended: 0,
    };
    for (const name of plan.deleteSheets) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) {
        this.workbook.removeWorksheet(ws.id);
        summary.sheetsDeleted.push(name);
      }
    }
    for (const sheetPlan of plan.sheets) {
      const replaced = this.addSheet(sheetPlan);
      (replaced ? summary.sheetsReplaced : summary.sheetsCreated).push(sheetPlan.name);
      summary.sheetCellsWritten += sheetPlan.cells.length;
    }
    const touched = new Set(plan.cells.map((w) => w.sheet));
    for (const name of touched) expandSharedFormulas(this.existingSheet(name));
    for (const write of plan.cells) {
      writeCell(this.existingSheet(write.sheet).getCell(write.cell), write);
      summary.cellsWritten++;
    }
    for (const removal of plan.removeConditionalFormats ?? []) {
      // A sheet deleted since the flag took its formats with it.
      const ws = this.workbook.getWorksheet(removal.sheet);
      if (ws) summary.conditionalFormatsRemoved += removeConditionalFormat(ws, removal);
    }
    for (const format of plan.conditionalFormats) {
      if (addConditionalFormat(this.existingSheet(format.sheet), format)) summary.conditionalFormatsAdded++;
    }
    if (plan.log.length > 0) summary.logRowsAppended = appendLog(this.logSheet(), plan.log);
    this.workbook.calcProperties.fullCalcOnLoad = true;
    this.keepActiveTabInRange();
    return summary;
  }

  /** Writes the workbook to `outputPath` (through a temporary file, so a failed write leaves nothing half-written). */
  async write(outputPath: string): Promise<FileProblem | null> {
    const refused = await outputPathProblem(this.path, outputPath);
    if (refused) return refused;
    const directory = dirname(resolve(outputPath));
    const temporary = join(directory, `.${basename(outputPath)}.${process.pid}.tmp`);
    try {
      await this.workbook.xlsx.writeFile(temporary);
      await fs.rename(temporary, outputPath);
      return null;
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      return { reason: 'unwritable', path: outputPath, detail: messageOf(error) };
    }
  }

  private existingSheet(name: string): Worksheet {
    const ws = this.workbook.getWorksheet(name);
    // The engine plans cells only in sheets of the Grid it was given, or in sheets the plan creates.
    if (!ws) throw new Error(`the plan writes into sheet "${name}", which the workbook does not have`);
    return ws;
  }

  /** Creates the sheet, or replaces the one of the same name in its place; true when it replaced one. */
  private addSheet(plan: SheetPlan): boolean {
    const old = this.workbook.getWorksheet(plan.name);
    // ExcelJS orders sheets by `orderNo` (not in its typings): the new sheet takes the old one's place.
    const orderNo = (old as unknown as { orderNo?: number } | undefined)?.orderNo;
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(plan.name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    for (const write of plan.cells) writeCell(ws.getCell(write.cell), write);
    plan.columnWidths?.forEach((width, col) => {
      if (width > 0) ws.getColumn(col + 1).width = width;
    });
    for (const range of plan.merges ?? []) {
      ws.mergeCells(range);
      styleMergedCells(ws, range);
    }
    for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
      ws.getRow(Number(row) + 1).height = height;
    if (plan.footer) {
      ws.headerFooter.oddFooter = footerText(plan.footer);
      ws.headerFooter.evenFooter = ws.headerFooter.oddFooter;
    }
    if (plan.print) {
      Object.assign(ws.pageSetup, {
        paperSize: 9, // A4
        orientation: plan.print.orientation,
        fitToPage: plan.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    if (plan.printTitleRows) ws.pageSetup.printTitlesRow = plan.printTitleRows;
    return old !== undefined;
  }

  /** After sheets were deleted, the selected tab may point past the last one, which Excel reports as damage. */
  private keepActiveTabInRange(): void {
    const count = this.workbook.worksheets.length;
    for (const view of this.workbook.views ?? []) {
      if (view.activeTab !== undefined && view.activeTab >= count) view.activeTab = 0;
      if (view.firstSheet !== undefined && view.firstSheet >= count) view.firstSheet = 0;
    }
  }

  private logSheet(): Worksheet {
    const existing = this.workbook.getWorksheet(LOG_SHEET);
    if (existing) return existing;
    const ws = this.workbook.addWorksheet(LOG_SHEET);
    LOG_HEADER.forEach((title, c) => {
      const cell = ws.getCell(1, c + 1);
      cell.value = title;
      cell.font = { bold: true };
    });
    [22, 10, 16, 20, 8, 24, 18, 40].forEach((width, c) => {
      ws.getColumn(c + 1).width = width;
    });
    return ws;
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

// ── Reading ────────────────────────────────────────────────────────────────────────────────

function readSheet(ws: Worksheet, date1904: boolean): SheetGrid {
  // Pass 1: the used range, from the cells that hold a value or a formula.
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  ws.eachRow((row, rowNumber) => {
    let first = 0;
    let last = 0;
    row.eachCell((cell, colNumber) => {
      if (cell.type === ValueType.Merge) return;
      if (!first) first = colNumber;
      last = colNumber;
    });
    if (!first) return;
    top = Math.min(top, rowNumber - 1);
    bottom = rowNumber - 1;
    left = Math.min(left, first - 1);
    right = Math.max(right, last - 1);
  });
  const tables = readTables(ws);
  if (bottom < 0)
    return { name: ws.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], tables };

  // Pass 2: values, formulas and number formats, row by row; empty cells stay null / 'General'.
  const height = bottom - top + 1;
  const width = right - left + 1;
  const { values, formulas, numberFormats } = blankCells(height, width);
  const sharedFormulas: SharedFormulas = new Map();
  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1 - top;
    const rowValues = values[r];
    const rowFormulas = formulas[r];
    const rowFormats = numberFormats[r];
    row.eachCell((cell, colNumber) => {
      const c = colNumber - 1 - left;
      const numFmt = cell.numFmt;
      if (numFmt) rowFormats[c] = numFmt;
      switch (cell.type) {
        case ValueType.Number:
        case ValueType.String:
        case ValueType.Boolean:
          rowValues[c] = cell.value as number | string | boolean;
          break;
        case ValueType.Formula: {
          const formula = formulaOf(ws, cell, sharedFormulas);
          rowFormulas[c] = formula === null ? null : `=${formula}`;
          rowValues[c] = cachedResult(cell.result as CellFormulaValue['result'], date1904);
          break;
        }
        case ValueType.Date:
          rowValues[c] = excelSerial(cell.value as Date, date1904);
          break;
        case ValueType.RichText:
          rowValues[c] = plainText(cell.value);
          break;
        case ValueType.Hyperlink:
          rowValues[c] = plainText((cell.value as { text?: unknown }).text);
          break;
        case ValueType.Error:
          rowValues[c] = { error: String((cell.value as { error?: unknown }).error ?? '#VALUE!') };
          break;
        default:
          // Merge: the covered cells of a merged range show nothing; Excel reads them as empty too.
          break;
      }
    });
  });
  return { name: ws.name, top, left, values, formulas, numberFormats, tables };
}

/** The first cell of each shared formula block of a sheet, parsed once for all the cells that share it. */
type SharedFormulas = Map<string, { template: FormulaTemplate; row: number; col: number } | null>;

/**
 * A cell's own formula (without `=`): a shared formula's dependents get the first cell's formula
 * moved to them. `null` when the file names a shared formula whose first cell holds none.
 */
function formulaOf(ws: Worksheet, cell: Cell, shared: SharedFormulas): string | null {
  if (cell.formulaType !== FormulaType.Shared) return cell.formula || null;
  const master = (cell.value as CellSharedFormulaValue).sharedFormula;
  if (!shared.has(master)) {
    const masterCell = ws.getCell(master);
    const formula = masterCell.formula;
    shared.set(
      master,
      formula
        ? {
            template: parseFormulaTemplate(formula),
            row: Number(masterCell.row),
            col: Number(masterCell.col),
          }
        : null,
    );
  }
  const block = shared.get(master);
  return block
    ? renderShifted(block.template, Number(cell.row) - block.row, Number(cell.col) - block.col)
    : null;
}

function cachedResult(result: CellFormulaValue['result'], date1904: boolean): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  if (result instanceof Date) return excelSerial(result, date1904);
  if (typeof result === 'object' && 'error' in result) return { error: String(result.error) };
  return null;
}

/** ExcelJS turns date-formatted numbers into Dates; the Grid keeps Excel's serial number. */
function excelSerial(date: Date, date1904: boolean): number {
  return 25569 + date.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const rich = (value as CellRichTextValue | null)?.richText;
  return Array.isArray(rich) ? rich.map((run) => run.text).join('') : '';
}

function readTables(ws: Worksheet): { name: string; range: string }[] {
  const tables = (
    ws as unknown as {
      tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }>;
    }
  ).tables;
  const found: { name: string; range: string }[] = [];
  for (const [key, table] of Object.entries(tables ?? {})) {
    const range = table.table?.tableRef ?? table.table?.ref;
    if (range) found.push({ name: table.table?.name ?? key, range });
  }
  return found;
}

// ── Writing ────────────────────────────────────────────────────────────────────────────────

function writeCell(cell: Cell, write: CellWrite): void {
  if (write.formula !== undefined) {
    const result = write.value === null || write.value === undefined ? undefined : write.value;
    cell.value = { formula: write.formula.replace(/^=/, ''), result } as CellFormulaValue;
  } else if (write.value !== undefined) {
    // ExcelJS stores a JS string as text, whatever it starts with: `=B7/A7` in a log stays text.
    cell.value = write.value;
  }
  // Styles read from a file are shared between the cells of the same style: copy, never mutate.
  if (write.numberFormat !== undefined) cell.style = { ...cell.style, numFmt: write.numberFormat };
  // A cell without a font of its own gets the workbook's default one in bold, not a bare `<b/>` that LibreOffice prints in its serif.
  if (write.bold !== undefined)
    cell.style = { ...cell.style, font: { ...(cell.style.font ?? DEFAULT_FONT), bold: write.bold } };
  if (write.wrap !== undefined || write.align !== undefined) {
    const alignment: Partial<Alignment> = { ...cell.style.alignment };
    if (write.wrap !== undefined) alignment.wrapText = write.wrap;
    if (write.align?.horizontal) alignment.horizontal = write.align.horizontal;
    if (write.align?.vertical)
      alignment.vertical = write.align.vertical === 'center' ? 'middle' : write.align.vertical;
    cell.style = { ...cell.style, alignment };
  }
  if (write.border === 'thin') {
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    cell.style = { ...cell.style, border: { top: thin, left: thin, bottom: thin, right: thin } };
  }
  if (write.fill !== undefined) {
    cell.style = {
      ...cell.style,
      fill: {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: `FF${write.fill.replace(/^#/, '').toUpperCase()}` },
      },
    };
  }
}

const DEFAULT_FONT = { name: 'Calibri', size: 11, family: 2 } as const;

/** A merged range prints the borders and fill of all its cells: they take the style of its first one. */
function styleMergedCells(ws: Worksheet, range: string): void {
  const [first, last] = range.split(':').map((address) => ws.getCell(address));
  if (!last) return;
  for (let row = Number(first.row); row <= Number(last.row); row++) {
    for (let col = Number(first.col); col <= Number(last.col); col++) {
      if (row !== Number(first.row) || col !== Number(first.col))
        ws.getCell(row, col).style = { ...first.style };
    }
  }
}

/** Excel's header/footer section codes: `&L…&C…&R…`. */
function footerText(footer: PageFooter): string {
  return `${footer.left ? `&L${footer.left}` : ''}${footer.center ? `&C${footer.center}` : ''}${footer.right ? `&R${footer.right}` : ''}`;
}

/**
 * Turns every shared formula of the sheet into the cells' own formulas. A plan may overwrite the
 * first cell of a shared block, which the others point to; ExcelJS would then write them wrong.
 */
function expandSharedFormulas(ws: Worksheet): void {
  const sharedFormulas: SharedFormulas = new Map();
  const expanded: { cell: Cell; formula: string | null; result: CellFormulaValue['result'] }[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type !== ValueType.Formula) return;
      const value = cell.value as CellFormulaValue & { shareType?: string; ref?: string };
      if (cell.formulaType === FormulaType.Shared || value.shareType === 'shared') {
        expanded.push({
          cell,
          formula: formulaOf(ws, cell, sharedFormulas),
          result: cell.result as CellFormulaValue['result'],
        });
      }
    });
  });
  // Rewritten after the walk: the dependents' formulas are computed from the masters as read.
  // A dependent whose block has no readable formula keeps what Excel showed, as a value.
  for (const { cell, formula, result } of expanded) {
    cell.value = formula === null ? (result ?? null) : ({ formula, result } as CellFormulaValue);
  }
}

/** What ExcelJS keeps of a sheet's conditional formats (not in its typings). */
interface ConditionalFormattings {
  conditionalFormattings?: {
    ref: string;
    rules: { type: string; priority?: number; formulae?: string[] }[];
  }[];
}

/** `$G$27:$G$44` → `G27:G44`; a range of several areas (`A1:A3 C1:C3`) stays several. */
function rangeKey(range: string): string {
  return range.replace(/\$/g, '').trim().toUpperCase();
}

/**
 * Removes the expression rules with the removal's formula from the formats on exactly its range
 * (a format left without rules goes too); other formats stay. Returns the rules removed.
 */
function removeConditionalFormat(ws: Worksheet, removal: { range: string; formula: string }): number {
  const sheet = ws as unknown as ConditionalFormattings;
  const range = rangeKey(removal.range);
  const formula = formulaKey(removal.formula);
  let removed = 0;
  sheet.conditionalFormattings = (sheet.conditionalFormattings ?? []).filter((cf) => {
    if (rangeKey(cf.ref) !== range) return true;
    const kept = cf.rules.filter(
      (rule) => !(rule.type === 'expression' && formulaKey(rule.formulae?.[0] ?? '') === formula),
    );
    removed += cf.rules.length - kept.length;
    cf.rules = kept;
    return kept.length > 0;
  });
  return removed;
}

/** Adds the rule unless the sheet already has the same one on the same range (flagging twice changes nothing). */
function addConditionalFormat(ws: Worksheet, format: ConditionalFormat): boolean {
  const formula = format.formula.replace(/^=/, '');
  const existing = (ws as unknown as ConditionalFormattings).conditionalFormattings ?? [];
  const key = formulaKey(formula);
  const duplicate = existing.some(
    (cf) =>
      rangeKey(cf.ref) === rangeKey(format.range) &&
      cf.rules.some((rule) => rule.type === 'expression' && formulaKey(rule.formulae?.[0] ?? '') === key),
  );
  if (duplicate) return false;
  const priority = 1 + Math.max(0, ...existing.flatMap((cf) => cf.rules.map((rule) => rule.priority ?? 0)));
  ws.addConditionalFormatting({
    ref: format.range,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(format.fill) } },
          font: { color: { argb: argb(format.fontColor) } },
        },
      },
    ],
  });
  return true;
}

/** `#FFC7CE` or `FFC7CE` → `FFFFC7CE` (opaque ARGB, as ExcelJS wants it). */
function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

/** Appends the entries below the last row that holds anything; returns how many were written. */
function appendLog(ws: Worksheet, entries: LogEntry[]): number {
  let last = 0;
  ws.eachRow((_, rowNumber) => {
    last = rowNumber;
  });
  entries.forEach((entry, i) => {
    const row = ws.getRow(last + 1 + i);
    logRowValues(entry).forEach((value, c) => {
      // Plain values only: an old or new formula is logged as its text.
      row.getCell(c + 1).value = value ?? null;
    });
  });
  return entries.length;
}
