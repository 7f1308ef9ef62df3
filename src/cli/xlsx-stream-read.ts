/**
 * `check`'s reader: the Grid of an .xlsx without building ExcelJS's workbook. ExcelJS's full read
 * (`XlsxWorkbook.open`) turns every cell into objects (models, then Rows, Cells and Values) before
 * `grid()` keeps a fraction of them; this reader walks each worksheet's XML once, with the XML
 * parser ExcelJS uses, and keeps per cell only what `grid()` reads. The other parts are read with
 * ExcelJS's own parsers (styles, shared strings, workbook, relationships, tables, comments,
 * drawings), so that they mean the same and fail the same.
 *
 * The Grid is `grid()`'s, cell for cell: the rules below are ExcelJS 4.4's (pinned), quirks included
 * (which cells count as empty, merged and hyperlinked cells, dates, shared formulas, `_x…_`). What
 * this reader does not reproduce exactly — a structure ExcelJS would read some odd way, or refuse —
 * it does not guess: it hands the file to the full read, whose Grid or problem is then the answer.
 */
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import { inflateRawSync } from 'node:zlib';
import { blankCells } from '../engine';
import type { CellValue, Grid, SheetGrid } from '../engine';
import { parseFormulaTemplate, renderShifted } from './formula-shift';
import type { FormulaTemplate } from './formula-shift';
import { readLocalFile } from './local-file';
import type { FileProblem } from './local-file';
import { inspectPackage } from './xlsx-package';

export type StreamReadResult =
  /** `streamed`: read here; false when the full ExcelJS read had to answer (see above). */
  { ok: true; grid: Grid; streamed: boolean } | { ok: false; problem: FileProblem };

export interface StreamReadOptions {
  /** How ambiguous numbers such as `1.234` are read; Italian unless told otherwise. */
  locale?: 'it' | 'en';
}

/** The Grid of the .xlsx at `path`, as `XlsxWorkbook.open(path)` then `grid()` would give it; or why the file cannot be read. */
export async function readGridStreaming(
  path: string,
  options: StreamReadOptions = {},
): Promise<StreamReadResult> {
  const locale = options.locale ?? 'it';
  const bytes = await readLocalFile(path);
  if (!Buffer.isBuffer(bytes)) return { ok: false, problem: bytes };
  const info = inspectPackage(bytes);
  if (info.kind !== 'xlsx') return { ok: false, problem: { reason: info.kind, path } };
  let sheets: SheetGrid[] | null = null;
  try {
    sheets = await readSheets(bytes);
  } catch {
    // Not read here (see the top of the file): the full read decides, Grid or problem.
    sheets = null;
  }
  if (sheets === null) return fullRead(path, locale);
  if (sheets.length === 0) return { ok: false, problem: { reason: 'zip-not-xlsx', path } };
  return { ok: true, grid: { sheets, locale }, streamed: true };
}

async function fullRead(path: string, locale: 'it' | 'en'): Promise<StreamReadResult> {
  const { XlsxWorkbook } = await import('./xlsx-host');
  const opened = await XlsxWorkbook.open(path, { locale });
  if (!opened.ok) return opened;
  return { ok: true, grid: opened.workbook.grid(), streamed: false };
}

/** Thrown for anything this reader leaves to the full read. */
class NotHere extends Error {}

function notHere(why: string): never {
  throw new NotHere(why);
}

// ── ExcelJS pieces reused as they are: same parser, same style, string and table models ─────────

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}

interface SaxParser {
  on(event: 'opentag' | 'closetag', handler: (node: SaxNode) => void): void;
  on(event: 'text', handler: (text: string) => void): void;
  on(event: 'error', handler: (error: Error) => void): void;
  write(chunk: string): unknown;
}

interface Xform<M> {
  parseStream(chunks: Iterable<string>): Promise<M>;
}

interface StylesXform extends Xform<unknown> {
  model: { dxfs?: unknown[] } | null;
  getStyleModel(id: number): { numFmt?: string } | null;
}

interface SharedStringsXform extends Xform<unknown> {
  getString(index: number): unknown;
}

interface TableModel {
  name?: string;
  tableRef?: string;
}

interface Relationship {
  Id?: string;
  Type?: string;
  Target?: string;
}

interface WorkbookModel {
  sheets?: { name?: string; id: number; rId?: string }[];
  properties?: { date1904?: boolean };
}

interface ExcelJsParts {
  SaxesParser: new (options: { position: boolean }) => SaxParser;
  WorkbookXform: new () => Xform<WorkbookModel> & { reconcile(model: unknown): void };
  RelationshipsXform: new () => Xform<Relationship[]>;
  StylesXform: new () => StylesXform;
  SharedStringsXform: new () => SharedStringsXform;
  TableXform: new () => Xform<TableModel> & {
    reconcile(model: TableModel, options: { styles: StylesXform | undefined }): void;
  };
  AppXform: new () => Xform<unknown>;
  CoreXform: new () => Xform<unknown>;
  DrawingXform: new () => Xform<{ anchors?: unknown } | null>;
  CommentsXform: new () => Xform<{ comments?: unknown[] } | null>;
  VmlNotesXform: new () => Xform<{ comments?: unknown } | null>;
  utils: {
    isDateFmt(format: string | undefined): boolean;
    excelToDate(value: unknown, date1904: boolean | undefined): Date;
    xmlDecode(text: string): string;
  };
  colCache: { decodeEx(range: string): unknown };
}

let parts: ExcelJsParts | null = null;

/** The few ExcelJS modules the reader needs (not ExcelJS itself, which takes half a second to load). */
function excelJsParts(): ExcelJsParts {
  if (parts) return parts;
  const fromExcelJs = createRequire(require.resolve('exceljs'));
  // ExcelJS's internal modules have no typings: each is given the little of its interface used here.
  /* eslint-disable @typescript-eslint/no-require-imports */
  parts = {
    SaxesParser: (fromExcelJs('saxes') as { SaxesParser: ExcelJsParts['SaxesParser'] }).SaxesParser,
    WorkbookXform: require('exceljs/lib/xlsx/xform/book/workbook-xform') as ExcelJsParts['WorkbookXform'],
    RelationshipsXform:
      require('exceljs/lib/xlsx/xform/core/relationships-xform') as ExcelJsParts['RelationshipsXform'],
    StylesXform: require('exceljs/lib/xlsx/xform/style/styles-xform') as ExcelJsParts['StylesXform'],
    SharedStringsXform:
      require('exceljs/lib/xlsx/xform/strings/shared-strings-xform') as ExcelJsParts['SharedStringsXform'],
    TableXform: require('exceljs/lib/xlsx/xform/table/table-xform') as ExcelJsParts['TableXform'],
    AppXform: require('exceljs/lib/xlsx/xform/core/app-xform') as ExcelJsParts['AppXform'],
    CoreXform: require('exceljs/lib/xlsx/xform/core/core-xform') as ExcelJsParts['CoreXform'],
    DrawingXform: require('exceljs/lib/xlsx/xform/drawing/drawing-xform') as ExcelJsParts['DrawingXform'],
    CommentsXform: require('exceljs/lib/xlsx/xform/comment/comments-xform') as ExcelJsParts['CommentsXform'],
    VmlNotesXform: require('exceljs/lib/xlsx/xform/comment/vml-notes-xform') as ExcelJsParts['VmlNotesXform'],
    utils: require('exceljs/lib/utils/utils') as ExcelJsParts['utils'],
    colCache: require('exceljs/lib/utils/col-cache') as ExcelJsParts['colCache'],
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return parts;
}

// ── The zip ─────────────────────────────────────────────────────────────────────────────────

interface ZipEntry {
  method: number;
  compressedSize: number;
  dataStart: number;
}

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;

/**
 * The zip's files (folders left out), in the directory's order, by name without a leading `/`,
 * as ExcelJS sees them through JSZip. Zip64, encryption or an unknown compression: not here.
 */
function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) notHere('no end of directory');
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (
    count === 0xffff ||
    offset === 0xffffffff ||
    bytes.readUInt16LE(end + 8) !== count ||
    bytes.readUInt16LE(end + 4) !== 0
  )
    notHere('zip64 or multi-disk');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ZIP_CENTRAL_HEADER) notHere('damaged directory');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength > bytes.length) notHere('damaged directory');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    if (rawName.some((b) => b >= 0x80)) notHere('non-ASCII entry name');
    const name = rawName.toString('latin1');
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x0001) notHere('encrypted');
    if (method !== 0 && method !== 8) notHere('compression');
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) notHere('zip64');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== ZIP_LOCAL_HEADER)
      notHere('damaged local header');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (dataStart + compressedSize > bytes.length) notHere('truncated');
    if (name.endsWith('/')) continue;
    const key = name.startsWith('/') ? name.slice(1) : name;
    if (entries.has(key)) notHere('duplicate entry');
    entries.set(key, { method, compressedSize, dataStart });
  }
  return entries;
}

function entryBytes(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

/** Text in slices, decoded as JSZip decodes (UTF-8), never cutting a character in two. */
function* textChunks(data: Buffer, size = 1 << 20): Generator<string> {
  if (data.length <= size) {
    yield data.toString('utf8');
    return;
  }
  const decoder = new StringDecoder('utf8');
  for (let i = 0; i < data.length; i += size) {
    const text = decoder.write(data.subarray(i, i + size));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

// ── The workbook ────────────────────────────────────────────────────────────────────────────

const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const VML_DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

interface Context {
  x: ExcelJsParts;
  styles: StylesXform | undefined;
  sharedStrings: SharedStringsXform | undefined;
  date1904: boolean | undefined;
  /** The parts a sheet's relationships point to, by the keys ExcelJS files them under. */
  tables: Record<string, TableModel>;
  comments: Record<string, { comments?: unknown[] } | null>;
  vmlDrawings: Record<string, { comments?: unknown } | null>;
  drawings: Record<string, { anchors?: unknown } | null>;
}

async function readSheets(bytes: Buffer): Promise<SheetGrid[]> {
  const x = excelJsParts();
  const entries = zipEntries(bytes);
  const text = (entry: ZipEntry): string[] => [...textChunks(entryBytes(bytes, entry))];

  // Every part, told apart and parsed as ExcelJS's load does (same names, same order of tests, same
  // parsers), so that a part it would fail on sends the file to the full read; the sheets come after.
  let workbook: WorkbookModel | null | undefined;
  let workbookRels: Relationship[] | undefined;
  let styles: StylesXform | undefined;
  let sharedStrings: SharedStringsXform | undefined;
  const worksheetFiles: { path: string; sheetNo: string; entry: ZipEntry }[] = [];
  const worksheetRels: Record<string, Relationship[]> = {};
  const context: Context = {
    x,
    styles: undefined,
    sharedStrings: undefined,
    date1904: undefined,
    tables: {},
    comments: {},
    vmlDrawings: {},
    drawings: {},
  };
  for (const [name, entry] of entries) {
    switch (name) {
      case '_rels/.rels':
        await new x.RelationshipsXform().parseStream(text(entry));
        continue;
      case 'xl/workbook.xml':
        workbook = await new x.WorkbookXform().parseStream(text(entry));
        continue;
      case 'xl/_rels/workbook.xml.rels':
        workbookRels = await new x.RelationshipsXform().parseStream(text(entry));
        continue;
      case 'xl/sharedStrings.xml':
        sharedStrings = new x.SharedStringsXform();
        await sharedStrings.parseStream(text(entry));
        continue;
      case 'xl/styles.xml':
        styles = new x.StylesXform();
        await styles.parseStream(text(entry));
        continue;
      case 'docProps/app.xml':
        await new x.AppXform().parseStream(text(entry));
        continue;
      case 'docProps/core.xml':
        await new x.CoreXform().parseStream(text(entry));
        continue;
      default:
        break;
    }
    let match = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(name);
    if (match) worksheetFiles.push({ path: name, sheetNo: match[1], entry });
    else if ((match = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.exec(name)))
      worksheetRels[match[1]] = await new x.RelationshipsXform().parseStream(text(entry));
    else if (
      /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(name) ||
      /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/.test(name)
    )
      entryBytes(bytes, entry);
    else if ((match = /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/.exec(name)))
      context.drawings[match[1]] = await new x.DrawingXform().parseStream(text(entry));
    else if ((match = /xl\/(comments\d+)[.]xml/.exec(name)))
      context.comments[`../${match[1]}.xml`] = await new x.CommentsXform().parseStream(text(entry));
    else if ((match = /xl\/tables\/(table\d+)[.]xml/.exec(name)))
      context.tables[`../tables/${match[1]}.xml`] = await new x.TableXform().parseStream(text(entry));
    else if (/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/.test(name))
      await new x.RelationshipsXform().parseStream(text(entry));
    else if ((match = /xl\/drawings\/(vmlDrawing\d+)[.]vml/.exec(name)))
      context.vmlDrawings[`../drawings/${match[1]}.vml`] = await new x.VmlNotesXform().parseStream(
        text(entry),
      );
    else entryBytes(bytes, entry); // anything else is inflated all the same
  }
  if (!workbook) notHere('no workbook part');
  context.styles = styles;
  context.sharedStrings = sharedStrings;
  context.date1904 = workbook.properties && workbook.properties.date1904;
  for (const table of Object.values(context.tables)) new x.TableXform().reconcile(table, { styles });

  // Which files are the workbook's sheets: ExcelJS's own WorkbookXform.reconcile names them.
  const worksheetHash: Record<string, { name?: string; id?: number }> = {};
  for (const file of worksheetFiles) worksheetHash[file.path] = {};
  const reconciled = { ...workbook, workbookRels, worksheetHash, media: [] } as WorkbookModel & {
    definedNames?: { ranges: string[] }[];
  };
  new x.WorkbookXform().reconcile(reconciled);
  // A sheet file the workbook does not list: ExcelJS still reads it, and may fail on it.
  if (worksheetFiles.some((file) => !('id' in worksheetHash[file.path]))) notHere('unlisted sheet file');
  // Workbook.model indexes every cell of the defined names (DefinedNames.model): what can fail there is the decoding.
  for (const definedName of reconciled.definedNames ?? []) {
    for (const range of definedName.ranges) {
      if (/[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/.test(range.split('!').pop() || ''))
        x.colCache.decodeEx(range);
    }
  }

  // The Workbook's sheets: by sheetId, then in the order of workbook.xml (Workbook.model and .worksheets).
  const sheets = workbook.sheets;
  const byId: ({ name: string; orderNo: number | undefined; grid: SheetGrid } | undefined)[] = [];
  for (const file of worksheetFiles) {
    const { id, name: given } = worksheetHash[file.path] as { name: string | undefined; id: number };
    const name = sheetName(given, id, byId);
    const orderNo = sheets && sheets.findIndex((sheet) => sheet.id === id);
    const parsed = readWorksheet(bytes, file.entry, worksheetRels[file.sheetNo], context);
    byId[id] = { name, orderNo, grid: sheetGrid(name, parsed, Boolean(context.date1904)) };
  }
  return byId
    .slice(1)
    .sort((a, b) => (a?.orderNo as number) - (b?.orderNo as number))
    .filter(Boolean)
    .map((sheet) => (sheet as { grid: SheetGrid }).grid);
}

/** ExcelJS's Worksheet name rules; a name it would refuse or shorten (with a warning) is not read here. */
function sheetName(
  given: string | undefined,
  id: number,
  existing: ({ name: string } | undefined)[],
): string {
  const name = given === undefined ? `sheet${id}` : given;
  if (
    typeof name !== 'string' ||
    name === '' ||
    name === 'History' ||
    /[*?:/\\[\]]/.test(name) ||
    /(^')|('$)/.test(name) ||
    name.length > 31
  ) {
    notHere('sheet name');
  }
  if (existing.find((sheet) => sheet && sheet.name.toLowerCase() === name.toLowerCase()))
    notHere('duplicate sheet name');
  return name;
}

// ── A worksheet ─────────────────────────────────────────────────────────────────────────────

/** ExcelJS's value types, as far as a Grid tells them apart. */
const NULL = 0;
const MERGE = 1;
const NUMBER = 2;
const STRING = 3;
const DATE = 4;
const HYPERLINK = 5;
const FORMULA = 6;
const RICH_TEXT = 8;
const BOOLEAN = 9;
const ERROR = 10;
/** A `<c>` with neither a value nor a style: ExcelJS keeps no cell for it, unless a hyperlink lands on it. */
const DROPPED = -1;

interface CellModel {
  /** The `r` attribute, as written. */
  address: string;
  type: number;
  /** The value of a constant; the text of a hyperlink. */
  value: unknown;
  formula: string | undefined;
  /** Address of the first cell of the shared formula this cell follows. */
  sharedFormula: string | undefined;
  result: unknown;
  numFmt: string | undefined;
}

interface RowModel {
  number: number;
  /** The row's own style's format, which a cell ExcelJS creates in it (a merged one) takes. */
  numFmt: string | undefined;
  cells: (CellModel | undefined)[];
}

interface ParsedSheet {
  rows: (RowModel | undefined)[];
  tables: { name: string; range: string }[];
}

/** An `A1` address (capital letters, then a row number without leading zeros); anything else is not read here. */
function decodeCell(address: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (
    i === 0 ||
    i > 3 ||
    col > 16384 ||
    i === address.length ||
    address.charCodeAt(i) === 48 ||
    address.length - i > 7
  )
    notHere('cell address');
  let row = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) notHere('cell address');
    row = row * 10 + code - 48;
  }
  return { row, col };
}

/** The elements of a `<worksheet>` ExcelJS reads with a parser of their own (WorksheetXform's map), besides the lists below. */
const KNOWN_TOP = new Set([
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'autoFilter',
  'rowBreaks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'conditionalFormatting',
  'extLst',
]);

/** The lists read here, and the one element each holds. */
const LIST_CHILD = new Map<string, string>([
  ['cols', 'col'],
  ['mergeCells', 'mergeCell'],
  ['hyperlinks', 'hyperlink'],
  ['tableParts', 'tablePart'],
]);

/** Elements whose closing tag CellXform acts on even inside a rich text run. */
const CELL_TAGS = new Set(['c', 'f', 'v', 'is', 't', 'r', 'rPr']);

/**
 * One worksheet's XML, walked as ExcelJS's WorksheetXform, RowXform and CellXform walk it, then
 * reconciled as its reconcile and Worksheet.model do (hyperlinks, shared formulas, merges, tables).
 */
function readWorksheet(
  bytes: Buffer,
  entry: ZipEntry,
  relationships: Relationship[] | undefined,
  context: Context,
): ParsedSheet {
  const { x, styles, sharedStrings, date1904 } = context;
  /** Rows and columns: `options.styles.getStyleModel`, which fails without a styles part. */
  const styleOf = (id: number): { numFmt?: string } | null => {
    if (!styles) notHere('styles missing');
    return styles.getStyleModel(id);
  };
  /** Cells: the style's format and whether ExcelJS reads it as a date, once per style. */
  const cellStyles: ({ numFmt: string | undefined; isDate: boolean } | null)[] = [];
  const cellStyleOf = (id: number): { numFmt: string | undefined; isDate: boolean } | null => {
    let known = cellStyles[id];
    if (known === undefined) {
      const style = styles ? styles.getStyleModel(id) : null;
      known = style ? { numFmt: style.numFmt, isDate: x.utils.isDateFmt(style.numFmt) } : null;
      if (id >= 0 && id < 100_000) cellStyles[id] = known;
    }
    return known;
  };

  const rows: (RowModel | undefined)[] = [];
  const cols: { min: number; max: number; styleId?: number }[] = [];
  const merges: (string | undefined)[] = [];
  const hyperlinks: { address: string | undefined; rId: string | undefined }[] = [];
  const tableParts: (string | undefined)[] = [];
  let drawingRId: string | undefined | null = null;
  let pictureRId: string | undefined | null = null;
  let dxfRules = false;
  let dropped = 0;
  const formulae = new Map<string, string>();

  // Where the walk is.
  let rootOpen = false;
  let rootClosed = false;
  let section = '';
  let skipName = '';
  let skipDepth = 0;
  const seen = new Set<string>();
  let listChild = '';
  let row: RowModel | null = null;

  // The cell being read (CellXform's state).
  let inCell = false;
  let address = '';
  let t: string | undefined;
  let styleId: number | undefined;
  let currentNode = '';
  let value: string | { richText: { text?: string }[] } | undefined;
  let formula: string | undefined;
  let si: string | undefined;
  let shareType: string | undefined;
  let ref: string | undefined;
  // A rich text run (RichTextXform) and where in it.
  let run: { text?: string } | null = null;
  let runPart = '';
  let runText: string[] = [];
  let rPrDepth = 0;

  const closeCell = (): void => {
    const { row: cellRow, col } = decodeCell(address);
    if (!row || cellRow !== row.number) notHere('cell outside its row');
    if (row.cells[col - 1]) notHere('cell given twice');
    if (typeof value === 'object' && (t !== 'inlineStr' || formula || shareType))
      notHere('rich text where ExcelJS does not expect it');
    // CellXform.parseClose, with the fix for a cached "" (exceljs-read-fixes.ts).
    const emptyStringResult = t === 'str' && (formula !== undefined || shareType !== undefined) && !value;
    let type: number;
    let cellValue: unknown = value;
    let result: unknown;
    if (formula || shareType) {
      type = FORMULA;
      if (value) {
        const text = value as string;
        if (t === 'str') result = x.utils.xmlDecode(text);
        else if (t === 'b') result = parseInt(text, 10) !== 0;
        else if (t === 'e') result = { error: text };
        else result = parseFloat(text);
        cellValue = undefined;
      }
    } else if (value !== undefined) {
      switch (t) {
        case 's':
          type = STRING;
          cellValue = parseInt(value as string, 10);
          break;
        case 'str':
          type = STRING;
          cellValue = x.utils.xmlDecode(value as string);
          break;
        case 'inlineStr':
          type = STRING;
          break;
        case 'b':
          type = BOOLEAN;
          cellValue = parseInt(value as string, 10) !== 0;
          break;
        case 'e':
          type = ERROR;
          cellValue = { error: value };
          break;
        default:
          type = NUMBER;
          cellValue = parseFloat(value as string);
          break;
      }
    } else if (styleId) {
      type = NULL;
    } else {
      type = DROPPED;
      dropped++;
    }
    if (emptyStringResult) result = '';

    // CellXform.reconcile (the hyperlinks come after the sheet: they are at its end).
    const style = styleId ? cellStyleOf(styleId) : null;
    let sharedFormula: string | undefined;
    if (type === STRING) {
      if (typeof cellValue === 'number' && sharedStrings) cellValue = sharedStrings.getString(cellValue);
      if (cellValue === undefined || cellValue === null) notHere('no such shared string');
      if ((cellValue as { richText?: unknown }).richText) type = RICH_TEXT;
    } else if (type === NUMBER) {
      if (style && style.isDate) {
        type = DATE;
        cellValue = x.utils.excelToDate(cellValue, date1904);
      }
    } else if (type === FORMULA) {
      if (result !== undefined && style && style.isDate) result = x.utils.excelToDate(result, date1904);
      if (shareType === 'shared') {
        if (ref) formulae.set(String(si), address);
        else sharedFormula = formulae.get(String(si));
      }
    }
    row.cells[col - 1] = {
      address,
      type,
      value: cellValue,
      formula,
      sharedFormula,
      result,
      numFmt: style ? style.numFmt : undefined,
    };
  };

  const openInCell = (node: SaxNode): void => {
    const { name } = node;
    if (run) {
      if (runPart === 'rPr') {
        // The run's font: nothing a Grid reads.
        if (CELL_TAGS.has(name)) notHere(`<${name}> in a run's font`);
        rPrDepth++;
      } else if (runPart === 't') notHere(`<${name}> in a run's text`);
      else if (name === 't') {
        runPart = 't';
        runText = [];
      } else if (name === 'rPr') {
        runPart = 'rPr';
        rPrDepth = 0;
      } else notHere(`<${name}> in a run`);
      return;
    }
    switch (name) {
      case 'f':
        currentNode = 'f';
        si = node.attributes.si;
        shareType = node.attributes.t;
        ref = node.attributes.ref;
        return;
      case 'v':
      case 't':
        currentNode = name;
        return;
      case 'r':
        run = {};
        runPart = '';
        return;
      case 'is':
        return;
      default:
        notHere(`<${name}> in a cell`);
    }
  };

  const closeInCell = (name: string): void => {
    if (!run) {
      if (name === 'c') {
        inCell = false;
        closeCell();
      } else currentNode = '';
      return;
    }
    if (runPart === 'rPr') {
      if (rPrDepth > 0) rPrDepth--;
      else runPart = '';
    } else if (runPart === 't') {
      // TextXform: the run's text, with Excel's `_xHHHH_` escapes read.
      run.text = runText
        .join('')
        .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      runPart = '';
    } else {
      // `</r>`: the only element left open in a run.
      if (value !== undefined && typeof value !== 'object') notHere('text before a run');
      value = value ?? { richText: [] };
      value.richText.push(run);
      run = null;
      currentNode = '';
    }
  };

  const open = (node: SaxNode): void => {
    if (inCell) {
      openInCell(node);
      return;
    }
    const { name, attributes } = node;
    if (section === 'skip') {
      if (name === skipName) skipDepth++;
      if (name === 'cfRule' && attributes.dxfId !== undefined) dxfRules = true;
      return;
    }
    if (section === 'sheetData') {
      if (row) {
        if (name !== 'c') notHere(`<${name}> in a row`);
        if (attributes.r === undefined) notHere('cell without an address');
        inCell = true;
        address = attributes.r;
        t = attributes.t;
        styleId = attributes.s ? parseInt(attributes.s, 10) : undefined;
        currentNode = '';
        value = undefined;
        formula = undefined;
        si = undefined;
        shareType = undefined;
        ref = undefined;
        run = null;
        return;
      }
      if (name !== 'row') notHere(`<${name}> in sheetData`);
      const number = parseInt(attributes.r, 10);
      if (!(number >= 1)) notHere('row without a number');
      if (rows[number - 1]) notHere('row given twice');
      // RowXform.reconcile and Row.model: the row's style, which only a cell created later takes.
      const rowStyle =
        attributes.s && parseInt(attributes.s, 10) ? styleOf(parseInt(attributes.s, 10)) : null;
      row = { number, numFmt: rowStyle ? rowStyle.numFmt : undefined, cells: [] };
      rows[number - 1] = row;
      return;
    }
    if (section) {
      // cols, mergeCells, hyperlinks, tableParts: lists of empty elements.
      if (listChild || name !== LIST_CHILD.get(section)) notHere(`<${name}> in ${section}`);
      listChild = name;
      if (section === 'cols') {
        const col: { min: number; max: number; styleId?: number } = {
          min: parseInt(attributes.min || '0', 10),
          max: parseInt(attributes.max || '0', 10),
        };
        if (attributes.style) col.styleId = parseInt(attributes.style, 10);
        cols.push(col);
      } else if (section === 'mergeCells') merges.push(attributes.ref);
      else if (section === 'hyperlinks')
        hyperlinks.push({ address: attributes.ref, rId: attributes['r:id'] });
      else tableParts.push(attributes['r:id']);
      return;
    }
    if (!rootOpen) {
      if (name !== 'worksheet') notHere('not a worksheet');
      rootOpen = true;
      return;
    }
    // WorksheetXform looks names up in a plain object: `constructor` and the like would break it.
    if (rootClosed || name === 'worksheet' || name in Object.prototype) notHere(`<${name}>`);
    if (name === 'sheetData' || LIST_CHILD.has(name) || KNOWN_TOP.has(name)) {
      if (seen.has(name)) {
        if (name !== 'conditionalFormatting') notHere(`two ${name}`);
      }
      seen.add(name);
      if (name === 'drawing') drawingRId = attributes['r:id'];
      if (name === 'picture') pictureRId = attributes['r:id'];
      if (KNOWN_TOP.has(name)) {
        section = 'skip';
        skipName = name;
        skipDepth = 0;
      } else section = name;
    }
    // Any other element: ExcelJS skips it and reads what it holds by name, as here.
  };

  const text = (chunk: string): void => {
    if (!inCell) return;
    if (run) {
      if (runPart === 't') runText.push(chunk);
      return;
    }
    if (currentNode === 'f') formula = formula ? formula + chunk : chunk;
    else if (currentNode === 'v' || currentNode === 't') {
      if (typeof value === 'object') return; // after a run: ExcelJS puts it nowhere a Grid reads
      value = value ? value + chunk : chunk;
    }
  };

  const close = (node: SaxNode): void => {
    const { name } = node;
    if (inCell) closeInCell(name);
    else if (section === 'skip') {
      if (name === skipName && skipDepth-- === 0) section = '';
    } else if (section === 'sheetData') {
      if (row) row = null;
      else section = '';
    } else if (section) {
      if (listChild) listChild = '';
      else section = '';
    } else if (name === 'worksheet') rootClosed = true;
  };

  const parser = new x.SaxesParser({ position: false });
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', open);
  parser.on('text', text);
  parser.on('closetag', close);
  for (const chunk of textChunks(entryBytes(bytes, entry))) {
    parser.write(chunk);
    if (failed) notHere('not well-formed XML');
  }
  if (!rootClosed) notHere('unfinished worksheet');

  // WorksheetXform.reconcile: the sheet's relationships, comments and notes, hyperlinks, rules, drawing, tables.
  const rels: Record<string, Relationship> = {};
  let comments: unknown[] | undefined;
  for (const rel of relationships ?? []) {
    rels[rel.Id as string] = rel;
    if (rel.Type === COMMENTS_REL) {
      const part = context.comments[rel.Target as string];
      if (!part) notHere('comments part missing');
      comments = part.comments;
    }
    if (rel.Type === VML_DRAWING_REL && comments && comments.length) {
      const part = context.vmlDrawings[rel.Target as string];
      if (!part || !part.comments) notHere('notes part missing');
    }
  }
  const hyperlinkMap = new Map<string, string | undefined>();
  for (const hyperlink of hyperlinks) {
    if (!hyperlink.rId) continue;
    const rel = rels[hyperlink.rId];
    if (!rel) notHere('hyperlink without its relationship');
    hyperlinkMap.set(String(hyperlink.address), rel.Target);
  }
  const columnFormats = columnNumFmts(cols, styleOf);
  if (dxfRules && !styles?.model?.dxfs) notHere('conditional format without its style');
  if (drawingRId !== null) {
    const rel = rels[drawingRId as string];
    if (!rel || typeof rel.Target !== 'string') notHere('drawing without its relationship');
    const match = rel.Target.match(/\/drawings\/([a-zA-Z0-9]+)[.][a-zA-Z]{3,4}$/);
    if (match && !context.drawings[match[1]]?.anchors) notHere('drawing part missing');
  }
  if (pictureRId !== null) {
    const rel = rels[pictureRId as string];
    if (rel && typeof rel.Target !== 'string') notHere('background without its target');
  }
  const tableModels = tableParts.map((rId) => {
    const rel = rels[rId as string];
    if (!rel) notHere('table without its relationship');
    const table = context.tables[rel.Target as string];
    if (!table) notHere('table part missing');
    return table;
  });

  // Hyperlinks: the cell shows its text (or its formula's result), and keeps no formula.
  if (hyperlinkMap.size > 0) {
    for (const each of rows) {
      for (const cell of each?.cells ?? []) {
        if (!cell || !hyperlinkMap.get(cell.address)) continue;
        if (cell.type === FORMULA) {
          cell.value = cell.result;
          cell.result = undefined;
        }
        if (cell.type === DROPPED) dropped--;
        cell.type = HYPERLINK;
      }
    }
  }
  // Row.model keeps no cell for the rest of the empty, unstyled `<c>`s.
  if (dropped > 0) {
    for (const each of rows) {
      each?.cells.forEach((cell, c) => {
        if (cell?.type === DROPPED) each.cells[c] = undefined;
      });
    }
  }

  // Merged cells (mergeCellsWithoutStyle): every cell but the first is a Merge cell, with its own style.
  const done: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const merge of merges) {
    const range = decodeRange(merge);
    if (
      done.some(
        (other) =>
          !(
            range.bottom < other.top ||
            range.top > other.bottom ||
            range.right < other.left ||
            range.left > other.right
          ),
      )
    ) {
      notHere('overlapping merges');
    }
    done.push(range);
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 100_000) notHere('huge merge');
    for (let i = range.top; i <= range.bottom; i++) {
      for (let j = range.left; j <= range.right; j++) {
        if (i === range.top && j === range.left) continue;
        const mergedRow = rows[i - 1] ?? (rows[i - 1] = { number: i, numFmt: undefined, cells: [] });
        const cell =
          mergedRow.cells[j - 1] ??
          (mergedRow.cells[j - 1] = {
            address: '',
            type: NULL,
            value: undefined,
            formula: undefined,
            sharedFormula: undefined,
            result: undefined,
            // A cell ExcelJS creates takes its row's format, else its column's.
            numFmt: mergedRow.numFmt || columnFormats[j - 1],
          });
        cell.type = MERGE;
        cell.value = undefined;
      }
    }
  }

  // Worksheet.model's tables, by name; then readTables' list.
  const byName: Record<string, TableModel> = {};
  for (const table of tableModels) byName[table.name as string] = table;
  const found: { name: string; range: string }[] = [];
  for (const [key, table] of Object.entries(byName)) {
    const range = table.tableRef;
    if (range) found.push({ name: table.name ?? key, range });
  }
  return { rows, tables: found };
}

function decodeRange(ref: string | undefined): { top: number; left: number; bottom: number; right: number } {
  if (typeof ref !== 'string') notHere('merge without a range');
  const [first, second, ...more] = ref.split(':');
  if (more.length > 0) notHere('merge range');
  const a = decodeCell(first);
  const b = second === undefined ? a : decodeCell(second);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Each column's style's format (Column.fromModel); `[c - 1]` for column c, undefined past the last `<col>`. */
function columnNumFmts(
  cols: { min: number; max: number; styleId?: number }[],
  styleOf: (id: number) => { numFmt?: string } | null,
): (string | undefined)[] {
  const formats: (string | undefined)[] = [];
  let count = 1;
  for (const col of [...cols].sort((a, b) => a.min - b.min)) {
    if (col.max > 16384) notHere('column past the last');
    const style = col.styleId ? styleOf(col.styleId) : null;
    while (count < col.min) {
      formats.push(undefined);
      count++;
    }
    while (count <= col.max) {
      formats.push(style ? style.numFmt : undefined);
      count++;
    }
  }
  return formats;
}

// ── The Grid of a sheet: readSheet of xlsx-host.ts, over the cells read above ──────────────────

function hasValues(row: RowModel): boolean {
  return row.cells.some((cell) => cell !== undefined && cell.type !== NULL);
}

function sheetGrid(name: string, sheet: ParsedSheet, date1904: boolean): SheetGrid {
  const { rows, tables } = sheet;
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  rows.forEach((row) => {
    if (!row || !hasValues(row)) return;
    let first = 0;
    let last = 0;
    row.cells.forEach((cell, index) => {
      if (!cell || cell.type === NULL || cell.type === MERGE) return;
      if (!first) first = index + 1;
      last = index + 1;
    });
    if (!first) return;
    top = Math.min(top, row.number - 1);
    bottom = row.number - 1;
    left = Math.min(left, first - 1);
    right = Math.max(right, last - 1);
  });
  if (bottom < 0) return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], tables };

  const height = bottom - top + 1;
  const width = right - left + 1;
  const { values, formulas, numberFormats } = blankCells(height, width);
  const sharedFormulas: SharedFormulas = new Map();
  rows.forEach((row) => {
    if (!row || !hasValues(row)) return;
    const r = row.number - 1 - top;
    const rowValues = values[r];
    const rowFormulas = formulas[r];
    const rowFormats = numberFormats[r];
    row.cells.forEach((cell, index) => {
      if (!cell || cell.type === NULL) return;
      const c = index - left;
      const numFmt = cell.numFmt;
      if (numFmt) rowFormats[c] = numFmt;
      switch (cell.type) {
        case NUMBER:
        case STRING:
        case BOOLEAN:
          rowValues[c] = cell.value as number | string | boolean;
          break;
        case FORMULA: {
          const formula = formulaOf(rows, row.number, index + 1, cell, sharedFormulas);
          rowFormulas[c] = formula === null ? null : `=${formula}`;
          rowValues[c] = cachedResult(cell.result, date1904);
          break;
        }
        case DATE:
          rowValues[c] = excelSerial(cell.value as Date, date1904);
          break;
        case RICH_TEXT:
        case HYPERLINK:
          rowValues[c] = plainText(cell.value);
          break;
        case ERROR:
          rowValues[c] = { error: String((cell.value as { error?: unknown }).error ?? '#VALUE!') };
          break;
        default:
          break;
      }
    });
  });
  return { name, top, left, values, formulas, numberFormats, tables };
}

type SharedFormulas = Map<string, { template: FormulaTemplate; row: number; col: number } | null>;

/** The cell's formula as ExcelJS's `cell.formula` gives it, a shared one moved from its first cell (formulaOf of xlsx-host.ts). */
function formulaOf(
  rows: (RowModel | undefined)[],
  rowNumber: number,
  colNumber: number,
  cell: CellModel,
  shared: SharedFormulas,
): string | null {
  if (cell.formula || !cell.sharedFormula) return cell.formula || null;
  const master = cell.sharedFormula;
  if (!shared.has(master)) {
    const at = decodeCell(master);
    const masterCell = rows[at.row - 1]?.cells[at.col - 1];
    let formula: string | undefined;
    if (masterCell && masterCell.type === FORMULA) {
      // A first cell that itself follows another one: ExcelJS's own shifter would answer.
      if (!masterCell.formula && masterCell.sharedFormula) notHere('chained shared formula');
      formula = masterCell.formula;
    }
    shared.set(
      master,
      formula ? { template: parseFormulaTemplate(formula), row: at.row, col: at.col } : null,
    );
  }
  const block = shared.get(master);
  return block ? renderShifted(block.template, rowNumber - block.row, colNumber - block.col) : null;
}

// The three below are xlsx-host.ts's, unchanged: the Grid must not depend on which reader made it.

function cachedResult(result: unknown, date1904: boolean): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  if (result instanceof Date) return excelSerial(result, date1904);
  if (typeof result === 'object' && 'error' in result)
    return { error: String((result as { error: unknown }).error) };
  return null;
}

function excelSerial(date: Date, date1904: boolean): number {
  return 25569 + date.getTime() / 86400000 - (date1904 ? 1462 : 0);
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const rich = (value as { richText?: { text?: string }[] } | null)?.richText;
  return Array.isArray(rich) ? rich.map((run) => run.text).join('') : '';
}
