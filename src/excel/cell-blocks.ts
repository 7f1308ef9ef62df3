import { parseA1 } from '../engine/address';
import type { CellWrite } from '../engine/plan';

/**
 * Pure helpers that turn a plan's cell writes into few rectangular writes: one `range.formulas`
 * (or `numberFormat`) per rectangle instead of one request per cell. No Office.js here.
 */

/** A dense rectangle of entries, `entries[r][c]` at row `top + r`, column `left + c` (0-based). */
export interface CellBlock<T> {
  top: number;
  left: number;
  entries: T[][];
}

export interface PlacedEntry<T> {
  row: number;
  col: number;
  entry: T;
}

export function blockCellCount<T>(block: CellBlock<T>): number {
  return block.entries.length * (block.entries[0]?.length ?? 0);
}

/**
 * Groups entries into rectangles without holes: runs of consecutive rows in a column, then runs of
 * neighbouring columns with the same rows. A cell given twice keeps its last entry.
 */
export function rectangularBlocks<T>(placed: PlacedEntry<T>[]): CellBlock<T>[] {
  const byCell = new Map<string, PlacedEntry<T>>();
  for (const item of placed) byCell.set(`${item.row}:${item.col}`, item);
  const byColumn = new Map<number, PlacedEntry<T>[]>();
  for (const item of byCell.values()) {
    const column = byColumn.get(item.col) ?? [];
    column.push(item);
    byColumn.set(item.col, column);
  }

  interface Strip {
    col: number;
    top: number;
    items: T[];
  }
  const strips: Strip[] = [];
  for (const [col, items] of byColumn) {
    items.sort((a, b) => a.row - b.row);
    let strip: Strip | null = null;
    for (const item of items) {
      if (strip && item.row === strip.top + strip.items.length) {
        strip.items.push(item.entry);
      } else {
        strip = { col, top: item.row, items: [item.entry] };
        strips.push(strip);
      }
    }
  }
  strips.sort((a, b) => a.top - b.top || a.items.length - b.items.length || a.col - b.col);

  const blocks: CellBlock<T>[] = [];
  let current: { block: CellBlock<T>; right: number; height: number } | null = null;
  for (const strip of strips) {
    if (
      current &&
      strip.top === current.block.top &&
      strip.items.length === current.height &&
      strip.col === current.right + 1
    ) {
      current.block.entries.forEach((row, r) => row.push(strip.items[r]));
      current.right = strip.col;
    } else {
      current = {
        block: { top: strip.top, left: strip.col, entries: strip.items.map((entry) => [entry]) },
        right: strip.col,
        height: strip.items.length,
      };
      blocks.push(current.block);
    }
  }
  return blocks.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Splits a block in two halves by rows (or, for a single row, by columns); `null` for one cell. */
export function halveBlock<T>(block: CellBlock<T>): [CellBlock<T>, CellBlock<T>] | null {
  const rows = block.entries.length;
  const cols = block.entries[0]?.length ?? 0;
  if (rows > 1) {
    const half = Math.ceil(rows / 2);
    return [
      { top: block.top, left: block.left, entries: block.entries.slice(0, half) },
      { top: block.top + half, left: block.left, entries: block.entries.slice(half) },
    ];
  }
  if (cols > 1) {
    const half = Math.ceil(cols / 2);
    return [
      { top: block.top, left: block.left, entries: [block.entries[0].slice(0, half)] },
      { top: block.top, left: block.left + half, entries: [block.entries[0].slice(half)] },
    ];
  }
  return null;
}

/** What goes into `range.formulas` for one cell: a formula, a number, a boolean, or text kept as text. */
export type CellInput = string | number | boolean;

/**
 * A constant as it must be written so Excel keeps it as it is. Strings Excel would read as
 * something else when typed — a formula (`=`, `+`, `-`, `@`), a number, date, percentage or
 * currency, a boolean, an error literal (`#N/A`), or text with a leading apostrophe — get the
 * apostrophe prefix, which Excel keeps as "this is text" and does not show. `null` clears the cell.
 */
export function constantInput(value: number | string | boolean | null): CellInput {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  return needsTextPrefix(value) ? `'${value}` : value;
}

export function needsTextPrefix(text: string): boolean {
  if (text === '') return false;
  return /^[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false|vero|falso)\s*$/i.test(text);
}

/** The cell's content entry, or `undefined` when the write changes only its format. */
export function contentInput(write: Pick<CellWrite, 'formula' | 'value'>): CellInput | undefined {
  if (write.formula !== undefined) return write.formula;
  if (write.value !== undefined) return constantInput(write.value);
  return undefined;
}

export interface PlacedWrites {
  content: PlacedEntry<CellInput>[];
  numberFormats: PlacedEntry<string>[];
  bold: PlacedEntry<boolean>[];
  /** Distinct cells touched. */
  cellCount: number;
}

/** Sorts a sheet's writes into contents, formats and bold, by 0-based position. */
export function placeWrites(
  writes: Pick<CellWrite, 'cell' | 'formula' | 'value' | 'numberFormat' | 'bold'>[],
): PlacedWrites {
  const placed: PlacedWrites = { content: [], numberFormats: [], bold: [], cellCount: 0 };
  const touched = new Set<string>();
  for (const write of writes) {
    const ref = parseA1(write.cell);
    if (!ref) throw new Error(`CellWrite with an invalid address: ${write.cell}`);
    const content = contentInput(write);
    if (content !== undefined) placed.content.push({ ...ref, entry: content });
    if (write.numberFormat !== undefined) placed.numberFormats.push({ ...ref, entry: write.numberFormat });
    if (write.bold !== undefined) placed.bold.push({ ...ref, entry: write.bold });
    touched.add(`${ref.row}:${ref.col}`);
  }
  placed.cellCount = touched.size;
  return placed;
}
