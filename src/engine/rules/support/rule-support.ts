import type Decimal from 'decimal.js';
import type { NumberCell } from '../../cells';
import { roundExcel } from '../../excel-round';
import type { TableKind } from '../../finding';
import type { LocatedTables } from '../../tables';
import { AMOUNT_COLUMNS, RATIOS } from '../../tables';
import { a1 } from '../../address';

/**
 * How far apart two amounts are, to the cent. Formula results carry floating-point noise (a SUM of
 * cents cached as 266432439.24000004): that is no difference at all.
 */
export function amountDifference(a: Decimal, b: Decimal): Decimal {
  return roundExcel(a.minus(b).abs(), 2);
}

export interface TableNumberCell {
  cell: NumberCell;
  table: TableKind;
  /** Amounts must not be negative; ratios and indicator values are checked elsewhere. */
  amount: boolean;
}

const numberCellsCache = new WeakMap<LocatedTables, TableNumberCell[]>();

/** Every numeric cell of the located tables, with the table it belongs to (listed once per analysis). */
export function numberCellsOf(tables: LocatedTables): TableNumberCell[] {
  let cells = numberCellsCache.get(tables);
  if (!cells) {
    cells = collectNumberCells(tables);
    numberCellsCache.set(tables, cells);
  }
  return cells;
}

function collectNumberCells(tables: LocatedTables): TableNumberCell[] {
  const out: TableNumberCell[] = [];
  const push = (cell: NumberCell | null | undefined, table: TableKind, amount: boolean) => {
    if (cell) out.push({ cell, table, amount });
  };
  if (tables.plan) {
    for (const row of [...tables.plan.rows, ...(tables.plan.total ? [tables.plan.total] : [])]) {
      push(row.allocation, 'plan', true);
      push(row.share, 'plan', false);
    }
  }
  if (tables.progress) {
    for (const row of [...tables.progress.rows, ...(tables.progress.total ? [tables.progress.total] : [])]) {
      for (const letter of AMOUNT_COLUMNS) push(row.cells[letter], 'progress', true);
      for (const { ratio } of RATIOS) push(row.cells[ratio], 'progress', false);
    }
  }
  if (tables.indicators) {
    for (const row of tables.indicators.rows) {
      push(row.value, 'indicators', false);
      push(row.target, 'indicators', false);
    }
  }
  return out;
}

/** The top-left header cell of a table, where table-wide findings point. */
export function headerCell(table: { headerTop: number; left: number }): string {
  return a1(table.headerTop, table.left);
}

export function isNumeric(cell: NumberCell | null | undefined): cell is NumberCell & { value: Decimal } {
  return !!cell && cell.value !== null && (cell.kind === 'number' || cell.kind === 'text-number');
}
