/**
 * Grid — the host-neutral picture of a workbook. Both hosts (Office.js and ExcelJS) produce it in
 * one read: per sheet, the cached values, the formulas and the number formats of the used range.
 */

/** An Excel error value such as `#DIV/0!`, cached as a formula's result. */
export interface CellError {
  error: string;
}

/** A cell's cached value: what Excel shows (a formula's last result, or the typed constant). */
export type CellValue = number | string | boolean | null | CellError;

export interface SheetGrid {
  name: string;
  /** 0-based row of the first row in `values` (the used range's top). */
  top: number;
  /** 0-based column of the first column in `values` (the used range's left). */
  left: number;
  /** Cached values, `values[r][c]` is the cell at row `top + r`, column `left + c`. */
  values: CellValue[][];
  /** Formulas in English A1 syntax starting with `=`, or `null` where the cell holds a constant. */
  formulas: (string | null)[][];
  /** en-US number format codes (`General`, `0.00%`, `#,##0.00 [$€-410]`). */
  numberFormats: string[][];
  /** Excel tables (ListObjects) on this sheet, with their A1 range including the header row. */
  tables?: { name: string; range: string }[];
  /** 0-based rows and columns hidden on the sheet (HIDDEN_CELLS); absent when the host does not tell. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

export interface Grid {
  sheets: SheetGrid[];
  /** Decides ambiguous numbers such as `1.234`; Italian unless the host says otherwise. */
  locale?: 'it' | 'en';
  /** `manual` when formulas do not recalculate by themselves (CALC_MANUAL); absent when unknown. */
  calculation?: 'automatic' | 'manual';
  /**
   * The other workbooks formulas link to, by the index OOXML stores (`=[1]Foglio1!A1` is
   * `externalWorkbooks[0]`), as file names; absent when the host does not tell.
   */
  externalWorkbooks?: string[];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** Reads a cell by 0-based absolute row and column; outside the used range it is empty. */
export function cellAt(
  sheet: SheetGrid,
  row: number,
  col: number,
): { value: CellValue; formula: string | null; numberFormat: string } {
  const r = row - sheet.top;
  const c = col - sheet.left;
  const values = sheet.values[r];
  if (!values || c < 0 || c >= values.length) return { value: null, formula: null, numberFormat: 'General' };
  return {
    value: values[c] ?? null,
    formula: sheet.formulas[r]?.[c] ?? null,
    numberFormat: sheet.numberFormats[r]?.[c] ?? 'General',
  };
}

/**
 * The indices an array holds (`from`…`to`), ascending. A host may give a sparse sheet (one cell at
 * XFD1048576, rows with holes): a long array costs its entries, never its length.
 */
export function presentIndices(items: readonly unknown[] | undefined, from = 0, to = Infinity): number[] {
  if (!items) return [];
  const start = Math.max(0, from);
  const end = Math.min(to, items.length - 1);
  const out: number[] = [];
  if (end < start) return out;
  if (end - start < DENSE_SCAN_LIMIT) {
    for (let i = start; i <= end; i++) if (items[i] !== undefined) out.push(i);
    return out;
  }
  // Integer keys come first and ascending (ECMA-262 OrdinaryOwnPropertyKeys).
  for (const key of Object.keys(items)) {
    const i = Number(key);
    if (!Number.isInteger(i)) break;
    if (i >= start && i <= end && items[i] !== undefined) out.push(i);
  }
  return out;
}

const DENSE_SCAN_LIMIT = 1024;

export function rowCount(sheet: SheetGrid): number {
  return sheet.values.length;
}

export function columnCount(sheet: SheetGrid): number {
  return sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
}

/** The arrays of a sheet's used range, every cell empty (`null`, no formula, `General`), ready to fill. */
export function blankCells(
  height: number,
  width: number,
): Pick<SheetGrid, 'values' | 'formulas' | 'numberFormats'> {
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const numberFormats: string[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill(null);
    formulas[r] = new Array<string | null>(width).fill(null);
    numberFormats[r] = new Array<string>(width).fill('General');
  }
  return { values, formulas, numberFormats };
}
