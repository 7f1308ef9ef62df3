/**
 * The command line's reader: the bytes of a workbook → the Grid, with SheetJS (`@e965/xlsx`
 * 0.20.3) doing the parsing — it reads what Excel and LibreOffice read (.xlsx, .xlsm, .xlsb,
 * .ods), package quirks included (absolute part paths, namespace prefixes, inline strings).
 *
 * The work is bounded by what the file holds, never by what it declares: this module opens the
 * zip itself and hands SheetJS each part on demand, inflated under a per-part and a total byte
 * budget (declared sizes are checked first, actual sizes while inflating); DTDs are dropped, so
 * no entity is ever expanded (an entity bomb reads as its text); cells are counted against a
 * limit, and the time against a deadline. SheetJS never sees a declared range: the Grid is built
 * from the cells present, row by row, and rows without cells share one empty array.
 *
 * What cannot be read is one FileProblem (encrypted, .xls, damaged, not a workbook, a limit),
 * never a library's message.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as XLSX from '@e965/xlsx';
import { columnCount } from '../engine/grid';
import type { CellValue, Grid, SheetGrid } from '../engine';
import { readLocalFile } from './local-file';
import type { FileProblem, ReadLimit } from './local-file';
import { mayHide, scanHidden, scanSheet } from './xlsx-sheet-scan';
import type { HiddenLines, ScanContext, ScannedRow, ScannedSheet } from './xlsx-sheet-scan';
import { ZipBudgetError, inflateEntry, zipDirectory } from './xlsx-zip';
import type { ZipEntry } from './xlsx-zip';

export interface ReadLimits {
  /** Non-empty cells over all the sheets. */
  cells: number;
  /** Grid slots (cells between a row's first and last cell) over all the sheets. */
  area: number;
  /** Uncompressed bytes of all the parts read. */
  bytes: number;
  /** Uncompressed bytes of one part. */
  partBytes: number;
  /** Seconds the read may take. */
  seconds: number;
}

export const READ_LIMITS: Readonly<ReadLimits> = {
  cells: 5_000_000,
  area: 50_000_000,
  bytes: 1_000_000_000,
  partBytes: 256 * 1024 * 1024,
  seconds: 60,
};

/** What the bytes were: `fill` and `report` write only .xlsx/.xlsm packages. */
export type WorkbookFormat = 'xlsx' | 'xlsb' | 'ods' | 'numbers';

export type ReadResult =
  { ok: true; grid: Grid; format: WorkbookFormat } | { ok: false; problem: FileProblem };

export interface ReadOptions {
  /** How ambiguous numbers such as `1.234` are read; Italian unless told otherwise. */
  locale?: 'it' | 'en';
  /** The file's path, for the problem's message. */
  path?: string;
  limits?: Partial<ReadLimits>;
  /** `sheetjs`: every sheet through SheetJS, not the scanner (to compare the two). */
  sheets?: 'scan' | 'sheetjs';
}

/** The Grid of the workbook at `path`, or why it cannot be read. */
export async function readGridFile(
  path: string,
  options: Omit<ReadOptions, 'path'> = {},
): Promise<ReadResult> {
  const bytes = await readLocalFile(path);
  if (!Buffer.isBuffer(bytes)) return { ok: false, problem: bytes };
  return readGrid(bytes, { ...options, path });
}

/** The Grid of a workbook's bytes, or why they cannot be read. Never throws for what a file holds. */
export function readGrid(bytes: Buffer, options: ReadOptions = {}): ReadResult {
  const path = options.path ?? 'workbook';
  const limits = { ...READ_LIMITS, ...options.limits };
  const fail = (problem: Omit<FileProblem, 'path'>): ReadResult => ({
    ok: false,
    problem: { ...problem, path },
  });
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2_SIGNATURE))
    return fail({ reason: ole2Kind(bytes) });
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== ZIP_LOCAL_HEADER) return fail({ reason: 'not-zip' });
  const entries = zipDirectory(bytes);
  if (entries === null) return fail({ reason: 'damaged-zip' });
  const format = formatOf(entries);
  if (format === null) return fail({ reason: 'zip-not-xlsx' });

  const parts = new PackageParts(bytes, entries, limits);
  const tables = format === 'xlsx' ? readTables(parts, entries) : new Map<string, SheetTable[]>();
  const finish = (sheets: SheetGrid[] | PartProblem): ReadResult => {
    if (parts.problem) return fail(parts.problem);
    if (!Array.isArray(sheets)) return fail(sheets);
    if (sheets.length === 0) return fail({ reason: 'zip-not-xlsx' });
    if (parts.bytesRead > LARGE_READ) collectGarbage();
    if (format !== 'xlsx') return { ok: true, grid: { sheets, locale: options.locale ?? 'it' }, format };
    for (const sheet of sheets) sheet.tables = tables.get(sheet.name) ?? [];
    return { ok: true, grid: { sheets, locale: options.locale ?? 'it', ...workbookSettings(parts) }, format };
  };
  // An ordinary .xlsx: SheetJS reads the workbook, strings and styles, the scanner the sheets.
  if (format === 'xlsx' && options.sheets !== 'sheetjs') {
    const workbook = parseWithSheetJs(parts, { ...PARSE_OPTIONS, sheets: [] });
    if (parts.problem) return fail(parts.problem);
    const scanned = workbook
      ? scanWorkbook(parts, workbook, new GridBuilder(limits, parts.deadline, formatCodes(workbook)))
      : null;
    if (scanned !== null) return finish(scanned);
  }
  const workbook = parseWithSheetJs(parts, PARSE_OPTIONS);
  if (parts.problem) return fail(parts.problem);
  // Which part SheetJS failed on it does not say: the problem names none rather than a wrong one.
  if (workbook === null) return fail({ reason: 'unparsable' });
  const build = new GridBuilder(limits, parts.deadline, formatCodes(workbook));
  // SheetJS reads hidden rows and columns only with every style (and each column of a `<col>` as an object of its own).
  const sheetPaths =
    format === 'xlsx'
      ? new Map((sheetParts(parts, workbook.Directory?.workbooks?.[0]) ?? []).map((p) => [p.name, p.path]))
      : new Map<string, string>();
  const sheets: SheetGrid[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet) return fail({ reason: 'unparsable', sheet: name });
    if (sheet['!type'] && sheet['!type'] !== 'sheet') continue;
    const path = sheetPaths.get(name);
    const part = path === undefined ? null : parts.part(path);
    sheets.push(withHidden(build.sheet(name, sheet), part === null ? null : hiddenOfPart(part)));
    if (build.problem) return fail(build.problem);
    // What was converted is SheetJS's no more: the memory goes as the Grid grows.
    delete workbook.Sheets[name];
  }
  return finish(sheets);
}

function parseWithSheetJs(
  parts: PackageParts,
  options: ParseOptions & typeof PARSE_OPTIONS,
): SheetJsWorkbook | null {
  // SheetJS may say what it thinks on the console ("ODS number format may be incorrect"): not to our user.
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return parseZip(parts.container(), options);
  } catch {
    return null;
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

/**
 * The sheets of an ordinary .xlsx, scanned (xlsx-sheet-scan.ts); null when one of them is not
 * ordinary, or the workbook's sheets cannot be matched to their parts: SheetJS then reads it all.
 */
function scanWorkbook(
  parts: PackageParts,
  workbook: SheetJsWorkbook,
  build: GridBuilder,
): SheetGrid[] | PartProblem | null {
  const located = sheetParts(parts, workbook.Directory?.workbooks?.[0]);
  if (located === null || located.length !== workbook.SheetNames.length) return null;
  const styles = workbook.Styles?.CellXf ?? [];
  const numberFormats = formatCodes(workbook);
  const loaded = (XLSX.SSF as { get_table(): Record<number, string | undefined> }).get_table();
  const formats: string[] = [];
  const context: ScanContext = {
    strings: workbook.Strings ?? [],
    date1904: Boolean(workbook.Workbook?.WBProps?.date1904),
    formatOf(style) {
      const known = formats[style];
      if (known !== undefined) return known;
      const id = styles[style]?.numFmtId ?? 0;
      const copy = loaded[Number(id)];
      const code = copy === undefined ? 'General' : (numberFormats.get(copy) ?? copy);
      formats[style] = code;
      return code;
    },
  };
  const sheets: SheetGrid[] = [];
  for (let i = 0; i < located.length; i++) {
    const { name, path, type } = located[i];
    if (name !== workbook.SheetNames[i]) return null;
    if (!type.endsWith('/worksheet')) continue;
    const bytes = parts.part(path);
    if (parts.problem) return parts.problem;
    if (bytes === null) return null;
    const xml = bytes.toString('utf8');
    const scanned = scanSheet(xml, context);
    if (scanned === null) return null;
    sheets.push(withHidden(build.scanned(name, scanned), scanHidden(xml)));
    if (build.problem) return build.problem;
  }
  return sheets;
}

/** The workbook's sheets in order, with their part and relationship type; null when one cannot be found. */
function sheetParts(
  parts: PackageParts,
  workbookPart: string | undefined,
): { name: string; path: string; type: string }[] | null {
  const workbookPath = (workbookPart ?? 'xl/workbook.xml').replace(/^\//, '');
  const xml = parts.part(workbookPath)?.toString('utf8');
  if (xml === undefined) return null;
  const rels = new Map(relationships(parts, relsPathOf(workbookPath), workbookPath).map((r) => [r.id, r]));
  const found: { name: string; path: string; type: string }[] = [];
  for (const tag of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attributes = attributesOf(tag[1]);
    const id = Object.entries(attributes).find(([key]) => /(^|:)id$/.test(key))?.[1];
    const rel = id === undefined ? undefined : rels.get(id);
    if (attributes.name === undefined || rel === undefined) return null;
    found.push({ name: attributes.name, path: rel.target, type: rel.type });
  }
  return found;
}

/** Uncompressed bytes past which the read's garbage is collected before the engine runs. */
const LARGE_READ = 8 * 1024 * 1024;

let fullCollection: (() => void) | null | undefined;

/**
 * A full garbage collection, once a large workbook is read: what the parse left (the XML, the
 * per-cell pieces) goes before the engine allocates its own, which keeps the peak memory of
 * `check` on 50 000 rows ~45 MB lower. Node exposes it only through a flag, set here; where it
 * cannot be had, nothing happens.
 */
function collectGarbage(): void {
  if (fullCollection === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      fullCollection = runInNewContext('gc') as () => void;
    } catch {
      fullCollection = null;
    }
  }
  fullCollection?.();
}

// ── What kind of file ───────────────────────────────────────────────────────────────────────

const ZIP_LOCAL_HEADER = 0x04034b50;
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE2 compound file: an encrypted Office package, an Excel 97-2003 workbook, or something else. */
function ole2Kind(bytes: Buffer): 'encrypted' | 'xls' | 'ole2' | 'damaged-zip' {
  let names: string[];
  try {
    const cfb = (
      XLSX.CFB as { read(data: Buffer, options: { type: 'buffer' }): { FullPaths: string[] } }
    ).read(bytes, { type: 'buffer' });
    names = cfb.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
  } catch {
    return 'damaged-zip';
  }
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return 'encrypted';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return 'ole2';
}

function formatOf(entries: readonly ZipEntry[]): WorkbookFormat | null {
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '').toLowerCase()));
  if (names.has('[content_types].xml')) {
    if (names.has('xl/workbook.bin')) return 'xlsb';
    return 'xlsx';
  }
  if (names.has('content.xml') && (names.has('mimetype') || names.has('meta-inf/manifest.xml'))) return 'ods';
  if (names.has('index/document.iwa')) return 'numbers';
  return null;
}

// ── The package's parts, inflated on demand under the budgets ───────────────────────────────

type PartProblem = Omit<FileProblem, 'path'>;

interface ContainerEntry {
  name: string;
  type: number;
  readonly content: Buffer;
  size: number;
}

/** The shape of SheetJS's own CFB container, which `parse_zip` reads its parts from. */
interface Container {
  FullPaths: string[];
  FileIndex: ContainerEntry[];
}

class BudgetStop extends Error {}

class PackageParts {
  problem: PartProblem | null = null;
  readonly deadline: number;
  private readonly inflated = new Map<ZipEntry, Buffer>();
  private readonly byName = new Map<string, ZipEntry>();
  private totalBytes = 0;

  /** Uncompressed bytes of the parts read so far. */
  get bytesRead(): number {
    return this.totalBytes;
  }
  /** Worksheet XML seen so far, and the cells counted in it when counting was needed. */
  private sheetBytes = 0;
  private countedBytes = 0;
  private countedCells = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly entries: readonly ZipEntry[],
    private readonly limits: ReadLimits,
  ) {
    this.deadline = Date.now() + limits.seconds * 1000;
    for (const entry of entries) this.byName.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
  }

  container(): Container {
    const files = this.entries.filter((e) => !e.name.endsWith('/'));
    const read = (entry: ZipEntry): Buffer => this.read(entry);
    return {
      FullPaths: files.map((e) => e.name.replace(/^\//, '')),
      FileIndex: files.map((entry) => ({
        name: entry.name.replace(/^\//, ''),
        type: 2,
        size: entry.size,
        get content(): Buffer {
          return read(entry);
        },
      })),
    };
  }

  /** A part by its name (case-insensitive, as SheetJS and Excel look them up); null when absent or unreadable. */
  part(name: string): Buffer | null {
    const entry = this.byName.get(name.replace(/^\//, '').toLowerCase());
    if (!entry) return null;
    try {
      return this.read(entry);
    } catch {
      return null;
    }
  }

  private stop(problem: PartProblem): never {
    this.problem ??= problem;
    throw new BudgetStop(problem.reason);
  }

  private read(entry: ZipEntry): Buffer {
    const cached = this.inflated.get(entry);
    if (cached) return cached;
    if (this.problem) throw new BudgetStop(this.problem.reason);
    const { limits } = this;
    if (Date.now() > this.deadline) this.stop(limitProblem('seconds', limits.seconds));
    if (entry.size > limits.partBytes) this.stop(limitProblem('part-bytes', limits.partBytes, entry.name));
    if (this.totalBytes + entry.size > limits.bytes) this.stop(limitProblem('bytes', limits.bytes));
    let data: Buffer;
    try {
      data = inflateEntry(this.bytes, entry, Math.min(limits.partBytes, limits.bytes - this.totalBytes));
    } catch (error) {
      if (error instanceof ZipBudgetError) {
        this.stop(
          this.totalBytes + entry.size > limits.bytes || limits.bytes - this.totalBytes < limits.partBytes
            ? limitProblem('bytes', limits.bytes)
            : limitProblem('part-bytes', limits.partBytes, entry.name),
        );
      }
      this.stop({ reason: 'unparsable', detail: entry.name });
    }
    this.totalBytes += data.length;
    if (entry.name.replace(/^\//, '').toLowerCase() === '[content_types].xml')
      data = this.existingOverrides(data);
    if (/\.(xml|rels|vml)$/i.test(entry.name)) {
      data = dropDoctype(data);
      if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(entry.name)) data = this.sheetPart(data);
    }
    this.inflated.set(entry, data);
    return data;
  }

  /**
   * The content types without the overrides of parts the package lacks (`/xl/styles.xml` named but
   * absent): SheetJS would fail on the first, LibreOffice and Excel read the rest.
   */
  private existingOverrides(data: Buffer): Buffer {
    const xml = data.toString('utf8');
    const kept = xml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (tag) => {
      const name = /PartName\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
      return name === undefined || this.byName.has(partNameOf(name)) ? tag : '';
    });
    return kept === xml ? data : Buffer.from(kept, 'utf8');
  }

  /** Counts a worksheet's cells before SheetJS parses it, when the XML could hold more than the limit. */
  private sheetPart(data: Buffer): Buffer {
    this.sheetBytes += data.length;
    // The smallest cell with a value, `<c><v>1</v></c>`, takes 15 bytes.
    if (this.countedCells + (this.sheetBytes - this.countedBytes) / 15 > this.limits.cells) {
      this.countedCells += countOf(data, VALUE_TAG) + countOf(data, INLINE_TAG);
      this.countedBytes = this.sheetBytes;
      if (this.countedCells > this.limits.cells) this.stop(limitProblem('cells', this.limits.cells));
    }
    return markUncachedFormulas(data);
  }
}

/** A content-types part name as a zip entry name: `/xl/My%20Sheet.xml` → `xl/my sheet.xml`. */
function partNameOf(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape: the name as written.
  }
  return decoded.replace(/^\//, '').toLowerCase();
}

function limitProblem(limit: ReadLimit, max: number, part?: string): PartProblem {
  return { reason: 'limit', limit, max, detail: part };
}

const VALUE_TAG = Buffer.from('<v>');
const INLINE_TAG = Buffer.from('<is>');

function countOf(data: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * The part without its DTD, which Excel never writes: its entities are not expanded (an entity
 * bomb, an external entity), references to them stay as the text they are, as LibreOffice shows them.
 */
function dropDoctype(data: Buffer): Buffer {
  // The DTD comes before the root element: after the XML declaration, comments and PIs only.
  let at = 0;
  const limit = Math.min(data.length, 1 << 16);
  for (;;) {
    while (at < limit && WHITESPACE_OR_BOM.has(data[at])) at++;
    if (data[at] !== 0x3c) return data;
    if (data[at + 1] === 0x3f) {
      const end = data.indexOf('?>', at);
      if (end < 0) return data;
      at = end + 2;
    } else if (data.toString('latin1', at, at + 4) === '<!--') {
      const end = data.indexOf('-->', at);
      if (end < 0) return data;
      at = end + 3;
    } else break;
  }
  if (data.toString('latin1', at, at + 9).toUpperCase() !== '<!DOCTYPE') return data;
  // The internal subset, if any, runs to the first `]>` (entity values may hold `>`).
  const open = data.indexOf('[', at);
  const close = data.indexOf('>', at);
  const end = open >= 0 && open < close ? data.indexOf(']>', open) + 1 : close;
  if (end <= 0) return data;
  const copy = Buffer.from(data);
  copy.fill(0x20, at, end + 1);
  return copy;
}

const WHITESPACE_OR_BOM = new Set([0x20, 0x0a, 0x0d, 0x09, 0xef, 0xbb, 0xbf]);

const UNCACHED_FORMULA = /<c\b([^>]*)>(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)(<v\s*\/>|<v><\/v>)?<\/c>/g;
/** Stands for "no cached value" in a formula cell: SheetJS would read one as 0 (a number cell) or "". */
const NO_VALUE = '\u0000';

/**
 * A formula cell without a cached value (`<c><f>B7/A7</f></c>`, as libraries write them) holds no
 * value, not 0: marked with a value SheetJS reads as NaN (a number cell) or NO_VALUE (a text one).
 * A text formula with an empty cached value (`t="str"`, `<v></v>`) keeps its "".
 */
function markUncachedFormulas(data: Buffer): Buffer {
  if (
    data.indexOf('</f></c>') < 0 &&
    data.indexOf('/></c>') < 0 &&
    data.indexOf('<v></v></c>') < 0 &&
    data.indexOf('<v/></c>') < 0
  )
    return data;
  let changed = false;
  const xml = data
    .toString('latin1')
    .replace(UNCACHED_FORMULA, (whole, attributes: string, formula: string, empty?: string) => {
      const type = /\bt\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
      if (type === undefined || type === 'n' || (type === 'str' && empty === undefined)) {
        changed = true;
        return `<c${attributes}>${formula}<v>${NO_VALUE}</v></c>`;
      }
      return whole;
    });
  return changed ? Buffer.from(xml, 'latin1') : data;
}

// ── SheetJS ─────────────────────────────────────────────────────────────────────────────────

interface SheetJsCell {
  t: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  v?: number | string | boolean | Date;
  f?: string;
  z?: string;
}

interface SheetJsRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

interface SheetJsSheet {
  '!data'?: (SheetJsCell[] | undefined)[];
  '!merges'?: SheetJsRange[];
  '!type'?: string;
}

interface SheetJsWorkbook {
  SheetNames: string[];
  Sheets: Record<string, SheetJsSheet | undefined>;
  /** The number formats by id, as the file writes them, and each cell style's format id. */
  Styles?: { NumberFmt?: Record<number, string | undefined>; CellXf?: { numFmtId?: number | string }[] };
  Strings?: { t?: string }[];
  Workbook?: { WBProps?: { date1904?: boolean } };
  Directory?: { workbooks?: string[] };
}

/**
 * SheetJS names a cell's format with its own copy of the code (`#,##0.00\ [$€-410]` for
 * `#,##0.00 [$€-410]`): the file's own code, by format id, for each copy.
 */
/** `#,##0.00\\ [$€-410]` → `#,##0.00 [$€-410]`: an escaped space outside quotes is a space (as the readers before gave it). */
function plainSpaces(code: string): string {
  return code.includes('\\ ')
    ? code.replace(/("[^"]*")|\\ /g, (whole, quoted?: string) => quoted ?? ' ')
    : code;
}

function formatCodes(workbook: SheetJsWorkbook): Map<string, string> {
  const codes = new Map<string, string>();
  const loaded = (XLSX.SSF as { get_table(): Record<number, string | undefined> }).get_table();
  for (const [id, code] of Object.entries(workbook.Styles?.NumberFmt ?? {})) {
    const copy = loaded[Number(id)];
    if (code !== undefined && copy !== undefined)
      codes.set(copy, Number(id) < 164 ? (BUILT_IN_FORMATS[code] ?? code) : plainSpaces(code));
  }
  for (const [copy, code] of Object.entries(BUILT_IN_FORMATS)) if (!codes.has(copy)) codes.set(copy, code);
  return codes;
}

interface ParseOptions {
  readonly sheets?: readonly number[];
}

const PARSE_OPTIONS = {
  type: 'buffer',
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  // Formulas as the file has them (`_xlfn.` prefixes kept), as Office.js gives them.
  xlfn: true,
  sheetStubs: false,
} as const;

const parseZip = (
  XLSX as unknown as { parse_zip(zip: Container, options: typeof PARSE_OPTIONS): SheetJsWorkbook }
).parse_zip;

/** SheetJS's error codes (its `BErr`): an error cell holds the code. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Built-in formats SheetJS names otherwise than the readers before it (ExcelJS's names, kept for the same Grid). */
const BUILT_IN_FORMATS: Record<string, string> = {
  'm/d/yy': 'mm-dd-yy',
  'm/d/yy h:mm': 'm/d/yy "h":mm',
  '#,##0.00;(#,##0.00)': '#,##0.00 ;(#,##0.00)',
  '#,##0.00;[Red](#,##0.00)': '#,##0.00 ;[Red](#,##0.00)',
};

// ── The Grid ────────────────────────────────────────────────────────────────────────────────

/** The row of a sheet that has no cells: one shared, frozen array. */
const NO_CELLS: never[] = Object.freeze([]) as unknown as never[];

class GridBuilder {
  problem: PartProblem | null = null;
  private cells = 0;
  private area = 0;

  constructor(
    private readonly limits: ReadLimits,
    private readonly deadline: number,
    private readonly formatCodes: Map<string, string>,
  ) {}

  sheet(name: string, sheet: SheetJsSheet): SheetGrid {
    const data = sheet['!data'] ?? [];
    // The cells a merged range covers show nothing; Excel reads them as empty (only the cells present are visited).
    for (const merge of sheet['!merges'] ?? []) {
      const last = Math.min(merge.e.r, data.length - 1);
      for (let r = Math.max(0, merge.s.r); r <= last; r++) {
        const row = data[r];
        if (!row) continue;
        const end = Math.min(merge.e.c, row.length - 1);
        for (let c = Math.max(0, merge.s.c); c <= end; c++)
          if ((r !== merge.s.r || c !== merge.s.c) && row[c] !== undefined) delete row[c];
      }
    }
    // The used range: the rows and columns of the cells that hold a value or a formula.
    let top = -1;
    let bottom = -1;
    let left = Number.POSITIVE_INFINITY;
    const spans: [number, number][] = new Array(data.length);
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      let first = -1;
      let last = -1;
      forEachCell(row, (cell, c) => {
        if (!holdsSomething(cell)) return;
        if (first < 0) first = c;
        last = c;
      });
      if (first < 0) continue;
      spans[r] = [first, last];
      if (top < 0) top = r;
      bottom = r;
      if (first < left) left = first;
    }
    if (top < 0) return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };

    const height = bottom - top + 1;
    const values: CellValue[][] = new Array(height);
    const formulas: (string | null)[][] = new Array(height);
    const numberFormats: string[][] = new Array(height);
    for (let r = top; r <= bottom; r++) {
      const i = r - top;
      const span = spans[r];
      const row = data[r];
      if (!span || !row) {
        values[i] = formulas[i] = numberFormats[i] = NO_CELLS;
        continue;
      }
      const width = span[1] - left + 1;
      this.area += width;
      if (this.area > this.limits.area) return this.stop(name, limitProblem('area', this.limits.area));
      const rowValues = new Array<CellValue>(width).fill(null);
      const rowFormulas = new Array<string | null>(width).fill(null);
      const rowFormats = new Array<string>(width).fill('General');
      let count = 0;
      forEachCell(row, (cell, c) => {
        const value = valueOf(cell);
        const formula = cell.f ? `=${cell.f}` : null;
        if (value === null && formula === null) return;
        count++;
        const at = c - left;
        rowValues[at] = value;
        rowFormulas[at] = formula;
        if (cell.z !== undefined) rowFormats[at] = this.formatCodes.get(cell.z) ?? cell.z;
      });
      values[i] = rowValues;
      formulas[i] = rowFormulas;
      numberFormats[i] = rowFormats;
      data[r] = undefined;
      this.cells += count;
      if (this.cells > this.limits.cells) return this.stop(name, limitProblem('cells', this.limits.cells));
      if ((i & 0xfff) === 0 && Date.now() > this.deadline)
        return this.stop(name, limitProblem('seconds', this.limits.seconds));
    }
    return { name, top, left, values, formulas, numberFormats };
  }

  /** A sheet from the scanner's rows, under the same limits. */
  scanned(name: string, sheet: ScannedSheet): SheetGrid {
    const { left } = sheet;
    const byRow = new Map(sheet.rows.map((row) => [row.row, row]));
    // The cells a merged range covers show nothing; Excel reads them as empty.
    for (const merge of sheet.merges) {
      const rows =
        merge.bottom - merge.top < byRow.size ? rangeRows(merge.top, merge.bottom) : [...byRow.keys()];
      for (const r of rows) {
        const row = byRow.get(r);
        if (!row || r < merge.top || r > merge.bottom) continue;
        const end = Math.min(merge.right - left, row.values.length - 1);
        for (let c = Math.max(0, merge.left - left); c <= end; c++) {
          if (r === merge.top && c === merge.left - left) continue;
          row.values[c] = null;
          row.formulas[c] = null;
          row.formats[c] = 'General';
        }
        trimRow(row);
      }
    }
    const rows = sheet.rows.filter((row) => row.values.length > 0);
    if (rows.length === 0) return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
    const top = rows[0].row;
    const height = rows[rows.length - 1].row - top + 1;
    const values: CellValue[][] = new Array(height).fill(NO_CELLS);
    const formulas: (string | null)[][] = new Array(height).fill(NO_CELLS);
    const numberFormats: string[][] = new Array(height).fill(NO_CELLS);
    let done = 0;
    for (const row of rows) {
      this.area += row.values.length;
      if (this.area > this.limits.area) return this.stop(name, limitProblem('area', this.limits.area));
      for (let c = 0; c < row.values.length; c++)
        if (row.values[c] !== null || row.formulas[c] !== null) this.cells++;
      if (this.cells > this.limits.cells) return this.stop(name, limitProblem('cells', this.limits.cells));
      const r = row.row - top;
      values[r] = row.values;
      formulas[r] = row.formulas;
      numberFormats[r] = row.formats;
      if ((++done & 0xfff) === 0 && Date.now() > this.deadline)
        return this.stop(name, limitProblem('seconds', this.limits.seconds));
    }
    return { name, top, left, values, formulas, numberFormats };
  }

  private stop(name: string, problem: PartProblem): SheetGrid {
    this.problem = problem;
    return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
  }
}

/** A row without its trailing empty cells (a merge may have emptied them). */
function trimRow(row: ScannedRow): void {
  let length = row.values.length;
  while (length > 0 && row.values[length - 1] === null && row.formulas[length - 1] === null) length--;
  row.values.length = row.formulas.length = row.formats.length = length;
}

function rangeRows(from: number, to: number): number[] {
  const rows: number[] = [];
  for (let r = from; r <= to; r++) rows.push(r);
  return rows;
}

/** Visits the cells of a SheetJS row; a row reaching far right with few cells is walked by its keys. */
function forEachCell(row: SheetJsCell[], visit: (cell: SheetJsCell, col: number) => void): void {
  if (row.length <= 1024) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell !== undefined) visit(cell, c);
    }
    return;
  }
  for (const key in row) {
    const c = Number(key);
    const cell = row[c];
    if (Number.isInteger(c) && cell !== undefined) visit(cell, c);
  }
}

function holdsSomething(cell: SheetJsCell): boolean {
  return cell.f !== undefined || valueOf(cell) !== null;
}

function valueOf(cell: SheetJsCell): CellValue {
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      return typeof v === 'number' && !Number.isNaN(v) ? v : null;
    case 's':
      return typeof v !== 'string' || v === NO_VALUE ? null : v;
    case 'b':
      return typeof v === 'boolean' ? v : null;
    case 'e':
      return { error: (typeof v === 'number' && ERRORS[v]) || '#VALUE!' };
    case 'd':
      return v instanceof Date ? 25569 + v.getTime() / 86400000 : null;
    default:
      return null;
  }
}

// ── Hidden rows and columns, calculation mode, linked workbooks: SheetJS does not give them ──

function hiddenOfPart(part: Buffer): HiddenLines {
  return mayHide(part) ? scanHidden(part.toString('utf8')) : { rows: [], columns: [], shownRows: null };
}

/**
 * The sheet with the rows and columns it hides inside its used range (as Office.js can tell
 * them): a `<col>` spanning the whole sheet costs the used range's width, not 16 384 entries.
 */
function withHidden(sheet: SheetGrid, hidden: HiddenLines | null): SheetGrid {
  if (hidden === null) return sheet;
  const bottom = sheet.top + sheet.values.length - 1;
  const right = sheet.left + columnCount(sheet) - 1;
  const rows = hidden.rows.filter((r) => r >= sheet.top && r <= bottom);
  if (hidden.shownRows !== null) {
    // Rows hidden by default: every row of the used range the sheet does not list as shown.
    const shown = new Set(hidden.shownRows);
    for (let r = sheet.top; r <= bottom; r++) if (!shown.has(r)) rows.push(r);
  }
  const columns = new Set<number>();
  for (const [from, to] of hidden.columns)
    for (let c = Math.max(from, sheet.left); c <= Math.min(to, right); c++) columns.add(c);
  sheet.hiddenRows = [...new Set(rows)].sort((a, b) => a - b);
  sheet.hiddenColumns = [...columns].sort((a, b) => a - b);
  return sheet;
}

/** `calcPr calcMode` and the linked workbooks of `<externalReferences>`, from the workbook part and its relationships. */
function workbookSettings(parts: PackageParts): Pick<Grid, 'calculation' | 'externalWorkbooks'> {
  const workbookPath = workbookPathOf(parts);
  const xml = parts.part(workbookPath)?.toString('utf8');
  if (xml === undefined) return {};
  const calcPr = /<(?:\w+:)?calcPr\b([^>]*)>/.exec(xml);
  const calculation = calcPr && attributesOf(calcPr[1]).calcMode === 'manual' ? 'manual' : 'automatic';
  const references = [...xml.matchAll(/<(?:\w+:)?externalReference\b([^>]*)>/g)];
  if (references.length === 0) return { calculation, externalWorkbooks: [] };
  const rels = new Map(
    relationships(parts, relsPathOf(workbookPath), workbookPath).map((r) => [r.id, r.target]),
  );
  const externalWorkbooks = references.map((tag) => {
    const link = rels.get(relationshipIdOf(attributesOf(tag[1])) ?? '');
    return link === undefined ? '' : linkedWorkbookOf(parts, link);
  });
  return { calculation, externalWorkbooks };
}

/** The file name an external link part points at (`file:///C:\Dati\Piano%202022.xlsx` → `Piano 2022.xlsx`); '' when none. */
function linkedWorkbookOf(parts: PackageParts, linkPath: string): string {
  const xml = parts.part(linkPath)?.toString('utf8') ?? '';
  const book = /<(?:\w+:)?externalBook\b([^>]*)>/.exec(xml);
  if (!book) return '';
  const id = relationshipIdOf(attributesOf(book[1]));
  const targets = externalTargets(parts.part(relsPathOf(linkPath))?.toString('utf8') ?? '');
  const target = targets.find((t) => t.id === id) ?? targets[0];
  if (target === undefined) return '';
  const name = target.target.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function externalTargets(relsXml: string): { id: string; target: string }[] {
  const found: { id: string; target: string }[] = [];
  for (const tag of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributesOf(tag[1]);
    if (a.Id !== undefined && a.Target !== undefined && a.TargetMode === 'External')
      found.push({ id: a.Id, target: a.Target });
  }
  return found;
}

function relationshipIdOf(attributes: Record<string, string>): string | undefined {
  return Object.entries(attributes).find(([key]) => /(^|:)id$/.test(key))?.[1];
}

function workbookPathOf(parts: PackageParts): string {
  return (
    relationships(parts, '_rels/.rels', '').find((r) => r.type.endsWith('/officeDocument'))?.target ??
    'xl/workbook.xml'
  );
}

// ── Excel tables (ListObjects): SheetJS does not read table parts ───────────────────────────

interface SheetTable {
  name: string;
  range: string;
}

/** The tables of each worksheet, by sheet name, from the sheets' relationships to their table parts. */
function readTables(parts: PackageParts, entries: readonly ZipEntry[]): Map<string, SheetTable[]> {
  const found = new Map<string, SheetTable[]>();
  if (!entries.some((e) => /(^|\/)tables\/[^/]+\.xml$/i.test(e.name))) return found;
  const workbookPath = workbookPathOf(parts);
  const workbookXml = parts.part(workbookPath)?.toString('utf8') ?? '';
  const workbookRels = new Map(
    relationships(parts, relsPathOf(workbookPath), workbookPath).map((r) => [r.id, r.target]),
  );
  for (const tag of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attributes = attributesOf(tag[1]);
    const id = Object.entries(attributes).find(([key]) => /(^|:)id$/.test(key))?.[1];
    const sheetPath = id === undefined ? undefined : workbookRels.get(id);
    if (attributes.name === undefined || sheetPath === undefined) continue;
    const tables: SheetTable[] = [];
    for (const rel of relationships(parts, relsPathOf(sheetPath), sheetPath)) {
      if (!rel.type.endsWith('/table')) continue;
      const xml = parts.part(rel.target)?.toString('utf8') ?? '';
      const root = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
      if (!root) continue;
      const table = attributesOf(root[1]);
      const name = table.name ?? table.displayName;
      if (name !== undefined && table.ref !== undefined) tables.push({ name, range: table.ref });
    }
    if (tables.length > 0) found.set(attributes.name, tables);
  }
  return found;
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function relationships(
  parts: PackageParts,
  relsPath: string,
  source: string,
): { id: string; type: string; target: string }[] {
  const xml = parts.part(relsPath)?.toString('utf8') ?? '';
  const found: { id: string; type: string; target: string }[] = [];
  for (const tag of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributesOf(tag[1]);
    if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') continue;
    found.push({ id: a.Id, type: a.Type ?? '', target: resolvePart(source, a.Target) });
  }
  return found;
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to the source part's folder. */
function resolvePart(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const folder = source.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') folder.pop();
    else if (step !== '.' && step !== '') folder.push(step);
  }
  return folder.join('/');
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    attributes[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return attributes;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
