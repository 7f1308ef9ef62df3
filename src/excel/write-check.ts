import { a1, parseA1 } from '../engine/address';
import { formulaKey } from '../engine/formula-refs';
import { cellAt, isCellError, type CellValue } from '../engine/grid';
import type { CellState, CellWrite, LogEntry, WritePlan } from '../engine/plan';
import { LOG_ACTION_LABELS, LOG_SHEET } from '../engine/plan';
import { blockCellCount, halveBlock, rectangularBlocks, type CellBlock } from './cell-blocks';
import { queueFormatProbes, type FormatTarget } from './conditional-formats';
import { HostWriteError } from './office-errors';
import { sheetGridOf, type WorkbookShape } from './read-workbook';

/**
 * The read a write starts with, in ONE request (two when a conditional format leaves a doubt):
 * - each sheet the plan writes into: is it protected? Then nothing is written, and the message
 *   names the sheet;
 * - each cell the plan overwrites: does it still hold what the check read (`CellWrite.previous`)?
 *   If one does not, the user edited it since: nothing is written. A cell that already holds what
 *   the plan writes (a retry after a write that stopped) is left out;
 * - the conditional formats the plan adds (one already there with the same range and rule is not
 *   added again) and removes (found, to delete them);
 * - the log's length, and on a retry the rows since the first try: a row already logged is not
 *   logged again.
 * Everything is read before anything is written, so a refusal leaves the workbook as it was.
 */

/** A plan applied before: where its first try began in the log. */
export interface FirstTry {
  logRowsBefore: number;
}

export interface WriteCheck {
  /** The plan less what is already in the workbook. */
  plan: WritePlan;
  formatsToDelete: Excel.ConditionalFormat[];
  /** Rows of the log sheet (its header included), 0 without one. */
  logRows: number;
  /** The sheet and table names as the check found them. */
  shape: WorkbookShape;
}

export interface WriteCheckOptions {
  /** `ConditionalFormat.getRanges` (ExcelApi 1.9) may be used. */
  ranges: boolean;
  firstTry: FirstTry | null;
  /** Cells whose state one request reads (four properties each, under the 5 MB response limit). */
  readCells: number;
  onSync: () => void;
}

function sheetsTouched(plan: WritePlan, exists: (name: string) => boolean): string[] {
  const names = new Map<string, string>();
  const add = (name: string): void => {
    if (exists(name)) names.set(name.toLowerCase(), name);
  };
  for (const write of plan.cells) add(write.sheet);
  for (const format of plan.conditionalFormats) add(format.sheet);
  for (const removal of plan.removeConditionalFormats ?? []) add(removal.sheet);
  for (const sheet of plan.sheets) add(sheet.name);
  if (plan.log.length > 0) add(LOG_SHEET);
  return [...names.values()];
}

function notFound(sheet: string): Error {
  return Object.assign(new Error(`The sheet '${sheet}' does not exist.`), { code: 'ItemNotFound' });
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return a === b;
}

const formatOf = (format: string | undefined): string => (format && format !== '' ? format : 'General');

/** Whether the cell holds `state`: the same formula (as Excel may respell it), or the same constant. */
function holds(current: CellState, state: CellState): boolean {
  if (formatOf(current.numberFormat) !== formatOf(state.numberFormat)) return false;
  if (state.formula !== null)
    return current.formula !== null && formulaKey(current.formula) === formulaKey(state.formula);
  return current.formula === null && sameValue(current.value, state.value);
}

/** Whether the cell already holds what the write puts there (a retry): content and format. */
function holdsWrite(current: CellState, write: CellWrite): boolean {
  if (write.numberFormat !== undefined && formatOf(current.numberFormat) !== formatOf(write.numberFormat))
    return false;
  if (write.formula !== undefined)
    return current.formula !== null && formulaKey(current.formula) === formulaKey(write.formula);
  if (write.value !== undefined) return current.formula === null && sameValue(current.value, write.value);
  return true;
}

const logKey = (time: unknown, action: unknown, sheet: unknown, cell: unknown): string =>
  JSON.stringify([String(time ?? ''), String(action ?? ''), String(sheet ?? ''), String(cell ?? '')]);

const entryKey = (entry: LogEntry): string =>
  logKey(entry.time, LOG_ACTION_LABELS[entry.action], entry.sheet, entry.cell);

/** A block cut in halves until each has at most `cells` cells. */
function fitted<T>(block: CellBlock<T>, cells: number): CellBlock<T>[] {
  if (blockCellCount(block) <= cells) return [block];
  const halves = halveBlock(block);
  return halves ? [...fitted(halves[0], cells), ...fitted(halves[1], cells)] : [block];
}

export async function checkBeforeWrite(
  context: Excel.RequestContext,
  plan: WritePlan,
  shape: WorkbookShape,
  options: WriteCheckOptions,
): Promise<WriteCheck> {
  const exists = (name: string): boolean =>
    shape.sheets.some((sheet) => sheet.toLowerCase() === name.toLowerCase());
  for (const write of plan.cells) if (!exists(write.sheet)) throw notFound(write.sheet);
  for (const format of plan.conditionalFormats) if (!exists(format.sheet)) throw notFound(format.sheet);

  // The names again: a sheet the user added since (named like one the plan creates) is then known.
  const sheetList = context.workbook.worksheets.load('items/name');
  const tableList = context.workbook.tables.load('items/name, items/worksheet/name');
  const protections = sheetsTouched(plan, exists).map((name) => {
    const protection = context.workbook.worksheets.getItem(name).protection.load('protected');
    return { name, protection };
  });

  // The cells the plan overwrites, in rectangles as the plan writes them.
  const checked = new Map<string, CellWrite[]>();
  for (const write of plan.cells) {
    if (!write.previous) continue;
    const list = checked.get(write.sheet);
    if (list) list.push(write);
    else checked.set(write.sheet, [write]);
  }
  const blocks: { sheet: string; block: CellBlock<CellWrite> }[] = [];
  for (const [sheet, writes] of checked) {
    const placed = writes.flatMap((write) => {
      const ref = parseA1(write.cell);
      return ref ? [{ ...ref, entry: write }] : [];
    });
    for (const block of rectangularBlocks(placed))
      blocks.push(...fitted(block, options.readCells).map((b) => ({ sheet, block: b })));
  }
  const readings: { sheet: string; block: CellBlock<CellWrite>; range: Excel.Range }[] = [];
  const queueReading = (sheet: string, block: CellBlock<CellWrite>): void => {
    const rows = block.entries.length;
    const cols = block.entries[0]?.length ?? 0;
    const address = `${a1(block.top, block.left)}:${a1(block.top + rows - 1, block.left + cols - 1)}`;
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load(['values', 'formulas', 'numberFormat', 'valueTypes']);
    readings.push({ sheet, block, range });
  };
  // The cells go with the rest of the check up to what one response carries; more in requests of their own.
  let cells = 0;
  const later: typeof blocks = [];
  for (const { sheet, block } of blocks) {
    const size = blockCellCount(block);
    if (cells + size > options.readCells && cells > 0) later.push({ sheet, block });
    else {
      cells += size;
      queueReading(sheet, block);
    }
  }

  const removals: FormatTarget[] = plan.removeConditionalFormats ?? [];
  const probes = queueFormatProbes(context, [...plan.conditionalFormats, ...removals], exists, {
    ranges: options.ranges,
  });

  const hasLog = exists(LOG_SHEET);
  const logSheet = hasLog ? context.workbook.worksheets.getItem(LOG_SHEET) : null;
  const logUsed = logSheet?.getUsedRangeOrNullObject(true).load(['rowIndex', 'rowCount']) ?? null;
  const firstTry = options.firstTry;
  const logTail =
    logSheet && firstTry && plan.log.length > 0
      ? logSheet
          .getRange(`A${firstTry.logRowsBefore + 1}:E${firstTry.logRowsBefore + plan.log.length + 1}`)
          .load('values')
      : null;

  options.onSync();
  await context.sync();
  const found = await probes.resolve(options.onSync);
  while (later.length > 0) {
    let size = 0;
    while (later.length > 0 && (size === 0 || size + blockCellCount(later[0].block) <= options.readCells)) {
      const next = later.shift() as (typeof later)[number];
      size += blockCellCount(next.block);
      queueReading(next.sheet, next.block);
    }
    options.onSync();
    // Only for a plan overwriting more cells than one response carries.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }

  const protectedSheet = protections.find(({ protection }) => protection.protected);
  if (protectedSheet) throw new HostWriteError('SheetProtected', { sheet: protectedSheet.name });

  const changed: { sheet: string; cell: string }[] = [];
  const done = new Set<CellWrite>();
  for (const { sheet, block, range } of readings) {
    const grid = sheetGridOf(sheet, {
      rowIndex: block.top,
      columnIndex: block.left,
      values: range.values,
      formulas: range.formulas,
      numberFormat: range.numberFormat,
      valueTypes: range.valueTypes,
    });
    block.entries.forEach((row, r) =>
      row.forEach((write, c) => {
        const current = cellAt(grid, block.top + r, block.left + c);
        if (write.previous && holds(current, write.previous)) return;
        if (holdsWrite(current, write)) done.add(write);
        else changed.push({ sheet: write.sheet, cell: write.cell });
      }),
    );
  }
  if (changed.length > 0) throw new HostWriteError('WorkbookChanged', { cells: changed });

  // Rows a first try already logged, each standing for one entry.
  const logged = new Map<string, number>();
  for (const row of (logTail?.values ?? []) as unknown[][]) {
    const key = logKey(row[0], row[1], row[3], row[4]);
    logged.set(key, (logged.get(key) ?? 0) + 1);
  }
  const log = plan.log.filter((entry) => {
    const key = entryKey(entry);
    const left = logged.get(key) ?? 0;
    if (left === 0) return true;
    logged.set(key, left - 1);
    return false;
  });

  // A format already there with the same range and rule is not added again, nor logged as added.
  const present = new Set(plan.conditionalFormats.filter((_, i) => found[i].length > 0));
  const presentAt = new Set([...present].map((format) => `${format.sheet.toLowerCase()}!${format.range}`));
  return {
    plan: {
      ...plan,
      cells: plan.cells.filter((write) => !done.has(write)),
      conditionalFormats: plan.conditionalFormats.filter((format) => !present.has(format)),
      log: log.filter(
        (entry) => !(plan.action === 'flag' && presentAt.has(`${entry.sheet.toLowerCase()}!${entry.cell}`)),
      ),
    },
    formatsToDelete: [...new Set(found.slice(plan.conditionalFormats.length).flat())],
    logRows: logUsed && !logUsed.isNullObject ? logUsed.rowIndex + logUsed.rowCount : 0,
    shape: {
      sheets: sheetList.items.map((sheet) => sheet.name),
      tables: tableList.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
    },
  };
}
