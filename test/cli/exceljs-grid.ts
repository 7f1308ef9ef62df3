/**
 * The Grid as the CLI read it before SheetJS: ExcelJS 4.4's full read (with the two fixes of
 * exceljs-read-fixes.ts). Kept only as the reference the new reader is compared with.
 */
import { FormulaType, ValueType, Workbook } from 'exceljs';
import type { Cell, CellFormulaValue, CellRichTextValue, CellSharedFormulaValue, Worksheet } from 'exceljs';
import { readFileSync } from 'node:fs';
import { blankCells } from '../../src/engine';
import type { CellValue, Grid, SheetGrid } from '../../src/engine';
import { parseFormulaTemplate, renderShifted } from '../../src/cli/formula-shift';
import type { FormulaTemplate } from '../../src/cli/formula-shift';
import { applyExcelJsReadFixes } from './exceljs-read-fixes';

/** ExcelJS's Grid of the .xlsx at `path`; throws what ExcelJS throws. */
export async function readGridWithExcelJs(path: string): Promise<Grid> {
  applyExcelJsReadFixes();
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  return { sheets: workbook.worksheets.map((ws) => readSheet(ws, date1904)), locale: 'it' };
}

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
