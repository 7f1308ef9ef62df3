import type { RawCellContent } from 'hyperformula';
import { parseA1 } from '../../engine/address';
import type { Grid } from '../../engine/grid';
import { isCellError } from '../../engine/grid';
import {
  cellKey,
  parseBox,
  typedEntry,
  type FakeScalar,
  type FakeSheet,
  type FakeWorkbookDocument,
} from './document';
import { FakeExcel, type FakeOfficeOptions } from './fake-excel';

/**
 * Builds a fake Excel from a plain description (the playground's sample workbook, test workbooks)
 * or from an engine `Grid`. Loading is not a request: it takes no sync.
 */

export interface FakeCellDescription {
  /** A constant; a string is always text here, even when it starts with `=`. */
  value?: FakeScalar | null;
  /** English formula starting with `=`; its value is computed. */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

export interface FakeSheetDescription {
  name: string;
  /** Cells by A1 address. A bare string starting with `=` is a formula, any other bare value a constant. */
  cells: Record<string, FakeCellDescription | FakeScalar>;
  /** Column widths in characters, by column letter. */
  columnWidths?: Record<string, number>;
  merges?: string[];
  /** Excel tables (ListObjects) with their range including the header row. */
  tables?: { name: string; range: string }[];
}

export interface FakeWorkbookDescription {
  sheets: FakeSheetDescription[];
  activeSheet?: string;
}

/** Excel's column width: characters of the default font → points (`format.columnWidth` is in points). */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function pointsToCharacterWidth(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

export function loadWorkbookIntoFake(
  description: FakeWorkbookDescription | Grid,
  options: FakeOfficeOptions = {},
): FakeExcel {
  const fake = new FakeExcel(options);
  if (isGrid(description)) loadGrid(fake.document, description);
  else loadDescription(fake.document, description);
  return fake;
}

function isGrid(description: FakeWorkbookDescription | Grid): description is Grid {
  return description.sheets.some((sheet) => 'values' in sheet);
}

function loadDescription(document: FakeWorkbookDocument, description: FakeWorkbookDescription): void {
  for (const sheetDescription of description.sheets) {
    const sheet = document.addSheet(sheetDescription.name);
    const contents: { row: number; col: number; content: RawCellContent }[] = [];
    for (const [address, described] of Object.entries(sheetDescription.cells)) {
      const ref = parseA1(address);
      if (!ref)
        throw new Error(`loadWorkbookIntoFake: '${address}' on '${sheet.name}' is not a cell address`);
      const cell: FakeCellDescription =
        typeof described === 'object'
          ? described
          : typeof described === 'string' && described.startsWith('=')
            ? { formula: described }
            : { value: described };
      const content = cell.formula ?? cell.value ?? null;
      contents.push({
        row: ref.row,
        col: ref.col,
        content: cell.formula ? cell.formula : constantContent(content),
      });
      if (cell.numberFormat && cell.numberFormat !== 'General')
        sheet.numberFormats.set(cellKey(ref.row, ref.col), cell.numberFormat);
      if (cell.bold) sheet.bold.set(cellKey(ref.row, ref.col), true);
    }
    writeContents(document, sheet, contents);
    for (const [letters, characters] of Object.entries(sheetDescription.columnWidths ?? {})) {
      const box = parseBox(`${letters}1`);
      sheet.columnWidths.set(box.left, characterWidthToPoints(characters));
    }
    for (const merge of sheetDescription.merges ?? []) sheet.merges.push(parseBox(merge));
    for (const table of sheetDescription.tables ?? [])
      sheet.tables.push({ name: table.name, box: parseBox(table.range) });
  }
  if (description.activeSheet) document.activeSheet = document.sheet(description.activeSheet).name;
}

function loadGrid(document: FakeWorkbookDocument, grid: Grid): void {
  for (const sheetGrid of grid.sheets) {
    const sheet = document.addSheet(sheetGrid.name);
    const rows = sheetGrid.values.map((values, r) =>
      values.map((value, c) => {
        const formula = sheetGrid.formulas[r]?.[c];
        const format = sheetGrid.numberFormats[r]?.[c];
        if (format && format !== 'General')
          sheet.numberFormats.set(cellKey(sheetGrid.top + r, sheetGrid.left + c), format);
        if (formula) return formula;
        return isCellError(value) ? value.error : constantContent(value);
      }),
    );
    if (rows.length > 0) {
      const width = Math.max(...rows.map((row) => row.length));
      const padded = rows.map((row) => [...row, ...new Array<RawCellContent>(width - row.length).fill(null)]);
      document.hf.setCellContents({ sheet: sheet.hfId, row: sheetGrid.top, col: sheetGrid.left }, padded);
    }
    for (const table of sheetGrid.tables ?? [])
      sheet.tables.push({ name: table.name, box: parseBox(table.range) });
  }
  document.changed();
}

/** A constant as HyperFormula must get it to keep it as it is (text never parsed as a number or date). */
function constantContent(value: FakeScalar | null): RawCellContent {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return `'${value}`;
  return typedEntry(value);
}

function writeContents(
  document: FakeWorkbookDocument,
  sheet: FakeSheet,
  contents: { row: number; col: number; content: RawCellContent }[],
): void {
  if (contents.length === 0) return;
  const top = Math.min(...contents.map((cell) => cell.row));
  const left = Math.min(...contents.map((cell) => cell.col));
  const bottom = Math.max(...contents.map((cell) => cell.row));
  const right = Math.max(...contents.map((cell) => cell.col));
  if ((bottom - top + 1) * (right - left + 1) > 4 * contents.length + 1024) {
    // Sparse (a value far from the others, as at XFD400): each run of neighbouring cells on its own.
    const sorted = [...contents].sort((a, b) => a.row - b.row || a.col - b.col);
    let run: typeof contents = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const first = run[0];
      const cells = new Array<RawCellContent>(run[run.length - 1].col - first.col + 1).fill(null);
      for (const cell of run) cells[cell.col - first.col] = cell.content;
      document.hf.setCellContents({ sheet: sheet.hfId, row: first.row, col: first.col }, [cells]);
      run = [];
    };
    for (const cell of sorted) {
      const last = run[run.length - 1];
      if (last && (last.row !== cell.row || cell.col - last.col > 64)) flush();
      run.push(cell);
    }
    flush();
    document.changed();
    return;
  }
  const matrix: RawCellContent[][] = Array.from({ length: bottom - top + 1 }, () =>
    new Array<RawCellContent>(right - left + 1).fill(null),
  );
  for (const cell of contents) matrix[cell.row - top][cell.col - left] = cell.content;
  document.hf.setCellContents({ sheet: sheet.hfId, row: top, col: left }, matrix);
  document.changed();
}
