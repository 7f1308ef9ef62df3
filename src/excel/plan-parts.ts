import { parseA1 } from '../engine/address';
import type { CellWrite, LogEntry, SheetPlan, WritePlan } from '../engine/plan';
import { logRowValues } from '../engine/plan';

/**
 * A WritePlan cut into parts that each fit one Office.js request (Excel on the web refuses a request
 * over 5 MB). Each part is a WritePlan too, carrying the log rows of exactly the cells, sheets and
 * formats it writes: a request that fails leaves the log matching what was applied, so an undo
 * restores it. No Office.js here.
 */

/** What one request may carry, by the host's estimate. */
export interface RequestBudget {
  bytes: number;
  operations: number;
  /** Cells the check before a write reads per request (their four properties come back). */
  readCells: number;
}

/** Under Excel on the web's 5 MB, with room for what the estimate does not see. */
export const DEFAULT_BUDGET: RequestBudget = { bytes: 4_000_000, operations: 20_000, readCells: 50_000 };

/** Per cell, what a write adds besides its values (separators, the rectangles' share of envelopes). */
const CELL_BYTES = 8;
/** Per merge or style of a cell: an operation of its own, or a share of one. */
const LAYOUT_BYTES = 150;

function emptyLike(plan: WritePlan): WritePlan {
  return {
    action: plan.action,
    modelVersion: plan.modelVersion,
    cells: [],
    conditionalFormats: [],
    sheets: [],
    deleteSheets: [],
    log: [],
    conflicts: [],
  };
}

const cellKey = (sheet: string, cell: string): string => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;

interface Unit {
  plan: WritePlan;
  bytes: number;
  /** Operations, roughly: merges and styles each take some. */
  operations: number;
}

function styleCount(write: CellWrite): number {
  return (
    (write.bold !== undefined ? 1 : 0) +
    (write.wrap !== undefined ? 1 : 0) +
    (write.fill !== undefined ? 1 : 0) +
    (write.border !== undefined ? 1 : 0) +
    (write.align ? 1 : 0)
  );
}

function writeBytes(write: CellWrite): number {
  let bytes = CELL_BYTES + styleCount(write) * CELL_BYTES;
  if (write.formula !== undefined) bytes += JSON.stringify(write.formula).length;
  else if (write.value !== undefined) bytes += JSON.stringify(write.value).length;
  if (write.numberFormat !== undefined) bytes += JSON.stringify(write.numberFormat).length + CELL_BYTES;
  return bytes;
}

function logBytes(entries: readonly LogEntry[]): number {
  return entries.reduce((sum, entry) => sum + JSON.stringify(logRowValues(entry)).length + CELL_BYTES, 0);
}

/** A sheet's writes by row, rows in order, with their row numbers (0-based). */
function rowsOf(writes: readonly CellWrite[]): [number, CellWrite[]][] {
  const byRow = new Map<number, CellWrite[]>();
  for (const write of writes) {
    const row = parseA1(write.cell)?.row ?? 0;
    const list = byRow.get(row);
    if (list) list.push(write);
    else byRow.set(row, [write]);
  }
  return [...byRow.entries()].sort(([a], [b]) => a - b);
}

/**
 * A new sheet row by row: the first piece creates it with its first row and its page setup, each
 * other piece writes one more row into it, with the merges that start on that row and its height.
 */
function sheetRows(sheet: SheetPlan): SheetPlan[] {
  const rows = rowsOf(sheet.cells);
  if (rows.length === 0) return [sheet];
  const rowSet = new Set(rows.map(([row]) => row));
  const firstRow = rows[0][0];
  // Merges and heights of rows without cells go with the first piece.
  const rowOf = (row: number): number => (rowSet.has(row) ? row : firstRow);
  const mergesAt = new Map<number, string[]>();
  for (const merge of sheet.merges ?? []) {
    const row = rowOf(parseA1(merge.split(':')[0])?.row ?? firstRow);
    mergesAt.set(row, [...(mergesAt.get(row) ?? []), merge]);
  }
  const heightsAt = new Map<number, Record<number, number>>();
  for (const [key, points] of Object.entries(sheet.rowHeights ?? {})) {
    const row = rowOf(Number(key));
    heightsAt.set(row, { ...heightsAt.get(row), [Number(key)]: points });
  }
  return rows.map(([row, cells], i) => {
    const piece: SheetPlan = i === 0 ? { ...sheet, cells } : { name: sheet.name, replace: false, cells };
    delete piece.merges;
    delete piece.rowHeights;
    const merges = mergesAt.get(row);
    if (merges) piece.merges = merges;
    const heights = heightsAt.get(row);
    if (heights) piece.rowHeights = heights;
    return piece;
  });
}

/**
 * The smallest pieces a plan is cut into, in the order they must be written: sheets created,
 * replaced or deleted (with the log rows about them); then row by row the cells of new sheets and
 * of existing ones, each with the log rows of its cells; the conditional formats added, each with
 * its log row; the formats removed; and any log row left (an undo's marker) with the last piece.
 */
function unitsOf(plan: WritePlan): Unit[] {
  const logByCell = new Map<string, LogEntry[]>();
  for (const entry of plan.log) {
    const key = cellKey(entry.sheet, entry.cell);
    const list = logByCell.get(key);
    if (list) list.push(entry);
    else logByCell.set(key, [entry]);
  }
  const claim = (sheet: string, cell: string): LogEntry[] => {
    const key = cellKey(sheet, cell);
    const entries = logByCell.get(key) ?? [];
    logByCell.delete(key);
    return entries;
  };
  const units: Unit[] = [];
  const push = (unit: WritePlan): void => {
    const writes = [...unit.cells, ...unit.sheets.flatMap((sheet) => sheet.cells)];
    const styles = writes.reduce((sum, write) => sum + styleCount(write), 0);
    const merges = unit.sheets.reduce((sum, sheet) => sum + (sheet.merges?.length ?? 0), 0);
    const bytes =
      writes.reduce((sum, write) => sum + writeBytes(write), 0) +
      (merges + styles) * LAYOUT_BYTES +
      unit.conditionalFormats.reduce((sum, format) => sum + JSON.stringify(format).length, 0) +
      logBytes(unit.log);
    units.push({ plan: unit, bytes, operations: 2 * merges + Math.ceil(styles / 4) + 1 });
  };

  const laterRows: SheetPlan[] = [];
  if (plan.sheets.length > 0 || plan.deleteSheets.length > 0) {
    const structure = emptyLike(plan);
    structure.deleteSheets = [...plan.deleteSheets];
    for (const sheet of plan.sheets) {
      const [first, ...rest] = sheetRows(sheet);
      structure.sheets.push(first);
      laterRows.push(...rest);
    }
    for (const name of [...plan.sheets.map((sheet) => sheet.name), ...plan.deleteSheets])
      structure.log.push(...claim(name, ''));
    push(structure);
  }
  for (const row of laterRows) {
    const unit = emptyLike(plan);
    unit.sheets = [row];
    push(unit);
  }
  const bySheet = new Map<string, CellWrite[]>();
  for (const write of plan.cells) {
    const list = bySheet.get(write.sheet);
    if (list) list.push(write);
    else bySheet.set(write.sheet, [write]);
  }
  for (const writes of bySheet.values()) {
    for (const [, row] of rowsOf(writes)) {
      const unit = emptyLike(plan);
      unit.cells = row;
      for (const write of row) unit.log.push(...claim(write.sheet, write.cell));
      push(unit);
    }
  }
  for (const format of plan.conditionalFormats) {
    const unit = emptyLike(plan);
    unit.conditionalFormats = [format];
    unit.log = claim(format.sheet, format.range);
    push(unit);
  }
  if ((plan.removeConditionalFormats?.length ?? 0) > 0) {
    const unit = emptyLike(plan);
    unit.removeConditionalFormats = [...(plan.removeConditionalFormats ?? [])];
    push(unit);
  }
  // What no piece claimed (an undo's marker, a log row about no written cell) ends the plan.
  const rest = plan.log.filter((entry) => logByCell.get(cellKey(entry.sheet, entry.cell))?.includes(entry));
  if (rest.length > 0) {
    if (units.length === 0) push(emptyLike(plan));
    const last = units[units.length - 1];
    last.plan.log.push(...rest);
    last.bytes += logBytes(rest);
  }
  return units;
}

/** The pieces as one plan, in order. */
export function joinParts(parts: readonly WritePlan[], like: WritePlan): WritePlan {
  const joined = emptyLike(like);
  for (const part of parts) {
    joined.cells.push(...part.cells);
    joined.conditionalFormats.push(...part.conditionalFormats);
    for (const sheet of part.sheets) {
      // Rows of one new sheet, joined again: one SheetPlan, as the plan had it.
      const same = joined.sheets.find((other) => other.name === sheet.name);
      if (!same) {
        joined.sheets.push({ ...sheet, cells: [...sheet.cells] });
        continue;
      }
      same.cells.push(...sheet.cells);
      if (sheet.merges) same.merges = [...(same.merges ?? []), ...sheet.merges];
      if (sheet.rowHeights) same.rowHeights = { ...same.rowHeights, ...sheet.rowHeights };
    }
    joined.deleteSheets.push(...part.deleteSheets);
    joined.log.push(...part.log);
    if (part.removeConditionalFormats)
      (joined.removeConditionalFormats ??= []).push(...part.removeConditionalFormats);
  }
  return joined;
}

/** The plan in parts of at most `budget.bytes` each by estimate (one part for any usual plan). */
export function splitPlan(plan: WritePlan, budget: RequestBudget): WritePlan[] {
  const units = unitsOf(plan);
  const parts: WritePlan[][] = [];
  let current: WritePlan[] = [];
  let bytes = 0;
  let operations = 0;
  for (const unit of units) {
    if (
      current.length > 0 &&
      (bytes + unit.bytes > budget.bytes || operations + unit.operations > budget.operations)
    ) {
      parts.push(current);
      current = [];
      bytes = 0;
      operations = 0;
    }
    current.push(unit.plan);
    bytes += unit.bytes;
    operations += unit.operations;
  }
  if (current.length > 0) parts.push(current);
  return parts.map((part) => joinParts(part, plan));
}

/** Two halves of a part, in order, or `null` when it is one piece. */
export function halvePlan(plan: WritePlan): [WritePlan, WritePlan] | null {
  const units = unitsOf(plan);
  if (units.length < 2) return null;
  const total = units.reduce((sum, unit) => sum + unit.bytes, 0);
  let sum = 0;
  let cut = 1;
  for (; cut < units.length - 1; cut++) {
    sum += units[cut - 1].bytes;
    if (sum >= total / 2) break;
  }
  return [
    joinParts(
      units.slice(0, cut).map((unit) => unit.plan),
      plan,
    ),
    joinParts(
      units.slice(cut).map((unit) => unit.plan),
      plan,
    ),
  ];
}
