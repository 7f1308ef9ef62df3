import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { a1, columnLetter } from '../../engine/address';
import { FakeOfficeError } from './errors';

/**
 * The workbook behind the fake Excel: sheets held by HyperFormula (so formulas compute), plus what
 * HyperFormula does not keep (number formats, bold, column widths, merges, conditional formats,
 * print setup, tables, the selection). No proxies here: the request context calls these methods
 * when a `context.sync()` runs its queue.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type FakeScalar = number | string | boolean;
/** What a `values`/`formulas` setter takes per cell; `null` leaves the cell as it is (as in Office.js). */
export type FakeCellInput = FakeScalar | null;

/** `Range.valueTypes` as Office.js names them. */
export type FakeValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

/** `Excel.ConditionalFormatType` as Office.js names them; the add-in writes only `Custom`. */
export type FakeConditionalFormatType =
  | 'Custom'
  | 'DataBar'
  | 'ColorScale'
  | 'IconSet'
  | 'TopBottom'
  | 'PresetCriteria'
  | 'ContainsText'
  | 'CellValue';

export interface ConditionalFormatState {
  type: FakeConditionalFormatType;
  box: CellBox;
  /** Custom rule formula, relative to the box's top-left cell. */
  formula: string | null;
  /**
   * More areas the format applies to besides `box` (the user inserted rows or cleared formats in
   * the middle of it): then `getRangeOrNullObject` is a null object and `getRanges` lists them all.
   */
  areas?: CellBox[];
  fill: string | null;
  fontColor: string | null;
}

export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  /** `headersFooters.defaultForAllPages`' footers; absent until one is set. */
  footer?: { left?: string; center?: string; right?: string };
}

/** One edge of a cell's border, as `range.format.borders.getItem(edge)` sets it. */
export interface BorderState {
  style?: string;
  weight?: string;
  color?: string;
}

/** What `range.format` sets on a cell besides bold and the column width. */
export interface CellFormatState {
  wrapText?: boolean;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** By edge of the cell: `EdgeTop`, `EdgeBottom`, `EdgeLeft`, `EdgeRight`. */
  borders?: Record<string, BorderState>;
}

export interface TableState {
  name: string;
  box: CellBox;
}

export class FakeSheet {
  readonly numberFormats = new Map<string, string>();
  readonly bold = new Map<string, boolean>();
  /** Column widths in points, by 0-based column (Office.js `format.columnWidth` is in points). */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  /** Wrap, fill, alignment and borders, by `row:col`. */
  readonly cellFormats = new Map<string, CellFormatState>();
  readonly merges: CellBox[] = [];
  /** In the order they were added: the last one has the top priority, as `conditionalFormats.add` gives it. */
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly tables: TableState[] = [];
  /** `worksheet.protection.protected`: writes to the sheet fail with `AccessDenied`, as in Excel. */
  protected = false;
  /** 0-based rows and columns the user hid: outside `getSpecialCells('Visible')`. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  pageLayout: PageLayoutState = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    printTitleRows: null,
  };

  constructor(
    public name: string,
    readonly hfId: number,
  ) {}
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

export function boxCellCount(box: CellBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

/** `A1`, `A1:B2` (the sheet part, if any, is not part of the box). */
export function boxAddress(box: CellBox): string {
  if (box.left === 0 && box.right === MAX_COLUMNS - 1) return `${box.top + 1}:${box.bottom + 1}`;
  if (box.top === 0 && box.bottom === MAX_ROWS - 1)
    return `${columnLetter(box.left)}:${columnLetter(box.right)}`;
  const start = a1(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? start : `${start}:${a1(box.bottom, box.right)}`;
}

/** How Office.js writes a sheet name in an address: quoted when it is not a plain word. */
export function qualifiedAddress(sheet: string, box: CellBox): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  const name = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${boxAddress(box)}`;
}

/** Parses `A1`, `$A$1:B2`, `5:7` (whole rows), `A:H` (whole columns). */
export function parseBox(address: string): CellBox {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = bare.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts[0] === '') throw invalidAddress(address);
  const corners = parts.map((part) => parseCorner(part, address));
  const first = corners[0];
  const last = corners[corners.length - 1];
  if ((first.row === null) !== (last.row === null) || (first.col === null) !== (last.col === null))
    throw invalidAddress(address);
  if (parts.length === 1 && (first.row === null || first.col === null)) throw invalidAddress(address);
  const top = first.row ?? 0;
  const bottom = last.row ?? MAX_ROWS - 1;
  const left = first.col ?? 0;
  const right = last.col ?? MAX_COLUMNS - 1;
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

function parseCorner(part: string, address: string): { row: number | null; col: number | null } {
  const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) throw invalidAddress(address);
  let col: number | null = null;
  if (m[1] !== '') {
    col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
  }
  const row = m[2] === '' ? null : Number(m[2]) - 1;
  if ((row !== null && (row < 0 || row >= MAX_ROWS)) || (col !== null && col >= MAX_COLUMNS))
    throw invalidAddress(address);
  return { row, col };
}

function invalidAddress(address: string): FakeOfficeError {
  return new FakeOfficeError({
    code: 'InvalidArgument',
    message: `The argument is invalid or missing or has an incorrect format: '${address}'.`,
    errorLocation: 'Worksheet.getRange',
  });
}

const EXCEL_ERRORS = new Set([
  '#DIV/0!',
  '#N/A',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#REF!',
  '#VALUE!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

/** HyperFormula's error values that Excel does not have, in Excel's words. */
function excelErrorText(error: DetailedCellError): string {
  if (EXCEL_ERRORS.has(error.value)) return error.value;
  if (error.value === '#ERROR!') return '#NAME?';
  return '#VALUE!';
}

/** An en-US number as Excel parses a typed entry: `123`, `-1,234.5`, `12%`, `1e3`. */
const TYPED_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?%?$/i;

/**
 * What a string does when written to a cell through `values` or `formulas`: what typing it does.
 * `'text` stays text (the apostrophe is the prefix character), `=…` is a formula, `+…`/`-…` that are
 * not numbers become formulas too, numbers and TRUE/FALSE are converted, anything else is text.
 */
export function typedEntry(input: FakeScalar): RawCellContent {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new FakeOfficeError({
        code: 'InvalidArgument',
        message: 'The argument is invalid: a cell value must be a finite number.',
        errorLocation: 'Range.values',
      });
    return input;
  }
  if (typeof input === 'boolean') return input;
  if (input === '') return null;
  if (input.startsWith("'")) return input;
  const trimmed = input.trim();
  if (trimmed !== '' && /\d/.test(trimmed) && TYPED_NUMBER.test(trimmed)) {
    const percent = trimmed.endsWith('%');
    const number = Number(trimmed.replace(/[,%]/g, ''));
    if (Number.isFinite(number)) return percent ? number / 100 : number;
  }
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  if (input.startsWith('=') && input.length > 1) return input;
  if (input.startsWith('+') || input.startsWith('-')) return `=${input}`;
  if (input.startsWith('@')) {
    throw new FakeOfficeError({
      code: 'InvalidArgument',
      message: "There's a problem with this formula.",
      errorLocation: 'Range.values',
    });
  }
  return `'${input}`;
}

export interface CellReading {
  value: FakeScalar;
  type: FakeValueType;
  /** The formula, or the constant as `Range.formulas` returns it (`''` when empty). */
  formula: FakeScalar;
  numberFormat: string;
}

export class FakeWorkbookDocument {
  readonly hf: HyperFormula;
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; box: CellBox } | null = null;
  /** Bumped on every change; the playground redraws on it. */
  version = 0;
  /** `application.calculationMode`. */
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  private suspended = false;
  private usedBoxes = new Map<FakeSheet, CellBox | null>();

  constructor() {
    // No smart rounding: Excel returns full doubles (1.2289431848753698), not 10 significant digits.
    this.hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', smartRounding: false });
  }

  // ── sheets ─────────────────────────────────────────────────────────────────────────────────

  findSheet(name: string): FakeSheet | null {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted) ?? null;
  }

  /** Like `worksheets.getItem`: case-insensitive, `ItemNotFound` when missing. */
  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet)
      throw new FakeOfficeError({
        code: 'ItemNotFound',
        message: `The requested resource doesn't exist. (worksheet '${name}')`,
        errorLocation: 'WorksheetCollection.getItem',
      });
    return sheet;
  }

  addSheet(name: string): FakeSheet {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[[\]:*?/\\]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw new FakeOfficeError({
        code: 'InvalidArgument',
        message: `The argument is invalid or missing or has an incorrect format. (sheet name '${name}')`,
        errorLocation: 'WorksheetCollection.add',
      });
    }
    if (this.findSheet(name)) {
      throw new FakeOfficeError({
        code: 'ItemAlreadyExists',
        message: `The resource being created already exists. (worksheet '${name}')`,
        errorLocation: 'WorksheetCollection.add',
      });
    }
    this.resume();
    this.hf.addSheet(name);
    const sheet = new FakeSheet(name, this.hf.getSheetId(name) as number);
    this.sheets.push(sheet);
    if (this.activeSheet === null) this.activeSheet = sheet.name;
    this.changed();
    return sheet;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    if (this.sheets.length === 1) {
      throw new FakeOfficeError({
        code: 'InvalidOperation',
        message: 'A workbook must contain at least one visible worksheet.',
        errorLocation: 'Worksheet.delete',
      });
    }
    this.resume();
    this.hf.removeSheet(sheet.hfId);
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet.name) this.activeSheet = this.sheets[Math.max(0, index - 1)].name;
    if (this.selection?.sheet === sheet.name) this.selection = null;
    this.changed();
  }

  moveSheet(sheet: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new FakeOfficeError({
        code: 'InvalidArgument',
        message: `The argument is invalid: position ${position}.`,
        errorLocation: 'Worksheet.position',
      });
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.changed();
  }

  nextSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
    }
  }

  // ── writing ────────────────────────────────────────────────────────────────────────────────

  /** `range.values = …` or `range.formulas = …`: a 2-D array the size of the box, or one scalar for all. */
  writeEntries(
    sheet: FakeSheet,
    box: CellBox,
    input: FakeCellInput[][] | FakeCellInput,
    location: string,
  ): void {
    this.checkWritable(sheet, 'Range.formulas');
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const matrix = Array.isArray(input) ? input : null;
    if (matrix) checkDimensions(matrix, rows, cols, location);
    const entries: RawCellContent[][] = [];
    let holes = false;
    for (let r = 0; r < rows; r++) {
      const row: RawCellContent[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = matrix ? matrix[r][c] : (input as FakeCellInput);
        if (cell === null || cell === undefined) {
          holes = true;
          row.push(undefined);
        } else {
          row.push(typedEntry(cell));
        }
      }
      entries.push(row);
    }
    this.suspend();
    if (!holes) {
      this.hf.setCellContents({ sheet: sheet.hfId, row: box.top, col: box.left }, entries);
    } else {
      entries.forEach((row, r) =>
        row.forEach((entry, c) => {
          if (entry !== undefined)
            this.hf.setCellContents({ sheet: sheet.hfId, row: box.top + r, col: box.left + c }, entry);
        }),
      );
    }
    this.usedBoxes.delete(sheet);
    this.changed();
  }

  writeNumberFormats(
    sheet: FakeSheet,
    box: CellBox,
    input: (string | null)[][] | string | null,
    location: string,
  ): void {
    this.checkWritable(sheet, 'Range.numberFormat');
    this.eachCell(box, input, location, (row, col, format) => {
      if (format === null || format === undefined) return;
      if (typeof format !== 'string')
        throw new FakeOfficeError({
          code: 'InvalidArgument',
          message: 'A number format must be a string.',
          errorLocation: location,
        });
      if (format === 'General') sheet.numberFormats.delete(cellKey(row, col));
      else sheet.numberFormats.set(cellKey(row, col), format);
    });
    this.usedBoxes.delete(sheet);
    this.changed();
  }

  setBold(sheet: FakeSheet, box: CellBox, bold: boolean): void {
    this.checkWritable(sheet, 'RangeFont.bold');
    this.eachCell(box, null, 'RangeFont.bold', (row, col) => {
      if (bold) sheet.bold.set(cellKey(row, col), true);
      else sheet.bold.delete(cellKey(row, col));
    });
    this.changed();
  }

  setColumnWidth(sheet: FakeSheet, box: CellBox, points: number): void {
    this.checkWritable(sheet, 'RangeFormat.columnWidth');
    for (let col = box.left; col <= box.right; col++) sheet.columnWidths.set(col, points);
    this.changed();
  }

  setRowHeight(sheet: FakeSheet, box: CellBox, points: number): void {
    this.checkWritable(sheet, 'RangeFormat.rowHeight');
    for (let row = box.top; row <= box.bottom; row++) sheet.rowHeights.set(row, points);
    this.changed();
  }

  /** Sets one `range.format` property on every cell of the box. */
  setCellFormat(
    sheet: FakeSheet,
    box: CellBox,
    property: 'wrapText' | 'fill' | 'horizontalAlignment' | 'verticalAlignment',
    value: string | boolean,
    location: string,
  ): void {
    this.checkWritable(sheet, 'RangeFormat');
    this.eachCell(box, null, location, (row, col) => {
      const key = cellKey(row, col);
      sheet.cellFormats.set(key, { ...sheet.cellFormats.get(key), [property]: value });
    });
    this.changed();
  }

  /**
   * `borders.getItem(edge)` of a range: an outer edge sets that side of the cells along it, an
   * inside edge the sides between the range's cells (as in Excel, shared by both neighbours).
   */
  setBorder(sheet: FakeSheet, box: CellBox, edge: string, patch: BorderState): void {
    this.checkWritable(sheet, 'RangeBorder');
    const sides: [row: number, col: number, side: string][] = [];
    for (let row = box.top; row <= box.bottom; row++) {
      for (let col = box.left; col <= box.right; col++) {
        if (edge === 'EdgeTop' && row === box.top) sides.push([row, col, 'EdgeTop']);
        if (edge === 'EdgeBottom' && row === box.bottom) sides.push([row, col, 'EdgeBottom']);
        if (edge === 'EdgeLeft' && col === box.left) sides.push([row, col, 'EdgeLeft']);
        if (edge === 'EdgeRight' && col === box.right) sides.push([row, col, 'EdgeRight']);
        if (edge === 'InsideHorizontal' && row > box.top)
          sides.push([row, col, 'EdgeTop'], [row - 1, col, 'EdgeBottom']);
        if (edge === 'InsideVertical' && col > box.left)
          sides.push([row, col, 'EdgeLeft'], [row, col - 1, 'EdgeRight']);
      }
    }
    if (
      !['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'].includes(edge)
    ) {
      throw new FakeOfficeError({ code: 'InvalidArgument', errorLocation: 'RangeBorderCollection.getItem' });
    }
    for (const [row, col, side] of sides) {
      const key = cellKey(row, col);
      const format = sheet.cellFormats.get(key) ?? {};
      sheet.cellFormats.set(key, {
        ...format,
        borders: { ...format.borders, [side]: { ...format.borders?.[side], ...patch } },
      });
    }
    this.changed();
  }

  merge(sheet: FakeSheet, box: CellBox, across: boolean): void {
    this.checkWritable(sheet, 'Range.merge');
    const boxes = across ? rowsOf(box) : [box];
    for (const merged of boxes) {
      if (sheet.merges.some((other) => overlaps(other, merged))) {
        throw new FakeOfficeError({
          code: 'MergedRangeConflict',
          message: 'Cannot merge cells that overlap an existing merge.',
          errorLocation: 'Range.merge',
        });
      }
      sheet.merges.push(merged);
    }
    this.changed();
  }

  addConditionalFormat(
    sheet: FakeSheet,
    box: CellBox,
    type: FakeConditionalFormatType = 'Custom',
  ): ConditionalFormatState {
    this.checkWritable(sheet, 'ConditionalFormatCollection.add');
    const format: ConditionalFormatState = { type, box, formula: null, fill: null, fontColor: null };
    sheet.conditionalFormats.push(format);
    this.changed();
    return format;
  }

  deleteConditionalFormat(sheet: FakeSheet, format: ConditionalFormatState): void {
    this.checkWritable(sheet, 'ConditionalFormat.delete');
    const index = sheet.conditionalFormats.indexOf(format);
    if (index < 0) throw conditionalFormatNotFound('ConditionalFormat.delete');
    sheet.conditionalFormats.splice(index, 1);
    this.changed();
  }

  /** What `range.conditionalFormats` holds: the sheet's formats that overlap the box, top priority first. */
  conditionalFormatsOverlapping(sheet: FakeSheet, box: CellBox): ConditionalFormatState[] {
    return [...sheet.conditionalFormats]
      .reverse()
      .filter((format) => [format.box, ...(format.areas ?? [])].some((area) => overlaps(area, box)));
  }

  select(sheet: FakeSheet, box: CellBox): void {
    this.activeSheet = sheet.name;
    this.selection = { sheet: sheet.name, box };
    this.changed();
  }

  activate(sheet: FakeSheet): void {
    this.activeSheet = sheet.name;
    this.changed();
  }

  changed(): void {
    this.version++;
  }

  /** Excel refuses any change to a protected sheet's cells and formats. */
  private checkWritable(sheet: FakeSheet, location: string): void {
    if (!sheet.protected) return;
    throw new FakeOfficeError({
      code: 'AccessDenied',
      message: `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`,
      errorLocation: location,
    });
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────────

  /** Every cell of the box as `Range.values`, `valueTypes`, `formulas`, `numberFormat` return them. */
  readBox(sheet: FakeSheet, box: CellBox): CellReading[][] {
    this.resume();
    const range = {
      start: { sheet: sheet.hfId, row: box.top, col: box.left },
      end: { sheet: sheet.hfId, row: box.bottom, col: box.right },
    };
    const values = this.hf.getRangeValues(range);
    const formulas = this.hf.getRangeFormulas(range);
    return values.map((row, r) =>
      row.map((value, c) => {
        const format = sheet.numberFormats.get(cellKey(box.top + r, box.left + c)) ?? 'General';
        const formula = formulas[r]?.[c];
        if (value instanceof DetailedCellError) {
          const text = excelErrorText(value);
          return { value: text, type: 'Error' as const, formula: formula ?? text, numberFormat: format };
        }
        if (value === null || value === undefined) {
          // A formula that points at an empty cell shows 0 in Excel.
          return formula
            ? { value: 0, type: 'Double' as const, formula, numberFormat: format }
            : { value: '', type: 'Empty' as const, formula: '', numberFormat: format };
        }
        const type: FakeValueType =
          typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String';
        return { value, type, formula: formula ?? value, numberFormat: format };
      }),
    );
  }

  cell(sheet: FakeSheet, row: number, col: number): CellReading {
    return this.readBox(sheet, { top: row, left: col, bottom: row, right: col })[0][0];
  }

  /** The used range: cells with content, and with `valuesOnly` false also formatted ones; `null` on an empty sheet. */
  /**
   * The visible cells of a box as `getSpecialCells('Visible')` gives them: each run of visible rows
   * by each run of visible columns, row by row; none when every row or every column is hidden.
   */
  visibleAreas(sheet: FakeSheet, box: CellBox): CellBox[] {
    const rows = visibleRuns(box.top, box.bottom, sheet.hiddenRows);
    const columns = visibleRuns(box.left, box.right, sheet.hiddenColumns);
    return rows.flatMap(([top, bottom]) => columns.map(([left, right]) => ({ top, left, bottom, right })));
  }

  usedBox(sheet: FakeSheet, valuesOnly: boolean): CellBox | null {
    this.resume();
    let content = this.usedBoxes.get(sheet);
    if (content === undefined) {
      content = this.contentBox(sheet);
      this.usedBoxes.set(sheet, content);
    }
    if (valuesOnly) return content;
    let box = content;
    const keys = [...sheet.numberFormats.keys(), ...sheet.bold.keys()];
    for (const key of keys) {
      const [row, col] = key.split(':').map(Number);
      box = box
        ? {
            top: Math.min(box.top, row),
            left: Math.min(box.left, col),
            bottom: Math.max(box.bottom, row),
            right: Math.max(box.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }

  /** The used part of a box (`Range.getUsedRange`): `null` when nothing in it is used. */
  usedBoxWithin(sheet: FakeSheet, box: CellBox, valuesOnly: boolean): CellBox | null {
    this.resume();
    let used = this.contentBox(sheet, box);
    if (valuesOnly) return used;
    for (const key of [...sheet.numberFormats.keys(), ...sheet.bold.keys()]) {
      const [row, col] = key.split(':').map(Number);
      if (row < box.top || row > box.bottom || col < box.left || col > box.right) continue;
      used = used
        ? {
            top: Math.min(used.top, row),
            left: Math.min(used.left, col),
            bottom: Math.max(used.bottom, row),
            right: Math.max(used.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return used;
  }

  /**
   * The smallest box holding every cell with content (inside `within` if given). Scans inwards from
   * the edges and stops at the first cell found, so a sheet with one far-away value costs rows and
   * columns, not the millions of empty cells between.
   */
  private contentBox(sheet: FakeSheet, within?: CellBox): CellBox | null {
    const { width, height } = this.hf.getSheetDimensions(sheet.hfId);
    if (width === 0 || height === 0) return null;
    const area = {
      top: within?.top ?? 0,
      left: within?.left ?? 0,
      bottom: Math.min(height - 1, within?.bottom ?? height - 1),
      right: Math.min(width - 1, within?.right ?? width - 1),
    };
    if (area.bottom < area.top || area.right < area.left) return null;
    const filled = (content: unknown): boolean => content !== null && content !== undefined && content !== '';
    const rowHas = (row: number): boolean =>
      this.hf
        .getRangeSerialized({
          start: { sheet: sheet.hfId, row, col: area.left },
          end: { sheet: sheet.hfId, row, col: area.right },
        })[0]
        .some(filled);
    let top = area.top;
    while (top <= area.bottom && !rowHas(top)) top++;
    if (top > area.bottom) return null;
    let bottom = area.bottom;
    while (!rowHas(bottom)) bottom--;
    const columnHas = (col: number): boolean => {
      for (let row = top; row <= bottom; row++)
        if (filled(this.hf.getCellSerialized({ sheet: sheet.hfId, row, col }))) return true;
      return false;
    };
    let left = area.left;
    while (!columnHas(left)) left++;
    let right = area.right;
    while (!columnHas(right)) right--;
    return { top, left, bottom, right };
  }

  /** The conditional formats whose rule is true for a cell, evaluated by HyperFormula (for drawing). */
  conditionalFormatsAt(sheet: FakeSheet, row: number, col: number): ConditionalFormatState[] {
    const hits: ConditionalFormatState[] = [];
    for (const format of sheet.conditionalFormats) {
      const { box } = format;
      if (!format.formula || row < box.top || row > box.bottom || col < box.left || col > box.right) continue;
      this.resume();
      const shifted = shiftFormula(format.formula, row - box.top, col - box.left);
      const result = this.hf.calculateFormula(shifted, sheet.hfId);
      if (result === true || (typeof result === 'number' && result !== 0)) hits.push(format);
    }
    return hits;
  }

  /** Writes are applied with evaluation suspended; the first read after them recomputes once. */
  private suspend(): void {
    if (!this.suspended) {
      this.hf.suspendEvaluation();
      this.suspended = true;
    }
  }

  resume(): void {
    if (this.suspended) {
      this.suspended = false;
      this.hf.resumeEvaluation();
    }
  }

  private eachCell<T>(
    box: CellBox,
    input: T[][] | T | null,
    location: string,
    visit: (row: number, col: number, entry: T | null) => void,
  ): void {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const matrix = Array.isArray(input) ? (input as T[][]) : null;
    if (matrix) checkDimensions(matrix, rows, cols, location);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++)
        visit(box.top + r, box.left + c, matrix ? matrix[r][c] : (input as T | null));
    }
  }
}

export function conditionalFormatNotFound(location: string): FakeOfficeError {
  return new FakeOfficeError({
    code: 'ItemNotFound',
    message: "The requested resource doesn't exist. (conditional format)",
    errorLocation: location,
  });
}

function checkDimensions(matrix: unknown[][], rows: number, cols: number, location: string): void {
  if (matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError({
      code: 'InvalidArgument',
      message:
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      errorLocation: location,
    });
  }
}

function rowsOf(box: CellBox): CellBox[] {
  const rows: CellBox[] = [];
  for (let row = box.top; row <= box.bottom; row++) rows.push({ ...box, top: row, bottom: row });
  return rows;
}

function overlaps(a: CellBox, b: CellBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Moves the relative references of a formula by (rows, cols), as Excel does when it applies a
 * conditional-format rule written for the top-left cell to another cell of the range.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(
    /("(?:[^"]|"")*")|(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(])/g,
    (
      match,
      literal: string | undefined,
      colAbs: string,
      letters: string,
      rowAbs: string,
      digits: string,
      offset: number,
      whole: string,
    ) => {
      if (literal) return literal;
      const before = whole[offset - 1];
      if (before && /[A-Za-z0-9_.]/.test(before)) return match;
      let col = 0;
      for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
      const newCol = colAbs ? col - 1 : col - 1 + cols;
      const newRow = rowAbs ? Number(digits) - 1 : Number(digits) - 1 + rows;
      if (newCol < 0 || newRow < 0) return '#REF!';
      return `${colAbs}${columnLetter(newCol)}${rowAbs}${newRow + 1}`;
    },
  );
}

/** The runs of `from`…`to` not in `hidden`, as [first, last] pairs; costs the hidden lines, not the span. */
function visibleRuns(from: number, to: number, hidden: ReadonlySet<number>): [number, number][] {
  const inside = [...hidden].filter((line) => line >= from && line <= to).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  let start = from;
  for (const line of inside) {
    if (line > start) runs.push([start, line - 1]);
    start = line + 1;
  }
  if (start <= to) runs.push([start, to]);
  return runs;
}
