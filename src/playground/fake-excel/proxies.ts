import {
  MAX_COLUMNS,
  MAX_ROWS,
  boxAddress,
  boxCellCount,
  parseBox,
  qualifiedAddress,
  conditionalFormatNotFound,
  type CellBox,
  type CellReading,
  type ConditionalFormatState,
  type FakeCellInput,
  type FakeConditionalFormatType,
  type FakeScalar,
  type FakeSheet,
  type FakeValueType,
  type FakeWorkbookDocument,
} from './document';
import { FakeOfficeError, propertyNotLoaded } from './errors';
import type { Faked, OfficeShape } from './office-types';

type HorizontalAlignment = Faked<Excel.RangeFormat['horizontalAlignment']>;
type VerticalAlignment = Faked<Excel.RangeFormat['verticalAlignment']>;
type BorderStyle = Faked<Excel.RangeBorder['style']>;
type BorderWeight = Faked<Excel.RangeBorder['weight']>;
type PageOrientation = Faked<Excel.PageLayout['orientation']>;
type PaperType = Faked<Excel.PageLayout['paperSize']>;

/** Above this many cells a range's `values`, `formulas`, `numberFormat` and `valueTypes` read as `null` (Excel on the web). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * The proxy objects of the fake Excel, with Office.js semantics: every method or property set only
 * queues an operation on the request context; `context.sync()` runs the queue in order; a property
 * can be read only after `load` and `sync` (or after the code itself set it), otherwise it throws
 * `PropertyNotLoaded` exactly as Office.js does. Objects are located lazily, when the operation
 * that uses them runs, so `sheet.getUsedRange()` queued after a write sees that write.
 */

/** One queued operation of a request. */
export interface QueuedOperation {
  /** Cells whose values, formulas or formats the operation sends: what counts toward Excel's request size limit. */
  cells: number;
  /** What the operation adds to the request's payload; an envelope of `OPERATION_BYTES` when not given. */
  bytes?: number;
  writes: boolean;
  /** `Range.values`, `Worksheet.delete`… for diagnostics and injected-failure predicates. */
  name: string;
  /** Applies the operation; a load returns the cells it sends back (for the response size limit). */
  run(): number | void;
}

/** What a request context needs from the fake Excel that runs its batches. */
export interface BatchRunner {
  readonly document: FakeWorkbookDocument;
  /** Increases with every `sync`; lazily located objects are re-located in each batch, as in Office.js. */
  readonly batchNumber: number;
  runBatch(operations: QueuedOperation[]): Promise<void>;
  /** Whether the ExcelApi requirement set `version` is claimed: a newer member fails with `ApiNotFound`. */
  supports?(version: string): boolean;
}

/** `load()` arguments Office.js accepts: `'a, b'`, `['a', 'b']`, `{ select: 'a,b' }` or `{ a: true, b: true }`. */
export type LoadOption =
  string | string[] | { select?: string | string[] } | Record<string, boolean | undefined>;

function loadPaths(option: LoadOption | undefined): string[] | null {
  if (option === undefined) return null;
  const list = (value: string | string[]): string[] =>
    (Array.isArray(value) ? value : value.split(','))
      .map((path) => path.trim())
      .filter((path) => path !== '');
  if (typeof option === 'string' || Array.isArray(option)) return list(option);
  if ('select' in option && (typeof option.select === 'string' || Array.isArray(option.select)))
    return list(option.select);
  return Object.entries(option)
    .filter(([, wanted]) => wanted === true)
    .map(([name]) => name);
}

/** What one operation costs in a request besides its values: its object path and action, as JSON. */
export const OPERATION_BYTES = 120;

/** A value as it travels in the request: its JSON. */
function payloadBytes(value: unknown): number {
  return value === undefined ? 0 : JSON.stringify(value).length;
}

export class FakeRequestContext implements OfficeShape<Excel.RequestContext, 'workbook' | 'sync'> {
  readonly workbook: FakeWorkbook;
  /** Office.js's object tracking; objects of the fake need none, the calls are accepted. */
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private queue: QueuedOperation[] = [];

  constructor(readonly runner: BatchRunner) {
    this.workbook = new FakeWorkbook(this);
  }

  get document(): FakeWorkbookDocument {
    return this.runner.document;
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(operation: QueuedOperation): void {
    this.queue.push({ ...operation, bytes: operation.bytes ?? OPERATION_BYTES });
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    await this.runner.runBatch(operations);
  }
}

abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();
  protected abstract readonly entityName: string;
  /** What `load()` with no argument loads. */
  protected abstract readonly scalarProperties: readonly string[];

  protected constructor(readonly context: FakeRequestContext) {}

  get isNullObject(): boolean {
    return this.loadedValue<boolean>('isNullObject');
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option) ?? [...this.scalarProperties];
    this.context.enqueue({
      cells: 0,
      writes: false,
      name: `${this.entityName}.load`,
      run: () => this.applyLoad(paths),
    });
    return this;
  }

  /** Runs at sync time: reads the properties from the document into this proxy; returns the cells read. */
  applyLoad(paths: string[]): number {
    const isNull = this.isNullNow();
    this.loaded.set('isNullObject', isNull);
    if (isNull) return 0;
    let cells = 0;
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      const related = this.navigation(head);
      if (related) {
        cells += related.applyLoad(rest.length > 0 ? [rest.join('/')] : [...related.scalarProperties]);
      } else if (rest.length === 0 && this.scalarProperties.includes(head)) {
        const value = this.readProperty(head);
        this.loaded.set(head, value);
        if (Array.isArray(value) && Array.isArray(value[0])) cells += value.length * value[0].length;
      } else {
        throw new FakeOfficeError({
          code: 'InvalidArgument',
          message: `The property '${path}' does not exist on ${this.entityName}.`,
          errorLocation: `${this.entityName}.load`,
        });
      }
    }
    return cells;
  }

  /** Whether the object is a null object (only `*OrNullObject` proxies can be). */
  protected isNullNow(): boolean {
    return false;
  }

  protected navigation(property: string): FakeClientObject | null {
    void property;
    return null;
  }

  protected abstract readProperty(property: string): unknown;

  protected loadedValue<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property, this.entityName);
    return this.loaded.get(property) as T;
  }

  /** A property set: visible on the proxy at once (as in Office.js), applied to the document at sync. */
  protected queueSet(property: string, value: unknown, cells: number, apply: () => void): void {
    this.loaded.set(property, value);
    this.context.enqueue({
      cells,
      bytes: OPERATION_BYTES + payloadBytes(value),
      writes: true,
      name: `${this.entityName}.${property}`,
      run: apply,
    });
  }

  protected queueCall(method: string, apply: () => void, writes = true): void {
    this.context.enqueue({ cells: 0, writes, name: `${this.entityName}.${method}`, run: apply });
  }
}

function invalidObjectPath(entity: string): FakeOfficeError {
  return new FakeOfficeError({ code: 'InvalidObjectPath', errorLocation: entity });
}

/** A member of a newer requirement set than the fake claims fails as Office.js fails on an older Excel. */
function requireApi(context: FakeRequestContext, version: string, location: string): void {
  if (context.runner.supports && !context.runner.supports(version))
    throw new FakeOfficeError({
      code: 'ApiNotFound',
      message: `The API you are trying to use could not be found (ExcelApi ${version}).`,
      errorLocation: location,
    });
}

// ── Workbook ─────────────────────────────────────────────────────────────────────────────────

export class FakeWorkbook
  extends FakeClientObject
  implements OfficeShape<Excel.Workbook, 'worksheets' | 'tables' | 'application' | 'getActiveCell'>
{
  protected readonly entityName = 'Workbook';
  protected readonly scalarProperties = [] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.application = new FakeApplication(context);
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'application' ? this.application : null;
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const document = this.context.document;
      const selection = document.selection;
      const sheet = document.sheet(selection?.sheet ?? document.activeSheet ?? document.sheets[0].name);
      const box = selection?.box ?? { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, box: { top: box.top, left: box.left, bottom: box.top, right: box.left } };
    });
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`Workbook.${property}`);
  }
}

/** `workbook.application`: only the calculation mode (get ExcelApi 1.1, set 1.8). */
export class FakeApplication
  extends FakeClientObject
  implements OfficeShape<Excel.Application, 'calculationMode' | 'load'>
{
  protected readonly entityName = 'Application';
  protected readonly scalarProperties = ['calculationMode'] as const;

  constructor(context: FakeRequestContext) {
    super(context);
  }

  get calculationMode(): FakeWorkbookDocument['calculationMode'] {
    return this.loadedValue<FakeWorkbookDocument['calculationMode']>('calculationMode');
  }
  set calculationMode(mode: FakeWorkbookDocument['calculationMode']) {
    this.queueSet('calculationMode', mode, 0, () => {
      requireApi(this.context, '1.8', 'Application.calculationMode');
      this.context.document.calculationMode = mode;
    });
  }

  protected readProperty(property: string): unknown {
    if (property === 'calculationMode') return this.context.document.calculationMode;
    throw invalidObjectPath(`Application.${property}`);
  }
}

// ── Worksheets ───────────────────────────────────────────────────────────────────────────────

export class FakeWorksheetCollection
  extends FakeClientObject
  implements
    OfficeShape<
      Excel.WorksheetCollection,
      'items' | 'load' | 'getItem' | 'getItemOrNullObject' | 'add' | 'getActiveWorksheet'
    >
{
  protected readonly entityName = 'WorksheetCollection';
  protected readonly scalarProperties = ['items'] as const;

  constructor(context: FakeRequestContext) {
    super(context);
  }

  get items(): FakeWorksheet[] {
    return this.loadedValue<FakeWorksheet[]>('items');
  }

  override load(option?: LoadOption): this {
    const paths = (loadPaths(option) ?? [])
      .map((path) => path.replace(/^items\/?/, ''))
      .filter((path) => path !== '');
    this.context.enqueue({
      cells: 0,
      writes: false,
      name: 'WorksheetCollection.load',
      run: () => {
        const items = this.context.document.sheets.map((sheet) => {
          const worksheet = new FakeWorksheet(this.context, () => sheet);
          worksheet.applyLoad(paths.length > 0 ? paths : ['name', 'position']);
          return worksheet;
        });
        this.loaded.set('items', items);
        return 0;
      },
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.document.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.document.findSheet(name), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const document = this.context.document;
      return document.sheet(document.activeSheet ?? document.sheets[0].name);
    });
  }

  add(name?: string): FakeWorksheet {
    const sheetName = name ?? this.context.document.nextSheetName();
    this.context.enqueue({
      cells: 0,
      writes: true,
      name: 'WorksheetCollection.add',
      run: () => void this.context.document.addSheet(sheetName),
    });
    return new FakeWorksheet(this.context, () => this.context.document.sheet(sheetName));
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`WorksheetCollection.${property}`);
  }
}

export class FakeWorksheet
  extends FakeClientObject
  implements
    OfficeShape<
      Excel.Worksheet,
      | 'name'
      | 'position'
      | 'protection'
      | 'pageLayout'
      | 'tables'
      | 'getRange'
      | 'getCell'
      | 'getUsedRange'
      | 'getUsedRangeOrNullObject'
      | 'activate'
      | 'delete'
      | 'load'
      | 'isNullObject'
    >
{
  protected readonly entityName = 'Worksheet';
  protected readonly scalarProperties = ['name', 'position', 'id', 'visibility'] as const;
  private memo: { batch: number; sheet: FakeSheet | null } | null = null;
  private tableCollection: FakeTableCollection | null = null;
  private layout: FakePageLayout | null = null;
  private sheetProtection: FakeWorksheetProtection | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly locator: () => FakeSheet | null,
    private readonly orNull = false,
  ) {
    super(context);
  }

  /** The sheet this proxy stands for, located once per batch. */
  locate(): FakeSheet | null {
    const batch = this.context.runner.batchNumber;
    if (this.memo?.batch !== batch) this.memo = { batch, sheet: this.locator() };
    return this.memo.sheet;
  }

  requireSheet(): FakeSheet {
    const sheet = this.locate();
    if (!sheet) throw invalidObjectPath('Worksheet');
    return sheet;
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.locate() === null;
  }

  /** Whether the proxy came from `getItemOrNullObject` (its parts are null objects too when it is). */
  get isOrNull(): boolean {
    return this.orNull;
  }

  get name(): string {
    return this.loadedValue<string>('name');
  }

  get position(): number {
    return this.loadedValue<number>('position');
  }
  set position(position: number) {
    this.queueSet('position', position, 0, () =>
      this.context.document.moveSheet(this.requireSheet(), position),
    );
  }

  get tables(): FakeTableCollection {
    this.tableCollection ??= new FakeTableCollection(this.context, this);
    return this.tableCollection;
  }

  get pageLayout(): FakePageLayout {
    this.layout ??= new FakePageLayout(this.context, this);
    return this.layout;
  }

  get protection(): FakeWorksheetProtection {
    this.sheetProtection ??= new FakeWorksheetProtection(this.context, this);
    return this.sheetProtection;
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'protection' ? this.protection : null;
  }

  getRange(address?: string): FakeRange {
    const box =
      address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } : null;
    return new FakeRange(this.context, () => ({
      sheet: this.requireSheet(),
      box: box ?? parseBox(address as string),
    }));
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.requireSheet(),
      box: checkedBox(row, column, row, column, 'Worksheet.getCell'),
    }));
  }

  /** An empty sheet's used range is its A1 cell, as in Excel. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.requireSheet();
      return {
        sheet,
        box: this.context.document.usedBox(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.requireSheet();
        const box = this.context.document.usedBox(sheet, valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }

  activate(): void {
    this.queueCall('activate', () => this.context.document.activate(this.requireSheet()), false);
  }

  delete(): void {
    this.queueCall('delete', () => this.context.document.deleteSheet(this.requireSheet().name));
  }

  protected readProperty(property: string): unknown {
    const sheet = this.requireSheet();
    switch (property) {
      case 'name':
        return sheet.name;
      case 'position':
        return this.context.document.sheets.indexOf(sheet);
      case 'id':
        return `{fake-sheet-${sheet.hfId}}`;
      case 'visibility':
        return 'Visible';
      default:
        throw invalidObjectPath(`Worksheet.${property}`);
    }
  }
}

function checkedBox(top: number, left: number, bottom: number, right: number, location: string): CellBox {
  if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLUMNS || bottom < top || right < left) {
    throw new FakeOfficeError({
      code: 'InvalidArgument',
      message: 'The argument is invalid or missing or has an incorrect format.',
      errorLocation: location,
    });
  }
  return { top, left, bottom, right };
}

/** `worksheet.protection`: only whether the sheet is protected (`protect`/`unprotect` are not modelled). */
export class FakeWorksheetProtection
  extends FakeClientObject
  implements OfficeShape<Excel.WorksheetProtection, 'protected' | 'load'>
{
  protected readonly entityName = 'WorksheetProtection';
  protected readonly scalarProperties = ['protected'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  get protected(): boolean {
    return this.loadedValue<boolean>('protected');
  }

  protected override isNullNow(): boolean {
    return this.worksheet.locate() === null && this.worksheet.isOrNull;
  }

  protected readProperty(property: string): unknown {
    if (property === 'protected') return this.worksheet.requireSheet().protected;
    throw invalidObjectPath(`WorksheetProtection.${property}`);
  }
}

// ── Ranges ───────────────────────────────────────────────────────────────────────────────────

export interface RangeLocation {
  sheet: FakeSheet;
  box: CellBox;
}

export class FakeRange
  extends FakeClientObject
  implements
    OfficeShape<
      Excel.Range,
      | 'address'
      | 'values'
      | 'formulas'
      | 'numberFormat'
      | 'valueTypes'
      | 'text'
      | 'rowIndex'
      | 'columnIndex'
      | 'rowCount'
      | 'columnCount'
      | 'cellCount'
      | 'format'
      | 'conditionalFormats'
      | 'worksheet'
      | 'isNullObject'
      | 'load'
      | 'select'
      | 'merge'
      | 'getCell'
      | 'getOffsetRange'
      | 'getResizedRange'
      | 'getLastRow'
      | 'getEntireRow'
      | 'getEntireColumn'
      | 'getUsedRange'
      | 'getUsedRangeOrNullObject'
      | 'getSpecialCellsOrNullObject'
    >
{
  protected readonly entityName = 'Range';
  protected readonly scalarProperties = [
    'address',
    'values',
    'formulas',
    'numberFormat',
    'valueTypes',
    'text',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
  ] as const;
  private memo: { batch: number; location: RangeLocation | null } | null = null;
  private rangeFormat: FakeRangeFormat | null = null;
  private formats: FakeConditionalFormatCollection | null = null;
  private sheet: FakeWorksheet | null = null;
  private reading: CellReading[][] | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly locator: () => RangeLocation | null,
    private readonly orNull = false,
  ) {
    super(context);
  }

  locate(): RangeLocation | null {
    const batch = this.context.runner.batchNumber;
    if (this.memo?.batch !== batch) this.memo = { batch, location: this.locator() };
    return this.memo.location;
  }

  requireLocation(): RangeLocation {
    const location = this.locate();
    if (!location) throw invalidObjectPath('Range');
    return location;
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.locate() === null;
  }

  override applyLoad(paths: string[]): number {
    this.reading = null;
    try {
      return super.applyLoad(paths);
    } finally {
      this.reading = null;
    }
  }

  get address(): string {
    return this.loadedValue<string>('address');
  }
  get rowIndex(): number {
    return this.loadedValue<number>('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue<number>('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue<number>('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue<number>('columnCount');
  }
  get cellCount(): number {
    return this.loadedValue<number>('cellCount');
  }
  get valueTypes(): FakeValueType[][] {
    return this.loadedValue<FakeValueType[][]>('valueTypes');
  }
  get text(): string[][] {
    return this.loadedValue<string[][]>('text');
  }

  get values(): FakeScalar[][] {
    return this.loadedValue<FakeScalar[][]>('values');
  }
  set values(input: FakeCellInput[][] | FakeCellInput) {
    this.queueSet('values', input, inputCells(input), () => {
      const { sheet, box } = this.requireLocation();
      this.context.document.writeEntries(sheet, box, input, 'Range.values');
    });
  }

  get formulas(): FakeScalar[][] {
    return this.loadedValue<FakeScalar[][]>('formulas');
  }
  set formulas(input: FakeCellInput[][] | FakeCellInput) {
    this.queueSet('formulas', input, inputCells(input), () => {
      const { sheet, box } = this.requireLocation();
      this.context.document.writeEntries(sheet, box, input, 'Range.formulas');
    });
  }

  get numberFormat(): string[][] {
    return this.loadedValue<string[][]>('numberFormat');
  }
  set numberFormat(input: (string | null)[][] | string | null) {
    this.queueSet('numberFormat', input, inputCells(input), () => {
      const { sheet, box } = this.requireLocation();
      this.context.document.writeNumberFormats(sheet, box, input, 'Range.numberFormat');
    });
  }

  get format(): FakeRangeFormat {
    this.rangeFormat ??= new FakeRangeFormat(this.context, this);
    return this.rangeFormat;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.formats ??= new FakeConditionalFormatCollection(this.context, this);
    return this.formats;
  }

  get worksheet(): FakeWorksheet {
    this.sheet ??= new FakeWorksheet(this.context, () => this.requireLocation().sheet);
    return this.sheet;
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'worksheet' ? this.worksheet : property === 'format' ? this.format : null;
  }

  select(): void {
    this.queueCall(
      'select',
      () => {
        const { sheet, box } = this.requireLocation();
        if (this.context.document.activeSheet !== sheet.name) {
          // Excel selects only on the active sheet.
          throw new FakeOfficeError({
            code: 'InvalidOperation',
            message: 'Cannot select a range on a sheet that is not active. Activate the worksheet first.',
            errorLocation: 'Range.select',
          });
        }
        this.context.document.select(sheet, box);
      },
      false,
    );
  }

  merge(across = false): void {
    this.queueCall('merge', () => {
      const { sheet, box } = this.requireLocation();
      this.context.document.merge(sheet, box, across);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived('getCell', (box) => ({
      top: box.top + row,
      left: box.left + column,
      bottom: box.top + row,
      right: box.left + column,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived('getOffsetRange', (box) => ({
      top: box.top + rowOffset,
      left: box.left + columnOffset,
      bottom: box.bottom + rowOffset,
      right: box.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived('getResizedRange', (box) => ({
      ...box,
      bottom: box.bottom + deltaRows,
      right: box.right + deltaColumns,
    }));
  }

  /** The used part of this range (cells with content, or with `valuesOnly` false also formatted ones). */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.requireLocation();
      const used = this.context.document.usedBoxWithin(sheet, box, valuesOnly);
      if (!used) throw new FakeOfficeError({ code: 'ItemNotFound', errorLocation: 'Range.getUsedRange' });
      return { sheet, box: used };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, box } = this.requireLocation();
        const used = this.context.document.usedBoxWithin(sheet, box, valuesOnly);
        return used ? { sheet, box: used } : null;
      },
      true,
    );
  }

  /**
   * The range's cells of a kind (ExcelApi 1.9): only `Visible` is modelled — the cells of rows and
   * columns not hidden, a null object when there are none.
   */
  getSpecialCellsOrNullObject(
    cellType: Faked<Excel.SpecialCellType>,
    cellValueType?: Faked<Excel.SpecialCellValueType>,
  ): FakeRangeAreas {
    if (cellType !== 'Visible' || cellValueType !== undefined)
      throw new Error(`the fake Excel models getSpecialCellsOrNullObject('Visible') only, not '${cellType}'`);
    return new FakeRangeAreas(
      this.context,
      () => {
        requireApi(this.context, '1.9', 'Range.getSpecialCellsOrNullObject');
        const { sheet, box } = this.requireLocation();
        const boxes = this.context.document.visibleAreas(sheet, box);
        return boxes.length > 0 ? { sheet, boxes } : null;
      },
      true,
    );
  }

  getLastRow(): FakeRange {
    return this.derived('getLastRow', (box) => ({ ...box, top: box.bottom }));
  }

  getEntireRow(): FakeRange {
    return this.derived('getEntireRow', (box) => ({
      top: box.top,
      bottom: box.bottom,
      left: 0,
      right: MAX_COLUMNS - 1,
    }));
  }

  getEntireColumn(): FakeRange {
    return this.derived('getEntireColumn', (box) => ({
      top: 0,
      bottom: MAX_ROWS - 1,
      left: box.left,
      right: box.right,
    }));
  }

  private derived(method: string, move: (box: CellBox) => CellBox): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.requireLocation();
      const moved = move(box);
      return { sheet, box: checkedBox(moved.top, moved.left, moved.bottom, moved.right, `Range.${method}`) };
    });
  }

  protected readProperty(property: string): unknown {
    const { sheet, box } = this.requireLocation();
    switch (property) {
      case 'address':
        return qualifiedAddress(sheet.name, box);
      case 'rowIndex':
        return box.top;
      case 'columnIndex':
        return box.left;
      case 'rowCount':
        return box.bottom - box.top + 1;
      case 'columnCount':
        return box.right - box.left + 1;
      case 'cellCount':
        return boxCellCount(box);
    }
    // Excel on the web: a range of more than 5 million cells reads as null, without an error.
    if (boxCellCount(box) > MAX_READ_CELLS) return null;
    // One read of the cells serves every array property of the same load.
    this.reading ??= this.context.document.readBox(sheet, box);
    const cells = this.reading;
    switch (property) {
      case 'values':
        return cells.map((row) => row.map((cell) => cell.value));
      case 'formulas':
        return cells.map((row) => row.map((cell) => cell.formula));
      case 'numberFormat':
        return cells.map((row) => row.map((cell) => cell.numberFormat));
      case 'valueTypes':
        return cells.map((row) => row.map((cell) => cell.type));
      case 'text':
        return cells.map((row) => row.map((cell) => String(cell.value)));
      default:
        throw invalidObjectPath(`Range.${property}`);
    }
  }
}

function inputCells(input: unknown): number {
  return Array.isArray(input)
    ? input.reduce((sum: number, row: unknown) => sum + (Array.isArray(row) ? row.length : 1), 0)
    : 1;
}

export class FakeRangeFormat
  extends FakeClientObject
  implements
    OfficeShape<
      Excel.RangeFormat,
      | 'font'
      | 'fill'
      | 'borders'
      | 'wrapText'
      | 'horizontalAlignment'
      | 'verticalAlignment'
      | 'columnWidth'
      | 'rowHeight'
      | 'autofitColumns'
      | 'load'
    >
{
  protected readonly entityName = 'RangeFormat';
  protected readonly scalarProperties = [
    'columnWidth',
    'rowHeight',
    'wrapText',
    'horizontalAlignment',
    'verticalAlignment',
  ] as const;
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    this.font = new FakeRangeFont(context, range);
    this.fill = new FakeRangeFill(context, range);
    this.borders = new FakeRangeBorderCollection(context, range);
  }

  get rowHeight(): number {
    return this.loadedValue<number>('rowHeight');
  }
  set rowHeight(points: number) {
    this.queueSet('rowHeight', points, 0, () => {
      const { sheet, box } = this.range.requireLocation();
      this.context.document.setRowHeight(sheet, box, points);
    });
  }

  get wrapText(): boolean {
    return this.loadedValue<boolean>('wrapText');
  }
  set wrapText(wrap: boolean) {
    this.setCells('wrapText', wrap);
  }

  get horizontalAlignment(): HorizontalAlignment {
    return this.loadedValue<HorizontalAlignment>('horizontalAlignment');
  }
  set horizontalAlignment(value: HorizontalAlignment) {
    this.setCells('horizontalAlignment', value);
  }

  get verticalAlignment(): VerticalAlignment {
    return this.loadedValue<VerticalAlignment>('verticalAlignment');
  }
  set verticalAlignment(value: VerticalAlignment) {
    this.setCells('verticalAlignment', value);
  }

  private setCells(
    property: 'wrapText' | 'horizontalAlignment' | 'verticalAlignment',
    value: string | boolean,
  ): void {
    this.queueSet(property, value, 0, () => {
      const { sheet, box } = this.range.requireLocation();
      this.context.document.setCellFormat(sheet, box, property, value, `RangeFormat.${property}`);
    });
  }

  get columnWidth(): number {
    return this.loadedValue<number>('columnWidth');
  }
  set columnWidth(points: number) {
    this.queueSet('columnWidth', points, 0, () => {
      const { sheet, box } = this.range.requireLocation();
      this.context.document.setColumnWidth(sheet, box, points);
    });
  }

  autofitColumns(): void {
    this.queueCall('autofitColumns', () => void this.range.requireLocation());
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'font' ? this.font : property === 'fill' ? this.fill : null;
  }

  protected readProperty(property: string): unknown {
    const { sheet, box } = this.range.requireLocation();
    // The top-left cell stands for the range (Excel gives null for a mixed range; the fake does not model that).
    const format = sheet.cellFormats.get(`${box.top}:${box.left}`);
    switch (property) {
      case 'columnWidth':
        return sheet.columnWidths.get(box.left) ?? 48;
      case 'rowHeight':
        return sheet.rowHeights.get(box.top) ?? 15;
      case 'wrapText':
        return format?.wrapText ?? false;
      case 'horizontalAlignment':
        return format?.horizontalAlignment ?? 'General';
      case 'verticalAlignment':
        return format?.verticalAlignment ?? 'Bottom';
      default:
        throw invalidObjectPath(`RangeFormat.${property}`);
    }
  }
}

/** `range.format.fill`: its `color`. */
export class FakeRangeFill
  extends FakeClientObject
  implements OfficeShape<Excel.RangeFill, 'color' | 'load'>
{
  protected readonly entityName = 'RangeFill';
  protected readonly scalarProperties = ['color'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  get color(): string {
    return this.loadedValue<string>('color');
  }
  set color(color: string) {
    this.queueSet('color', color, 0, () => {
      const { sheet, box } = this.range.requireLocation();
      this.context.document.setCellFormat(sheet, box, 'fill', color, 'RangeFill.color');
    });
  }

  protected readProperty(property: string): unknown {
    const { sheet, box } = this.range.requireLocation();
    if (property === 'color') return sheet.cellFormats.get(`${box.top}:${box.left}`)?.fill ?? '#FFFFFF';
    throw invalidObjectPath(`RangeFill.${property}`);
  }
}

/** `range.format.borders`: only `getItem(edge)` is modelled. */
export class FakeRangeBorderCollection
  extends FakeClientObject
  implements OfficeShape<Excel.RangeBorderCollection, 'getItem'>
{
  protected readonly entityName = 'RangeBorderCollection';
  protected readonly scalarProperties = [] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  getItem(edge: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this.range, edge);
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`RangeBorderCollection.${property}`);
  }
}

/** One edge of a range's border: `style`, `weight`, `color`. */
export class FakeRangeBorder
  extends FakeClientObject
  implements OfficeShape<Excel.RangeBorder, 'style' | 'weight' | 'color' | 'load'>
{
  protected readonly entityName = 'RangeBorder';
  protected readonly scalarProperties = ['style', 'weight', 'color'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {
    super(context);
  }

  get style(): BorderStyle {
    return this.loadedValue<BorderStyle>('style');
  }
  set style(style: BorderStyle) {
    this.setEdge('style', style);
  }

  get weight(): BorderWeight {
    return this.loadedValue<BorderWeight>('weight');
  }
  set weight(weight: BorderWeight) {
    this.setEdge('weight', weight);
  }

  get color(): string {
    return this.loadedValue<string>('color');
  }
  set color(color: string) {
    this.setEdge('color', color);
  }

  private setEdge(property: 'style' | 'weight' | 'color', value: string): void {
    this.queueSet(property, value, 0, () => {
      const { sheet, box } = this.range.requireLocation();
      this.context.document.setBorder(sheet, box, this.edge, { [property]: value });
    });
  }

  protected readProperty(property: string): unknown {
    const { sheet, box } = this.range.requireLocation();
    const side = this.edge.startsWith('Inside')
      ? this.edge === 'InsideHorizontal'
        ? 'EdgeBottom'
        : 'EdgeRight'
      : this.edge;
    const border = sheet.cellFormats.get(`${box.top}:${box.left}`)?.borders?.[side];
    if (property === 'style') return border?.style ?? 'None';
    if (property === 'weight') return border?.weight ?? 'Thin';
    if (property === 'color') return border?.color ?? '#000000';
    throw invalidObjectPath(`RangeBorder.${property}`);
  }
}

export class FakeRangeFont extends FakeClientObject implements OfficeShape<Excel.RangeFont, 'bold' | 'load'> {
  protected readonly entityName = 'RangeFont';
  protected readonly scalarProperties = ['bold'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  get bold(): boolean {
    return this.loadedValue<boolean>('bold');
  }
  set bold(bold: boolean) {
    this.queueSet('bold', bold, 0, () => {
      const { sheet, box } = this.range.requireLocation();
      this.context.document.setBold(sheet, box, bold);
    });
  }

  protected readProperty(property: string): unknown {
    const { sheet, box } = this.range.requireLocation();
    if (property === 'bold') return sheet.bold.get(`${box.top}:${box.left}`) === true;
    throw invalidObjectPath(`RangeFont.${property}`);
  }
}

// ── Conditional formats ──────────────────────────────────────────────────────────────────────

/**
 * `range.conditionalFormats`: the formats of the sheet that overlap the range, top priority first,
 * as Office.js lists them. `items` are known only after `load` and `sync`.
 */
export class FakeConditionalFormatCollection
  extends FakeClientObject
  implements OfficeShape<Excel.ConditionalFormatCollection, 'items' | 'load' | 'add' | 'getItemAt'>
{
  protected readonly entityName = 'ConditionalFormatCollection';
  protected readonly scalarProperties = ['items'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  get items(): FakeConditionalFormat[] {
    return this.loadedValue<FakeConditionalFormat[]>('items');
  }

  /** `load('items/type, items/customOrNullObject/rule/formula')` and the like. */
  override load(option?: LoadOption): this {
    const paths = (loadPaths(option) ?? [])
      .map((path) => path.replace(/^items\/?/, ''))
      .filter((path) => path !== '');
    this.context.enqueue({
      cells: 0,
      writes: false,
      name: 'ConditionalFormatCollection.load',
      run: () => {
        const { sheet, box } = this.range.requireLocation();
        const items = this.context.document.conditionalFormatsOverlapping(sheet, box).map((state) => {
          const proxy = new FakeConditionalFormat(this.context, () => ({ sheet, state }));
          proxy.applyLoad(paths.length > 0 ? paths : ['id', 'type', 'priority', 'stopIfTrue']);
          return proxy;
        });
        this.loaded.set('items', items);
        return 0;
      },
    });
    return this;
  }

  /** Adds a format (only `Excel.ConditionalFormatType.custom` is modelled) at the top priority. */
  add(type: string): FakeConditionalFormat {
    if (type !== 'Custom') {
      throw new FakeOfficeError({
        code: 'InvalidArgument',
        message: `The fake Excel models only custom conditional formats, not '${type}'.`,
        errorLocation: 'ConditionalFormatCollection.add',
      });
    }
    let added: { sheet: FakeSheet; state: ConditionalFormatState } | null = null;
    this.queueCall('add', () => {
      const { sheet, box } = this.range.requireLocation();
      added = { sheet, state: this.context.document.addConditionalFormat(sheet, box) };
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!added) throw invalidObjectPath('ConditionalFormat');
      return added;
    });
  }

  /** The format at `index` of the collection when the request runs; `ItemNotFound` past the end. */
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet, box } = this.range.requireLocation();
      const state = this.context.document.conditionalFormatsOverlapping(sheet, box)[index];
      if (!state) throw conditionalFormatNotFound('ConditionalFormatCollection.getItemAt');
      return { sheet, state };
    });
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`ConditionalFormatCollection.${property}`);
  }
}

/** The conditional format a proxy stands for, and its sheet. */
interface ConditionalFormatLocation {
  sheet: FakeSheet;
  state: ConditionalFormatState;
}

/** Each format's id, stable for the life of the format (Office.js ids are opaque strings). */
const formatIds = new WeakMap<ConditionalFormatState, string>();
let nextFormatId = 1;

function formatId(state: ConditionalFormatState): string {
  let id = formatIds.get(state);
  if (!id) {
    id = `{fake-conditional-format-${nextFormatId++}}`;
    formatIds.set(state, id);
  }
  return id;
}

export class FakeConditionalFormat
  extends FakeClientObject
  implements
    OfficeShape<
      Excel.ConditionalFormat,
      | 'id'
      | 'type'
      | 'priority'
      | 'stopIfTrue'
      | 'custom'
      | 'customOrNullObject'
      | 'delete'
      | 'getRange'
      | 'getRangeOrNullObject'
      | 'getRanges'
      | 'load'
    >
{
  protected readonly entityName = 'ConditionalFormat';
  protected readonly scalarProperties = ['id', 'type', 'priority', 'stopIfTrue'] as const;
  private customFormat: FakeCustomConditionalFormat | null = null;
  private customOrNull: FakeCustomConditionalFormat | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly locator: () => ConditionalFormatLocation,
  ) {
    super(context);
  }

  /** The format, when the operation that uses it runs; `ItemNotFound` once it was deleted. */
  requireFormat(): ConditionalFormatLocation {
    const location = this.locator();
    if (!this.context.document.sheets.includes(location.sheet)) throw invalidObjectPath('ConditionalFormat');
    if (!location.sheet.conditionalFormats.includes(location.state))
      throw conditionalFormatNotFound('ConditionalFormat');
    return location;
  }

  get id(): string {
    return this.loadedValue<string>('id');
  }

  get type(): FakeConditionalFormatType {
    return this.loadedValue<FakeConditionalFormatType>('type');
  }

  get priority(): number {
    return this.loadedValue<number>('priority');
  }

  get stopIfTrue(): boolean {
    return this.loadedValue<boolean>('stopIfTrue');
  }

  /** Fails at sync with `InvalidOperation` when the format is not a custom one (as Excel does). */
  get custom(): FakeCustomConditionalFormat {
    this.customFormat ??= new FakeCustomConditionalFormat(this.context, this, false);
    return this.customFormat;
  }

  /** A null object when the format is not a custom one. */
  get customOrNullObject(): FakeCustomConditionalFormat {
    this.customOrNull ??= new FakeCustomConditionalFormat(this.context, this, true);
    return this.customOrNull;
  }

  delete(): void {
    this.queueCall('delete', () => {
      const { sheet, state } = this.requireFormat();
      this.context.document.deleteConditionalFormat(sheet, state);
    });
  }

  /** The range the format applies to; `InvalidOperation` when it applies to several areas, as in Excel. */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, state } = this.requireFormat();
      if ((state.areas?.length ?? 0) > 0) {
        throw new FakeOfficeError({
          code: 'InvalidOperation',
          message: 'The conditional format is applied to multiple ranges.',
          errorLocation: 'ConditionalFormat.getRange',
        });
      }
      return { sheet, box: state.box };
    });
  }

  /** A null object when the format applies to several areas. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, state } = this.requireFormat();
        return (state.areas?.length ?? 0) > 0 ? null : { sheet, box: state.box };
      },
      true,
    );
  }

  /** Every area the format applies to (ExcelApi 1.9). */
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const { sheet, state } = this.requireFormat();
      return { sheet, boxes: [state.box, ...(state.areas ?? [])] };
    });
  }

  protected override navigation(property: string): FakeClientObject | null {
    if (property === 'custom') return this.custom;
    if (property === 'customOrNullObject') return this.customOrNullObject;
    return null;
  }

  protected readProperty(property: string): unknown {
    const { sheet, state } = this.requireFormat();
    switch (property) {
      case 'id':
        return formatId(state);
      case 'type':
        return state.type;
      case 'priority':
        return sheet.conditionalFormats.length - 1 - sheet.conditionalFormats.indexOf(state);
      case 'stopIfTrue':
        return false;
      default:
        throw invalidObjectPath(`ConditionalFormat.${property}`);
    }
  }
}

/** Several rectangles of one sheet (`Excel.RangeAreas`): only `address` and `areaCount` are modelled. */
export class FakeRangeAreas
  extends FakeClientObject
  implements OfficeShape<Excel.RangeAreas, 'address' | 'areaCount' | 'load'>
{
  protected readonly entityName = 'RangeAreas';
  protected readonly scalarProperties = ['address', 'areaCount'] as const;

  private memo: { batch: number; areas: { sheet: FakeSheet; boxes: CellBox[] } | null } | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly locator: () => { sheet: FakeSheet; boxes: CellBox[] } | null,
    private readonly orNull = false,
  ) {
    super(context);
  }

  private locate(): { sheet: FakeSheet; boxes: CellBox[] } {
    const batch = this.context.runner.batchNumber;
    if (this.memo?.batch !== batch) this.memo = { batch, areas: this.locator() };
    if (!this.memo.areas) throw invalidObjectPath('RangeAreas');
    return this.memo.areas;
  }

  protected override isNullNow(): boolean {
    if (!this.orNull) return false;
    const batch = this.context.runner.batchNumber;
    if (this.memo?.batch !== batch) this.memo = { batch, areas: this.locator() };
    return this.memo.areas === null;
  }

  /** `'RAA 2022'!G27:G35,'RAA 2022'!G37:G44`, as Excel writes it. */
  get address(): string {
    return this.loadedValue<string>('address');
  }

  get areaCount(): number {
    return this.loadedValue<number>('areaCount');
  }

  protected readProperty(property: string): unknown {
    const { sheet, boxes } = this.locate();
    if (property === 'address') return boxes.map((box) => qualifiedAddress(sheet.name, box)).join(',');
    if (property === 'areaCount') return boxes.length;
    throw invalidObjectPath(`RangeAreas.${property}`);
  }
}

/** `conditionalFormat.custom` (or `customOrNullObject`): the rule and the format of a custom format. */
export class FakeCustomConditionalFormat
  extends FakeClientObject
  implements OfficeShape<Excel.CustomConditionalFormat, 'rule' | 'format'>
{
  protected readonly entityName = 'CustomConditionalFormat';
  protected readonly scalarProperties = [] as const;
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(
    context: FakeRequestContext,
    private readonly owner: FakeConditionalFormat,
    private readonly orNull: boolean,
  ) {
    super(context);
    this.rule = new FakeConditionalFormatRule(context, this);
    this.format = new FakeConditionalRangeFormat(context, this);
  }

  /** The custom format's state; a format of another type cannot be used as a custom one. */
  requireCustom(): ConditionalFormatState {
    const { state } = this.owner.requireFormat();
    if (state.type !== 'Custom') {
      throw new FakeOfficeError({
        code: 'InvalidOperation',
        message: 'This operation is not permitted for the current object.',
        errorLocation: 'ConditionalFormat.custom',
      });
    }
    return state;
  }

  protected override isNullNow(): boolean {
    return this.orNull && this.owner.requireFormat().state.type !== 'Custom';
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'rule' ? this.rule : property === 'format' ? this.format : null;
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`CustomConditionalFormat.${property}`);
  }
}

export class FakeConditionalFormatRule
  extends FakeClientObject
  implements OfficeShape<Excel.ConditionalFormatRule, 'formula'>
{
  protected readonly entityName = 'ConditionalFormatRule';
  protected readonly scalarProperties = ['formula'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly custom: FakeCustomConditionalFormat,
  ) {
    super(context);
  }

  /** English formula, relative to the top-left cell of the format's range. */
  get formula(): string {
    return this.loadedValue<string>('formula');
  }
  set formula(value: string) {
    this.queueSet('formula', value, 0, () => {
      this.custom.requireCustom().formula = value;
    });
  }

  protected readProperty(property: string): unknown {
    if (property === 'formula') return this.custom.requireCustom().formula ?? '';
    throw invalidObjectPath(`ConditionalFormatRule.${property}`);
  }
}

export class FakeConditionalRangeFormat
  extends FakeClientObject
  implements OfficeShape<Excel.ConditionalRangeFormat, 'fill' | 'font'>
{
  protected readonly entityName = 'ConditionalRangeFormat';
  protected readonly scalarProperties = [] as const;
  readonly fill: FakeConditionalColor;
  readonly font: FakeConditionalColor;

  constructor(context: FakeRequestContext, custom: FakeCustomConditionalFormat) {
    super(context);
    this.fill = new FakeConditionalColor(context, custom, 'fill');
    this.font = new FakeConditionalColor(context, custom, 'fontColor');
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'fill' ? this.fill : property === 'font' ? this.font : null;
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`ConditionalRangeFormat.${property}`);
  }
}

/** `format.fill` or `format.font` of a custom conditional format: its `color`. */
export class FakeConditionalColor
  extends FakeClientObject
  implements
    OfficeShape<Excel.ConditionalRangeFill, 'color'>,
    OfficeShape<Excel.ConditionalRangeFont, 'color'>
{
  protected readonly entityName: string;
  protected readonly scalarProperties = ['color'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly custom: FakeCustomConditionalFormat,
    private readonly part: 'fill' | 'fontColor',
  ) {
    super(context);
    this.entityName = part === 'fill' ? 'ConditionalFillFormat' : 'ConditionalRangeFont';
  }

  get color(): string {
    return this.loadedValue<string>('color');
  }
  set color(value: string) {
    this.queueSet('color', value, 0, () => {
      this.custom.requireCustom()[this.part] = value;
    });
  }

  protected readProperty(property: string): unknown {
    if (property === 'color') return this.custom.requireCustom()[this.part];
    throw invalidObjectPath(`${this.entityName}.${property}`);
  }
}

// ── Tables (ListObjects) ─────────────────────────────────────────────────────────────────────

export class FakeTableCollection
  extends FakeClientObject
  implements OfficeShape<Excel.TableCollection, 'items' | 'load' | 'getItem'>
{
  protected readonly entityName = 'TableCollection';
  protected readonly scalarProperties = ['items'] as const;

  /** `owner` null: the workbook's tables; a worksheet: only that sheet's. */
  constructor(
    context: FakeRequestContext,
    private readonly owner: FakeWorksheet | null,
  ) {
    super(context);
  }

  get items(): FakeTable[] {
    return this.loadedValue<FakeTable[]>('items');
  }

  override load(option?: LoadOption): this {
    const paths = (loadPaths(option) ?? [])
      .map((path) => path.replace(/^items\/?/, ''))
      .filter((path) => path !== '');
    this.context.enqueue({
      cells: 0,
      writes: false,
      name: 'TableCollection.load',
      run: () => {
        const items = this.tables().map(({ sheet, table }) => {
          const proxy = new FakeTable(this.context, () => ({ sheet, table }));
          proxy.applyLoad(paths.length > 0 ? paths : ['name']);
          return proxy;
        });
        this.loaded.set('items', items);
        return 0;
      },
    });
    return this;
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const found = this.tables().find(({ table }) => table.name.toLowerCase() === name.toLowerCase());
      if (!found)
        throw new FakeOfficeError({
          code: 'ItemNotFound',
          message: `The requested resource doesn't exist. (table '${name}')`,
          errorLocation: 'TableCollection.getItem',
        });
      return found;
    });
  }

  private tables(): { sheet: FakeSheet; table: { name: string; box: CellBox } }[] {
    const sheets = this.owner ? [this.owner.requireSheet()] : this.context.document.sheets;
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`TableCollection.${property}`);
  }
}

export class FakeTable
  extends FakeClientObject
  implements OfficeShape<Excel.Table, 'name' | 'worksheet' | 'getRange' | 'load'>
{
  protected readonly entityName = 'Table';
  protected readonly scalarProperties = ['name', 'id', 'showHeaders', 'showTotals'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly locator: () => { sheet: FakeSheet; table: { name: string; box: CellBox } },
  ) {
    super(context);
  }

  private sheet: FakeWorksheet | null = null;

  get name(): string {
    return this.loadedValue<string>('name');
  }

  get worksheet(): FakeWorksheet {
    this.sheet ??= new FakeWorksheet(this.context, () => this.locator().sheet);
    return this.sheet;
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, table } = this.locator();
      return { sheet, box: table.box };
    });
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'worksheet' ? this.worksheet : null;
  }

  protected readProperty(property: string): unknown {
    const { table } = this.locator();
    switch (property) {
      case 'name':
        return table.name;
      case 'id':
        return table.name;
      case 'showHeaders':
        return true;
      case 'showTotals':
        return false;
      default:
        throw invalidObjectPath(`Table.${property}`);
    }
  }
}

// ── Page layout ──────────────────────────────────────────────────────────────────────────────

export class FakePageLayout
  extends FakeClientObject
  implements
    OfficeShape<
      Excel.PageLayout,
      'orientation' | 'paperSize' | 'zoom' | 'headersFooters' | 'setPrintTitleRows'
    >
{
  protected readonly entityName = 'PageLayout';
  protected readonly scalarProperties = ['orientation', 'paperSize', 'zoom'] as const;
  private footers: FakeHeaderFooterGroup | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  get orientation(): PageOrientation {
    return this.loadedValue<PageOrientation>('orientation');
  }
  set orientation(value: PageOrientation) {
    this.queueSet('orientation', value, 0, () => {
      if (value !== 'Portrait' && value !== 'Landscape')
        throw new FakeOfficeError({ code: 'InvalidArgument', errorLocation: 'PageLayout.orientation' });
      this.worksheet.requireSheet().pageLayout.orientation = value;
    });
  }

  get paperSize(): PaperType {
    return this.loadedValue<PaperType>('paperSize');
  }
  set paperSize(value: PaperType) {
    this.queueSet('paperSize', value, 0, () => {
      this.worksheet.requireSheet().pageLayout.paperSize = value;
    });
  }

  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this.loadedValue('zoom');
  }
  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.queueSet('zoom', value, 0, () => {
      this.worksheet.requireSheet().pageLayout.zoom = { ...value };
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    this.footers ??= new FakeHeaderFooterGroup(this.context, this.worksheet);
    return this.footers;
  }

  setPrintTitleRows(rows: FakeRange | string): void {
    this.queueCall('setPrintTitleRows', () => {
      this.worksheet.requireSheet().pageLayout.printTitleRows =
        typeof rows === 'string' ? rows : boxAddress(rows.requireLocation().box);
    });
  }

  protected readProperty(property: string): unknown {
    const layout = this.worksheet.requireSheet().pageLayout;
    switch (property) {
      case 'orientation':
        return layout.orientation;
      case 'paperSize':
        return layout.paperSize;
      case 'zoom':
        return { ...layout.zoom };
      default:
        throw invalidObjectPath(`PageLayout.${property}`);
    }
  }
}

/** `pageLayout.headersFooters`: only `defaultForAllPages` is modelled. */
export class FakeHeaderFooterGroup
  extends FakeClientObject
  implements OfficeShape<Excel.HeaderFooterGroup, 'defaultForAllPages'>
{
  protected readonly entityName = 'HeaderFooterGroup';
  protected readonly scalarProperties = [] as const;
  readonly defaultForAllPages: FakeHeaderFooter;

  constructor(context: FakeRequestContext, worksheet: FakeWorksheet) {
    super(context);
    this.defaultForAllPages = new FakeHeaderFooter(context, worksheet);
  }

  protected override navigation(property: string): FakeClientObject | null {
    return property === 'defaultForAllPages' ? this.defaultForAllPages : null;
  }

  protected readProperty(property: string): unknown {
    throw invalidObjectPath(`HeaderFooterGroup.${property}`);
  }
}

/** The footers of every page (headers are not modelled). */
export class FakeHeaderFooter
  extends FakeClientObject
  implements OfficeShape<Excel.HeaderFooter, 'leftFooter' | 'centerFooter' | 'rightFooter'>
{
  protected readonly entityName = 'HeaderFooter';
  protected readonly scalarProperties = ['leftFooter', 'centerFooter', 'rightFooter'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  get leftFooter(): string {
    return this.loadedValue<string>('leftFooter');
  }
  set leftFooter(text: string) {
    this.setFooter('left', text);
  }

  get centerFooter(): string {
    return this.loadedValue<string>('centerFooter');
  }
  set centerFooter(text: string) {
    this.setFooter('center', text);
  }

  get rightFooter(): string {
    return this.loadedValue<string>('rightFooter');
  }
  set rightFooter(text: string) {
    this.setFooter('right', text);
  }

  private setFooter(section: 'left' | 'center' | 'right', text: string): void {
    this.queueSet(`${section}Footer`, text, 0, () => {
      const layout = this.worksheet.requireSheet().pageLayout;
      layout.footer = { ...layout.footer, [section]: text };
    });
  }

  protected readProperty(property: string): unknown {
    const footer = this.worksheet.requireSheet().pageLayout.footer;
    if (property === 'leftFooter') return footer?.left ?? '';
    if (property === 'centerFooter') return footer?.center ?? '';
    if (property === 'rightFooter') return footer?.right ?? '';
    throw invalidObjectPath(`HeaderFooter.${property}`);
  }
}
