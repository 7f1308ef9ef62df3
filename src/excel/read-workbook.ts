import { a1, columnIndex, parseRange } from '../engine/address';
import type { CellValue, Grid, SheetGrid } from '../engine/grid';
import type { ReadNotice } from '../engine/host';
import { supportsVisibleCells } from './office-environment';
import { isSizeRefusal, officeErrorCode } from './office-errors';

/**
 * Reads every sheet's used range into the engine's Grid. The sheets must be named to be read, and
 * Office.js only names them after a sync; so the host remembers the workbook's shape (sheet and
 * table names) from its previous request and reads them all in ONE sync, checking the shape in the
 * same batch. Only the first read of a session, or a read after the user added or removed a sheet
 * or table, takes one more sync (or two after a removal).
 *
 * The same batch asks what the formula audit needs beside the cells: the calculation mode, and
 * (ExcelApi 1.9) each used range's visible cells, whose gaps are the hidden rows and columns.
 */

export interface WorkbookShape {
  sheets: string[];
  tables: { name: string; sheet: string }[];
}

export interface ReadResult {
  grid: Grid;
  shape: WorkbookShape;
  syncs: number;
  /** Sheets too large for one request: read in blocks, or left out. */
  notices: ReadNotice[];
}

interface QueuedReads {
  sheets: Map<string, Excel.Range>;
  /** Each used range's visible cells, when the requirement set has them. */
  visible: Map<string, Excel.RangeAreas>;
  tables: Map<string, Excel.Range>;
}

export async function readWorkbook(known: WorkbookShape | null): Promise<ReadResult> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const sheetList = context.workbook.worksheets.load('items/name');
    const tableList = context.workbook.tables.load('items/name, items/worksheet/name');
    const application = context.workbook.application.load('calculationMode');
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
      more.visible.forEach((areas, name) => queued.visible.set(name, areas));
      more.tables.forEach((range, name) => queued.tables.set(name, range));
    }
    // Excel on the web gives `values: null`, and no error, for a range of more than 5 million cells.
    const large = new Map<string, SheetGrid>();
    const notices: ReadNotice[] = [];
    for (const name of shape.sheets) {
      const range = queued.sheets.get(name) as Excel.Range;
      if (range.values !== null && range.values !== undefined) continue;
      const extent = {
        top: range.rowIndex,
        left: range.columnIndex,
        rows: range.rowCount,
        cols: range.columnCount,
      };
      const block = await readLargeSheet(context, name, extent, () => syncs++);
      large.set(name, block.sheet);
      notices.push({
        kind: block.complete ? 'blocks' : 'too-large',
        sheet: name,
        cells: extent.rows * extent.cols,
      });
    }
    const grid = toGrid(
      shape,
      (name) => large.get(name) ?? plainRange(queued.sheets.get(name) as Excel.Range),
      (name) => (queued.tables.get(name) as Excel.Range).address,
    );
    markHidden(grid, queued.sheets, queued.visible);
    grid.calculation = calculationOf(application);
    return { grid, shape, syncs, notices };
  });
}

function emptyReads(): QueuedReads {
  return { sheets: new Map(), visible: new Map(), tables: new Map() };
}

function queueReads(context: Excel.RequestContext, shape: WorkbookShape): QueuedReads {
  const reads = emptyReads();
  const visibleCells = supportsVisibleCells();
  for (const name of shape.sheets) {
    // Values only: formatting far below the data must not make the read huge.
    const range = context.workbook.worksheets.getItem(name).getUsedRange(true);
    range.load([
      'rowIndex',
      'columnIndex',
      'rowCount',
      'columnCount',
      'values',
      'formulas',
      'numberFormat',
      'valueTypes',
    ]);
    reads.sheets.set(name, range);
    if (visibleCells) reads.visible.set(name, queueVisible(range));
  }
  for (const table of shape.tables) {
    const range = context.workbook.tables.getItem(table.name).getRange();
    range.load('address');
    reads.tables.set(table.name, range);
  }
  return reads;
}

function queueVisible(usedRange: Excel.Range): Excel.RangeAreas {
  const areas = usedRange.getSpecialCellsOrNullObject('Visible');
  areas.load('address');
  return areas;
}

/** `Manual` is the only mode in which formulas wait to be recalculated. */
function calculationOf(application: Excel.Application): Grid['calculation'] {
  return application.calculationMode === 'Manual' ? 'manual' : 'automatic';
}

/**
 * Each sheet's hidden rows and columns, from its used range and that range's visible areas. Left
 * untold where Excel could not say: below ExcelApi 1.9, or no visible cell at all (every row or
 * every column hidden, which of the two the areas do not tell).
 */
function markHidden(
  grid: Grid,
  usedRanges: Map<string, Excel.Range>,
  visible: Map<string, Excel.RangeAreas>,
): void {
  for (const sheet of grid.sheets) {
    const areas = visible.get(sheet.name);
    const range = usedRanges.get(sheet.name);
    if (!areas || !range) continue;
    if (sheet.values.length === 0) {
      sheet.hiddenRows = [];
      sheet.hiddenColumns = [];
      continue;
    }
    if (areas.isNullObject) continue;
    const extent = {
      top: range.rowIndex,
      left: range.columnIndex,
      rows: range.rowCount,
      cols: range.columnCount,
    };
    const hidden = hiddenLinesOf(extent, areas.address);
    if (!hidden) continue;
    sheet.hiddenRows = hidden.rows;
    sheet.hiddenColumns = hidden.columns;
  }
}

/**
 * The rows and columns of a used range that no visible area covers, 0-based absolute; null when
 * an area cannot be read. `'RAA 2022'!A1:J18,'RAA 2022'!A20:J44` → row 18 (the 19th) hidden.
 */
export function hiddenLinesOf(
  extent: { top: number; left: number; rows: number; cols: number },
  address: string,
): { rows: number[]; columns: number[] } | null {
  // Coverage by difference arrays: the areas' count plus the range's size, whatever the areas' sizes.
  const rowMarks = new Int32Array(extent.rows + 1);
  const colMarks = new Int32Array(extent.cols + 1);
  for (const area of areasOf(address)) {
    const box = areaBox(area);
    if (!box) return null;
    const top = Math.max(box.top, extent.top) - extent.top;
    const bottom = Math.min(box.bottom, extent.top + extent.rows - 1) - extent.top;
    const left = Math.max(box.left, extent.left) - extent.left;
    const right = Math.min(box.right, extent.left + extent.cols - 1) - extent.left;
    if (top > bottom || left > right) continue;
    rowMarks[top]++;
    rowMarks[bottom + 1]--;
    colMarks[left]++;
    colMarks[right + 1]--;
  }
  const uncovered = (marks: Int32Array, length: number, start: number): number[] => {
    const lines: number[] = [];
    let depth = 0;
    for (let i = 0; i < length; i++) {
      depth += marks[i];
      if (depth === 0) lines.push(start + i);
    }
    return lines;
  };
  return {
    rows: uncovered(rowMarks, extent.rows, extent.top),
    columns: uncovered(colMarks, extent.cols, extent.left),
  };
}

/** The areas of a RangeAreas address, split at the commas outside quoted sheet names, without their sheet. */
function areasOf(address: string): string[] {
  const areas: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if ((ch === ',' && !quoted) || i === address.length) {
      const area = address.slice(start, i);
      const bang = area.lastIndexOf('!');
      if (area.trim() !== '') areas.push(bang < 0 ? area.trim() : area.slice(bang + 1));
      start = i + 1;
    }
  }
  return areas;
}

/** `B7:D9`, `B7`, whole rows `5:7`, whole columns `A:C`. */
function areaBox(area: string): { top: number; left: number; bottom: number; right: number } | null {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(area);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(area);
  if (columns)
    return { top: 0, bottom: 1048575, left: columnIndex(columns[1]), right: columnIndex(columns[2]) };
  return parseRange(area);
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
  sheetRange: (name: string) => RangeReading | SheetGrid,
  tableAddress: (name: string) => string,
): Grid {
  return {
    sheets: shape.sheets.map((name) => {
      const tables = shape.tables
        .filter((table) => table.sheet === name)
        .map((table) => ({ name: table.name, range: bareAddress(tableAddress(table.name)) }));
      const reading = sheetRange(name);
      if ('name' in reading) return tables.length > 0 ? { ...reading, tables } : reading;
      return sheetGridOf(name, reading, tables);
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
  const visible = new Map<string, Excel.RangeAreas>();
  const visibleCells = supportsVisibleCells();
  for (const name of shape.sheets) {
    const range = context.workbook.worksheets.getItem(name).getUsedRange(true);
    range.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    extents.set(name, range);
    if (visibleCells) visible.set(name, queueVisible(range));
  }
  const application = context.workbook.application.load('calculationMode');
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
  markHidden(grid, extents, visible);
  grid.calculation = calculationOf(application);
  return { grid, shape, syncs, notices: [] };
}

// ── sheets of more than 5 million cells ──────────────────────────────────────────────────────

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Cells one read request asks for: four properties each stay well under the 5 MB response limit. */
export const BLOCK_CELLS = 100_000;
/** More cells with content than this, and the sheet is left out: the pane could not hold it. */
export const MAX_LARGE_SHEET_CELLS = 20_000_000;
/** Bands a box is probed in per round. */
const BANDS = 16;

const boxCells = (box: Box): number => box.rows * box.cols;
const boxAddress = (box: Box): string =>
  `${a1(box.top, box.left)}:${a1(box.top + box.rows - 1, box.left + box.cols - 1)}`;

function bandsOf(box: Box): Box[] {
  const byRows = box.rows > 1;
  const length = byRows ? box.rows : box.cols;
  const size = Math.ceil(length / Math.min(BANDS, length));
  const bands: Box[] = [];
  for (let start = 0; start < length; start += size) {
    const span = Math.min(size, length - start);
    bands.push(
      byRows
        ? { top: box.top + start, left: box.left, rows: span, cols: box.cols }
        : { top: box.top, left: box.left + start, rows: 1, cols: span },
    );
  }
  return bands;
}

/**
 * A sheet whose used range is too large to read at once, read in blocks: first where its cells
 * with values are (each big box cut in bands, and each band's own used range asked for, a request
 * per round), then those boxes, a request per `BLOCK_CELLS` cells. A sheet with a few values far
 * apart costs the boxes around them, not the millions of empty cells between. The SheetGrid has
 * holes where nothing was read (rows, or the start of a row, with no values).
 */
async function readLargeSheet(
  context: Excel.RequestContext,
  name: string,
  extent: Box,
  onSync: () => void,
): Promise<{ sheet: SheetGrid; complete: boolean }> {
  const worksheet = context.workbook.worksheets.getItem(name);
  let boxes: Box[] = [extent];
  for (let round = 0; boxes.some((box) => boxCells(box) > BLOCK_CELLS) && round < 12; round++) {
    const probes = boxes.map((box) =>
      boxCells(box) > BLOCK_CELLS
        ? bandsOf(box).map((band) =>
            worksheet
              .getRange(boxAddress(band))
              .getUsedRangeOrNullObject(true)
              .load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']),
          )
        : null,
    );
    onSync();
    // One request per round of bands, only for a sheet Excel would not return at once.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    boxes = boxes.flatMap((box, i) => {
      const bands = probes[i];
      if (!bands) return [box];
      return bands
        .filter((band) => !band.isNullObject)
        .map((band) => ({
          top: band.rowIndex,
          left: band.columnIndex,
          rows: band.rowCount,
          cols: band.columnCount,
        }));
    });
    if (boxes.reduce((sum, box) => sum + boxCells(box), 0) > MAX_LARGE_SHEET_CELLS) break;
  }
  const total = boxes.reduce((sum, box) => sum + boxCells(box), 0);
  const empty: SheetGrid = { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
  if (total > MAX_LARGE_SHEET_CELLS || boxes.some((box) => boxCells(box) > BLOCK_CELLS))
    return { sheet: empty, complete: false };
  if (boxes.length === 0) return { sheet: empty, complete: true };

  const top = Math.min(...boxes.map((box) => box.top));
  const left = Math.min(...boxes.map((box) => box.left));
  const sheet: SheetGrid = { name, top, left, values: [], formulas: [], numberFormats: [] };
  const queue = [...boxes];
  while (queue.length > 0) {
    const group: Box[] = [];
    let cells = 0;
    while (queue.length > 0 && (group.length === 0 || cells + boxCells(queue[0]) <= BLOCK_CELLS)) {
      const box = queue.shift() as Box;
      group.push(box);
      cells += boxCells(box);
    }
    const ranges = group.map((box) =>
      worksheet.getRange(boxAddress(box)).load(['values', 'formulas', 'numberFormat', 'valueTypes']),
    );
    try {
      onSync();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Still too much for one response: the same boxes one by one, halved when refused.
      if (!isSizeRefusal(error)) throw error;
      queue.unshift(...group);
      return readBoxesOneByOne(context, worksheet, sheet, queue, onSync);
    }
    group.forEach((box, i) => placeReading(sheet, box, ranges[i]));
  }
  return { sheet, complete: true };
}

async function readBoxesOneByOne(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  sheet: SheetGrid,
  queue: Box[],
  onSync: () => void,
): Promise<{ sheet: SheetGrid; complete: boolean }> {
  while (queue.length > 0) {
    const box = queue.shift() as Box;
    const range = worksheet
      .getRange(boxAddress(box))
      .load(['values', 'formulas', 'numberFormat', 'valueTypes']);
    try {
      onSync();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isSizeRefusal(error) || box.rows < 2) throw error;
      const half = Math.ceil(box.rows / 2);
      queue.unshift({ ...box, rows: half }, { ...box, top: box.top + half, rows: box.rows - half });
      continue;
    }
    placeReading(sheet, box, range);
  }
  return { sheet, complete: true };
}

/** Puts one box's cells into the sparse SheetGrid, at their place. */
function placeReading(sheet: SheetGrid, box: Box, range: Excel.Range): void {
  const part = sheetGridOf(sheet.name, {
    rowIndex: box.top,
    columnIndex: box.left,
    values: range.values,
    formulas: range.formulas,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes,
  });
  part.values.forEach((row, r) => {
    const at = part.top + r - sheet.top;
    const values = (sheet.values[at] ??= []);
    const formulas = (sheet.formulas[at] ??= []);
    const formats = (sheet.numberFormats[at] ??= []);
    row.forEach((value, c) => {
      const col = part.left + c - sheet.left;
      values[col] = value;
      formulas[col] = part.formulas[r][c];
      formats[col] = part.numberFormats[r][c];
    });
  });
}
