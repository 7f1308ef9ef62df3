import { columnLetter, parseA1 } from '../engine/address';
import type {
  CellWrite,
  ConditionalFormat,
  LogEntry,
  PageFooter,
  SheetPlan,
  WritePlan,
} from '../engine/plan';
import { LOG_HEADER, LOG_SHEET, logRowValues } from '../engine/plan';
import {
  blockCellCount,
  constantInput,
  halveBlock,
  placeWrites,
  rectangularBlocks,
  type CellBlock,
  type CellInput,
  type PlacedEntry,
} from './cell-blocks';
import { isSizeRefusal } from './office-errors';
import type { WorkbookShape } from './read-workbook';

/**
 * A WritePlan (or one part of it, see plan-parts.ts) as ONE Office.js request: the plan becomes a
 * list of steps (create or delete sheets, log rows, one `range.formulas` per rectangle of cells,
 * formats, conditional formats), all queued, then synced once. Each step knows what it adds to the
 * request (bytes, operations), so the host can cut a plan before Excel refuses it; a part it cannot
 * cut is halved here, step by step, if Excel refuses it anyway.
 *
 * Order matters: first read-only checks that the sheets the plan writes into still exist, then the
 * sheets to create and delete, then the log rows, then the cells and formats they record. A stale
 * picture of the workbook thus fails before anything is written, and a request that fails half-way
 * leaves at most a log row for a cell it did not write (undoing it restores what the cell holds),
 * never a change without its log row.
 *
 * Conditional formats to remove (the undo of Segnala) must be found before they can be deleted:
 * the host's check before the write finds them (`queueFormatProbes`).
 */

export interface ApplyOptions {
  /** Page layout (orientation, paper, fit to width, print titles) needs ExcelApi 1.9; skipped below. */
  printSetup: boolean;
}

/** The proxies of one request, shared by the steps queued in it. */
interface WriteBatch {
  context: Excel.RequestContext;
  /** The conditional formats the plan removes, found before the request (`findConditionalFormats`). */
  formatsToDelete: readonly Excel.ConditionalFormat[];
  /** The sheet's proxy, shared by the steps of the request. */
  worksheet(name: string): Excel.Worksheet;
  /** After a delete or an add, later steps must not reuse a proxy of the old sheet. */
  replaceWorksheet(name: string, sheet: Excel.Worksheet | null): void;
}

/** What one operation costs in a request besides its values: its object path and action, as JSON. */
export const OPERATION_BYTES = 150;

export interface WriteStep {
  /** Cells the step sends: what counts toward Excel's request size. */
  cells: number;
  /** Operations Office.js sends for the step (object paths and actions). */
  operations: number;
  /** Estimated bytes of the step in the request: its values as JSON and its operations' envelopes. */
  bytes: number;
  enqueue(batch: WriteBatch): void;
  /** Two steps that do the same in order, or `null` when the step cannot be cut. */
  split(): [WriteStep, WriteStep] | null;
}

export interface PlannedWrites {
  steps: WriteStep[];
  cellsWritten: number;
  sheetsCreated: string[];
  /** The workbook's shape once the plan is applied. */
  shapeAfter: WorkbookShape;
}

export function planWrites(plan: WritePlan, shape: WorkbookShape, options: ApplyOptions): PlannedWrites {
  const exists = (name: string): boolean =>
    shape.sheets.some((sheet) => sheet.toLowerCase() === name.toLowerCase());
  const deleted = plan.deleteSheets.filter(exists);
  const logRows = plan.log.length > 0;
  const createLog = logRows && !exists(LOG_SHEET);
  const newSheets = plan.sheets.filter((sheet) => !exists(sheet.name));
  const replacedSheets = plan.sheets.filter((sheet) => exists(sheet.name));

  const mustExist = new Set<string>([
    ...plan.cells.map((cell) => cell.sheet),
    ...plan.conditionalFormats.map((format) => format.sheet),
    ...deleted,
    ...replacedSheets.map((sheet) => sheet.name),
  ]);
  if (logRows && !createLog) mustExist.add(LOG_SHEET);
  // A part of a split plan may write rows of a sheet it creates itself.
  for (const sheet of newSheets) mustExist.delete(sheet.name);

  const steps: WriteStep[] = [];
  steps.push(checkSheetsStep([...mustExist]));
  // New sheets first: if one already exists after all, the request fails before any write.
  for (const sheet of newSheets) steps.push(addSheetStep(sheet.name));
  if (createLog) steps.push(addSheetStep(LOG_SHEET));
  for (const name of deleted) steps.push(deleteSheetStep(name));
  for (const sheet of replacedSheets) {
    if (!sheet.replace) continue;
    if (!plan.deleteSheets.includes(sheet.name)) steps.push(deleteSheetStep(sheet.name));
    // Back where the old sheet was: a re-run does not move the report to the end.
    const position = shape.sheets.findIndex((name) => name.toLowerCase() === sheet.name.toLowerCase());
    steps.push(addSheetStep(sheet.name, position));
  }

  // The log before the cells it records: a request that fails half-way can leave a log row for a
  // cell it did not write (undoing it restores what the cell still holds), never a change unlogged.
  if (createLog) {
    steps.push(
      blockStep(LOG_SHEET, { top: 0, left: 0, entries: [LOG_HEADER.map((label) => label)] }, 'formulas'),
    );
    steps.push(boldStep(LOG_SHEET, `A1:${columnLetter(LOG_HEADER.length - 1)}1`, true));
  }
  if (logRows) steps.push(logRowsStep(plan.log.map(logRow)));

  let cellsWritten = 0;
  for (const sheet of plan.sheets) {
    cellsWritten += pushCellWrites(steps, sheet.name, sheet.cells);
    pushCellStyles(steps, sheet.name, sheet.cells, sheet.merges ?? []);
    pushSheetLayout(steps, sheet, options);
  }
  const bySheet = new Map<string, CellWrite[]>();
  for (const cell of plan.cells) {
    const cells = bySheet.get(cell.sheet);
    if (cells) cells.push(cell);
    else bySheet.set(cell.sheet, [cell]);
  }
  for (const [sheet, cells] of bySheet) {
    cellsWritten += pushCellWrites(steps, sheet, cells);
    pushCellStyles(steps, sheet, cells, []);
  }
  const removals = plan.removeConditionalFormats?.length ?? 0;
  if (removals > 0) steps.push(deleteConditionalFormatsStep(removals));
  for (const format of plan.conditionalFormats) steps.push(conditionalFormatStep(format));

  const created = [...newSheets.map((sheet) => sheet.name), ...(createLog ? [LOG_SHEET] : [])];
  const gone = new Set(deleted.map((name) => name.toLowerCase()));
  const shapeAfter: WorkbookShape = {
    sheets: [...shape.sheets.filter((name) => !gone.has(name.toLowerCase())), ...created],
    tables: shape.tables.filter((table) => !gone.has(table.sheet.toLowerCase())),
  };
  return {
    steps,
    cellsWritten,
    sheetsCreated: [...plan.sheets.map((sheet) => sheet.name), ...(createLog ? [LOG_SHEET] : [])],
    shapeAfter,
  };
}

/**
 * Queues every step and syncs once; on a size refusal the host splits the plan itself, and only a
 * part it cannot split is cut here, step by step, its halves synced in turn. `onSync` is called
 * for every sync, refused ones included. `formatsToDelete`: proxies found earlier in the same
 * `Excel.run`, for the plan's removals of conditional formats.
 */
export async function runSteps(
  context: Excel.RequestContext,
  steps: WriteStep[],
  formatsToDelete: readonly Excel.ConditionalFormat[],
  onSync: () => void,
  halveWhenRefused = false,
): Promise<void> {
  const proxies = new Map<string, Excel.Worksheet>();
  const batch: WriteBatch = {
    context,
    formatsToDelete,
    worksheet(name) {
      let sheet = proxies.get(name);
      if (!sheet) {
        sheet = context.workbook.worksheets.getItem(name);
        proxies.set(name, sheet);
      }
      return sheet;
    },
    replaceWorksheet(name, sheet) {
      if (sheet) proxies.set(name, sheet);
      else proxies.delete(name);
    },
  };
  for (const step of steps) step.enqueue(batch);
  try {
    onSync();
    await context.sync();
  } catch (error) {
    // A refused request applied nothing: send the same steps again, in two smaller requests.
    const halves = halveWhenRefused && isSizeRefusal(error) ? halveSteps(steps) : null;
    if (!halves) throw error;
    await runSteps(context, halves[0], formatsToDelete, onSync, true);
    await runSteps(context, halves[1], formatsToDelete, onSync, true);
  }
}

function halveSteps(steps: WriteStep[]): [WriteStep[], WriteStep[]] | null {
  if (steps.length === 1) {
    const halves = steps[0].split();
    return halves ? [[halves[0]], [halves[1]]] : null;
  }
  const total = steps.reduce((sum, step) => sum + step.cells, 0);
  let sum = 0;
  let cut = 1;
  for (; cut < steps.length - 1; cut++) {
    sum += steps[cut - 1].cells;
    if (sum >= total / 2) break;
  }
  return [steps.slice(0, cut), steps.slice(cut)];
}

// ── steps ────────────────────────────────────────────────────────────────────────────────────

function unsplittable(
  cells: number,
  enqueue: (batch: WriteBatch) => void,
  operations = 2,
  valueBytes = 0,
): WriteStep {
  return { cells, operations, bytes: valueBytes + operations * OPERATION_BYTES, enqueue, split: () => null };
}

/** A request's size as Excel counts it. */
export function stepsCost(steps: readonly WriteStep[]): { bytes: number; operations: number } {
  let bytes = 0;
  let operations = 0;
  for (const step of steps) {
    bytes += step.bytes;
    operations += step.operations;
  }
  return { bytes, operations };
}

/** A cheap read that fails with ItemNotFound if a sheet is gone, before anything is written. */
function checkSheetsStep(names: string[]): WriteStep {
  return unsplittable(
    0,
    (batch) => {
      for (const name of names) batch.worksheet(name).load('name');
    },
    2 * names.length,
  );
}

function addSheetStep(name: string, position?: number): WriteStep {
  return unsplittable(0, (batch) => {
    const sheet = batch.context.workbook.worksheets.add(name);
    if (position !== undefined) sheet.position = position;
    batch.replaceWorksheet(name, sheet);
  });
}

function deleteSheetStep(name: string): WriteStep {
  return unsplittable(0, (batch) => {
    batch.context.workbook.worksheets.getItem(name).delete();
    batch.replaceWorksheet(name, null);
  });
}

function blockAddress(block: CellBlock<unknown>): string {
  const rows = block.entries.length;
  const cols = block.entries[0]?.length ?? 0;
  const start = `${columnLetter(block.left)}${block.top + 1}`;
  return rows === 1 && cols === 1
    ? start
    : `${start}:${columnLetter(block.left + cols - 1)}${block.top + rows}`;
}

function blockStep(sheet: string, block: CellBlock<CellInput>, property: 'formulas'): WriteStep;
function blockStep(sheet: string, block: CellBlock<string>, property: 'numberFormat'): WriteStep;
function blockStep(
  sheet: string,
  block: CellBlock<CellInput>,
  property: 'formulas' | 'numberFormat',
): WriteStep {
  return {
    cells: blockCellCount(block),
    operations: 3,
    bytes: JSON.stringify(block.entries).length + 3 * OPERATION_BYTES,
    enqueue(batch) {
      const range = batch.worksheet(sheet).getRange(blockAddress(block));
      // Formulas in English through `formulas` (never formulasLocal); formats as en-US codes.
      if (property === 'formulas') range.formulas = block.entries;
      else range.numberFormat = block.entries;
    },
    split() {
      const halves = halveBlock(block);
      return halves
        ? [
            blockStep(sheet, halves[0], property as 'formulas'),
            blockStep(sheet, halves[1], property as 'formulas'),
          ]
        : null;
    },
  };
}

function boldStep(sheet: string, address: string, bold: boolean): WriteStep {
  return unsplittable(1, (batch) => {
    batch.worksheet(sheet).getRange(address).format.font.bold = bold;
  });
}

/** Contents, number formats and bold of one sheet's writes, grouped into rectangles. Returns the cells touched. */
function pushCellWrites(steps: WriteStep[], sheet: string, writes: CellWrite[]): number {
  const placed = placeWrites(writes);
  for (const block of rectangularBlocks(placed.content)) steps.push(blockStep(sheet, block, 'formulas'));
  for (const block of rectangularBlocks(placed.numberFormats))
    steps.push(blockStep(sheet, block, 'numberFormat'));
  for (const bold of [true, false]) {
    const cells = placed.bold.filter((item) => item.entry === bold);
    for (const block of rectangularBlocks(cells)) steps.push(boldStep(sheet, blockAddress(block), bold));
  }
  return placed.cellCount;
}

type StyleProperty = 'wrap' | 'fill' | 'border' | 'horizontal' | 'vertical';

// Office.js takes its enums' string values; the fake Excel of the tests defines no `Excel.*` enums for these.
const HORIZONTAL: Record<string, 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};
const VERTICAL: Record<string, 'Top' | 'Center' | 'Bottom'> = {
  top: 'Top',
  center: 'Center',
  bottom: 'Bottom',
};

/** The style a write gives its cell, property by property (`undefined`: left as it is). */
function styleEntries(write: CellWrite): [StyleProperty, string | boolean | undefined][] {
  return [
    ['wrap', write.wrap],
    ['fill', write.fill],
    ['border', write.border],
    ['horizontal', write.align?.horizontal],
    ['vertical', write.align?.vertical],
  ];
}

/**
 * Wrap, fill, borders and alignment of one sheet's writes: one step per property and rectangle of
 * cells with the same value. A merged cell takes its first cell's style over the whole merge, so
 * that its borders and fill cover it all.
 */
function pushCellStyles(steps: WriteStep[], sheet: string, writes: CellWrite[], merges: string[]): void {
  const mergeAt = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const merge of merges) {
    const [start, end] = merge.split(':').map(parseA1);
    if (start && end)
      mergeAt.set(`${start.row}:${start.col}`, {
        top: start.row,
        left: start.col,
        bottom: end.row,
        right: end.col,
      });
  }
  const placed = new Map<StyleProperty, PlacedEntry<string | boolean>[]>();
  for (const write of writes) {
    const ref = parseA1(write.cell);
    if (!ref) continue;
    const box = mergeAt.get(`${ref.row}:${ref.col}`) ?? {
      top: ref.row,
      left: ref.col,
      bottom: ref.row,
      right: ref.col,
    };
    for (const [property, value] of styleEntries(write)) {
      if (value === undefined) continue;
      const list = placed.get(property) ?? [];
      for (let row = box.top; row <= box.bottom; row++)
        for (let col = box.left; col <= box.right; col++) list.push({ row, col, entry: value });
      placed.set(property, list);
    }
  }
  for (const [property, entries] of placed) {
    const values = [...new Set(entries.map((item) => item.entry))];
    for (const value of values) {
      for (const block of rectangularBlocks(entries.filter((item) => item.entry === value))) {
        steps.push(styleStep(sheet, block, property, value));
      }
    }
  }
}

function styleStep(
  sheet: string,
  block: CellBlock<unknown>,
  property: StyleProperty,
  value: string | boolean,
): WriteStep {
  const rows = block.entries.length;
  const cols = block.entries[0]?.length ?? 0;
  const operations = property === 'border' ? 3 + 6 * 4 : 4;
  return unsplittable(
    0,
    (batch) => {
      const format = batch.worksheet(sheet).getRange(blockAddress(block)).format;
      switch (property) {
        case 'wrap':
          format.wrapText = value === true;
          break;
        case 'fill':
          format.fill.color = String(value);
          break;
        case 'horizontal':
          format.horizontalAlignment = HORIZONTAL[String(value)];
          break;
        case 'vertical':
          format.verticalAlignment = VERTICAL[String(value)];
          break;
        case 'border': {
          // Inside edges only where the rectangle has some: Excel has none to set on one cell.
          const edges = [
            'EdgeTop',
            'EdgeBottom',
            'EdgeLeft',
            'EdgeRight',
            ...(rows > 1 ? ['InsideHorizontal'] : []),
            ...(cols > 1 ? ['InsideVertical'] : []),
          ] as Excel.BorderIndex[];
          for (const edge of edges) {
            const border = format.borders.getItem(edge);
            border.style = 'Continuous';
            border.weight = 'Thin';
            border.color = '#000000';
          }
          break;
        }
      }
    },
    operations,
  );
}

/** Consecutive rows of the same height, as `[first, last, points]` (0-based rows). */
function rowHeightRuns(heights: Record<number, number>): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (const [key, points] of Object.entries(heights).sort(([a], [b]) => Number(a) - Number(b))) {
    const row = Number(key);
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1 && last[2] === points) last[1] = row;
    else runs.push([row, row, points]);
  }
  return runs;
}

/** Excel's column width: characters of the default font → points, the unit of `format.columnWidth`. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function pushSheetLayout(steps: WriteStep[], sheet: SheetPlan, options: ApplyOptions): void {
  const widths = sheet.columnWidths ?? [];
  for (let col = 0; col < widths.length;) {
    const width = widths[col];
    let end = col;
    while (end + 1 < widths.length && widths[end + 1] === width) end++;
    if (typeof width === 'number' && width > 0) {
      const address = `${columnLetter(col)}:${columnLetter(end)}`;
      steps.push(
        unsplittable(0, (batch) => {
          batch.worksheet(sheet.name).getRange(address).format.columnWidth = columnWidthPoints(width);
        }),
      );
    }
    col = end + 1;
  }
  for (const merge of sheet.merges ?? []) {
    steps.push(unsplittable(0, (batch) => batch.worksheet(sheet.name).getRange(merge).merge(false)));
  }
  for (const [first, last, points] of rowHeightRuns(sheet.rowHeights ?? {})) {
    steps.push(
      unsplittable(0, (batch) => {
        batch.worksheet(sheet.name).getRange(`${first + 1}:${last + 1}`).format.rowHeight = points;
      }),
    );
  }
  if (!options.printSetup) return;
  const footer = sheet.footer;
  if (footer)
    steps.push(unsplittable(0, (batch) => setFooter(batch.worksheet(sheet.name).pageLayout, footer)));
  const print = sheet.print;
  if (print) {
    steps.push(
      unsplittable(0, (batch) => {
        const layout = batch.worksheet(sheet.name).pageLayout;
        layout.orientation =
          print.orientation === 'landscape'
            ? Excel.PageOrientation.landscape
            : Excel.PageOrientation.portrait;
        layout.paperSize = Excel.PaperType.a4;
        // One page wide, as many pages tall as needed.
        if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }),
    );
  }
  const titleRows = sheet.printTitleRows;
  if (titleRows) {
    const absolute = titleRows
      .split(':')
      .map((row) => `$${row.replace(/\$/g, '')}`)
      .join(':');
    steps.push(
      unsplittable(0, (batch) => batch.worksheet(sheet.name).pageLayout.setPrintTitleRows(absolute)),
    );
  }
}

/** The same footer on every printed page (ExcelApi 1.9, as the rest of the page layout). */
function setFooter(layout: Excel.PageLayout, footer: PageFooter): void {
  const page = layout.headersFooters.defaultForAllPages;
  if (footer.left !== undefined) page.leftFooter = footer.left;
  if (footer.center !== undefined) page.centerFooter = footer.center;
  if (footer.right !== undefined) page.rightFooter = footer.right;
}

/** Deletes the conditional formats the undo of a flag removes (found before the request). */
function deleteConditionalFormatsStep(count: number): WriteStep {
  return unsplittable(
    0,
    (batch) => {
      for (const format of batch.formatsToDelete) format.delete();
    },
    count,
  );
}

function conditionalFormatStep(format: ConditionalFormat): WriteStep {
  const bytes = JSON.stringify([format.range, format.formula, format.fill, format.fontColor]).length;
  return unsplittable(
    1,
    (batch) => {
      const conditional = batch
        .worksheet(format.sheet)
        .getRange(format.range)
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      conditional.custom.rule.formula = format.formula;
      conditional.custom.format.fill.color = format.fill;
      conditional.custom.format.font.color = format.fontColor;
    },
    8,
    bytes,
  );
}

/** One log row, in LOG_HEADER's order; every text stays text (a formula in `old`/`new` included). */
function logRow(entry: LogEntry): CellInput[] {
  return logRowValues(entry).map(constantInput);
}

/**
 * Appends rows below the log sheet's last used row, found by Excel when the request runs (the used
 * range's last row, its row, column A, one row down): no read needed, and two halves appended one
 * after the other stay in order.
 */
function logRowsStep(rows: CellInput[][]): WriteStep {
  return {
    cells: rows.length * LOG_HEADER.length,
    operations: 9,
    bytes: JSON.stringify(rows).length + 9 * OPERATION_BYTES,
    enqueue(batch) {
      const target = batch
        .worksheet(LOG_SHEET)
        .getUsedRange(true)
        .getLastRow()
        .getEntireRow()
        .getCell(0, 0)
        .getOffsetRange(1, 0)
        .getResizedRange(rows.length - 1, LOG_HEADER.length - 1);
      target.formulas = rows;
    },
    split() {
      if (rows.length < 2) return null;
      const half = Math.ceil(rows.length / 2);
      return [logRowsStep(rows.slice(0, half)), logRowsStep(rows.slice(half))];
    },
  };
}
