import { a1 } from '../engine/address';
import type { CellValue, Grid, SheetGrid } from '../engine/grid';
import { isSizeRefusal, officeErrorCode } from './office-errors';

/**
 * Reads every sheet's used range into the engine's Grid. The sheets must be named to be read, and
 * Office.js only names them after a sync; so the host remembers the workbook's shape (sheet and
 * table names) from its previous request and reads them all in ONE sync, checking the shape in the
 * same batch. Only the first read of a session, or a read after the user added or removed a sheet
 * or table, takes one more sync (or two after a removal).
 */

export interface WorkbookShape {
  sheets: string[];
  tables: { name: string; sheet: string }[];
}

export interface ReadResult {
  grid: Grid;
  shape: WorkbookShape;
  syncs: number;
}

interface QueuedReads {
  sheets: Map<string, Excel.Range>;
  tables: Map<string, Excel.Range>;
}

export async function readWorkbook(known: WorkbookShape | null): Promise<ReadResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sheetList = context.workbook.worksheets.load('items/name');
    const tableList = context.workbook.tables.load('items/name, items/worksheet/name');
    const queued = known ? queueReads(context, known) : emptyReads();
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      // A sheet or table we knew is gone (or was renamed): start again from the names.
      if (!known || officeErrorCode(error) !== 'ItemNotFound') {
        if (isSizeRefusal(error))
          return readInChunks(context, known ?? (await listShape(context)), syncs + (known ? 0 : 1));
        throw error;
      }
      const fresh = await readWorkbook(null);
      return { ...fresh, syncs: fresh.syncs + syncs };
    }
    const shape: WorkbookShape = {
      sheets: sheetList.items.map((sheet) => sheet.name),
      tables: tableList.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
    };
    const missing: WorkbookShape = {
      sheets: shape.sheets.filter((name) => !queued.sheets.has(name)),
      tables: shape.tables.filter((table) => !queued.tables.has(table.name)),
    };
    if (missing.sheets.length > 0 || missing.tables.length > 0) {
      const more = queueReads(context, missing);
      try {
        syncs++;
        await context.sync();
      } catch (error) {
        if (isSizeRefusal(error)) return readInChunks(context, shape, syncs);
        throw error;
      }
      more.sheets.forEach((range, name) => queued.sheets.set(name, range));
      more.tables.forEach((range, name) => queued.tables.set(name, range));
    }
    const grid = toGrid(
      shape,
      (name) => plainRange(queued.sheets.get(name) as Excel.Range),
      (name) => (queued.tables.get(name) as Excel.Range).address,
    );
    return { grid, shape, syncs };
  });
}

function emptyReads(): QueuedReads {
  return { sheets: new Map(), tables: new Map() };
}

function queueReads(context: Excel.RequestContext, shape: WorkbookShape): QueuedReads {
  const reads = emptyReads();
  for (const name of shape.sheets) {
    // Values only: formatting far below the data must not make the read huge.
    const range = context.workbook.worksheets.getItem(name).getUsedRange(true);
    range.load(['rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat', 'valueTypes']);
    reads.sheets.set(name, range);
  }
  for (const table of shape.tables) {
    const range = context.workbook.tables.getItem(table.name).getRange();
    range.load('address');
    reads.tables.set(table.name, range);
  }
  return reads;
}

async function listShape(context: Excel.RequestContext): Promise<WorkbookShape> {
  const sheetList = context.workbook.worksheets.load('items/name');
  const tableList = context.workbook.tables.load('items/name, items/worksheet/name');
  await context.sync();
  return {
    sheets: sheetList.items.map((sheet) => sheet.name),
    tables: tableList.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
  };
}

/** What the read of one used range returned, as plain data. */
export interface RangeReading {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

function plainRange(range: Excel.Range): RangeReading {
  return {
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    values: range.values,
    formulas: range.formulas,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes,
  };
}

function toGrid(
  shape: WorkbookShape,
  sheetRange: (name: string) => RangeReading,
  tableAddress: (name: string) => string,
): Grid {
  return {
    sheets: shape.sheets.map((name) => {
      const tables = shape.tables
        .filter((table) => table.sheet === name)
        .map((table) => ({ name: table.name, range: bareAddress(tableAddress(table.name)) }));
      return sheetGridOf(name, sheetRange(name), tables);
    }),
  };
}

/** `'RAA 2022'!A1:E9` → `A1:E9`. */
export function bareAddress(address: string): string {
  return address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
}

/**
 * One used range as a SheetGrid: error values become `{ error }`, empty cells `null`, and a formula
 * is kept only when the cell really holds one (a text constant `=abc` typed with an apostrophe comes
 * back from `formulas` as `=abc` too, but then it equals the cell's value).
 */
export function sheetGridOf(
  name: string,
  reading: RangeReading,
  tables: { name: string; range: string }[] = [],
): SheetGrid {
  const values: CellValue[][] = reading.values.map((row, r) =>
    row.map((value, c) => cellValueOf(value, reading.valueTypes[r]?.[c])),
  );
  const formulas = reading.formulas.map((row, r) =>
    row.map((formula, c) => {
      if (typeof formula !== 'string' || !formula.startsWith('=') || formula.length < 2) return null;
      const value = reading.values[r]?.[c];
      return reading.valueTypes[r]?.[c] === 'String' && value === formula ? null : formula;
    }),
  );
  const numberFormats = reading.numberFormat.map((row) =>
    row.map((format) => (typeof format === 'string' && format !== '' ? format : 'General')),
  );
  const sheet: SheetGrid = {
    name,
    top: reading.rowIndex,
    left: reading.columnIndex,
    values,
    formulas,
    numberFormats,
  };
  if (tables.length > 0) sheet.tables = tables;
  // An empty sheet's used range is its A1 cell: say "nothing" instead.
  if (values.length === 1 && values[0].length === 1 && values[0][0] === null && formulas[0][0] === null) {
    return { ...sheet, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
  }
  return sheet;
}

function cellValueOf(value: unknown, type: unknown): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * Excel refused to return everything at once (a response over its size limit): learn each used
 * range's size, then read it in row slices, halving a slice each time Excel refuses it.
 */
async function readInChunks(
  context: Excel.RequestContext,
  shape: WorkbookShape,
  syncsSoFar: number,
): Promise<ReadResult> {
  let syncs = syncsSoFar;
  const extents = new Map<string, Excel.Range>();
  for (const name of shape.sheets) {
    const range = context.workbook.worksheets.getItem(name).getUsedRange(true);
    range.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    extents.set(name, range);
  }
  const tableRanges = new Map<string, Excel.Range>();
  for (const table of shape.tables) {
    const range = context.workbook.tables.getItem(table.name).getRange();
    range.load('address');
    tableRanges.set(table.name, range);
  }
  syncs++;
  await context.sync();

  const readings = new Map<string, RangeReading>();
  for (const name of shape.sheets) {
    const extent = extents.get(name) as Excel.Range;
    const reading: RangeReading = {
      rowIndex: extent.rowIndex,
      columnIndex: extent.columnIndex,
      values: [],
      formulas: [],
      numberFormat: [],
      valueTypes: [],
    };
    let next = 0;
    let slice = Math.max(1, Math.ceil(extent.rowCount / 2));
    while (next < extent.rowCount) {
      const rows = Math.min(slice, extent.rowCount - next);
      const top = extent.rowIndex + next;
      const address = `${a1(top, extent.columnIndex)}:${a1(top + rows - 1, extent.columnIndex + extent.columnCount - 1)}`;
      const range = context.workbook.worksheets.getItem(name).getRange(address);
      range.load(['values', 'formulas', 'numberFormat', 'valueTypes']);
      try {
        syncs++;
        // Only when Excel refused the one-sync read: the slices must go one by one.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (isSizeRefusal(error) && rows > 1) {
          slice = Math.ceil(rows / 2);
          continue;
        }
        throw error;
      }
      reading.values.push(...range.values);
      reading.formulas.push(...range.formulas);
      reading.numberFormat.push(...range.numberFormat);
      reading.valueTypes.push(...range.valueTypes);
      next += rows;
    }
    readings.set(name, reading);
  }
  const grid = toGrid(
    shape,
    (name) => readings.get(name) as RangeReading,
    (name) => (tableRanges.get(name) as Excel.Range).address,
  );
  return { grid, shape, syncs };
}
