/**
 * What the formula audit looks at: every cell of the located tables, with the column it is in and
 * whether it is a total, and the cells a formula refers to (ranges expanded, bounded).
 */
import { a1 } from '../../address';
import type { NumberCell } from '../../cells';
import type { TableKind } from '../../finding';
import { formulaKey, isExternalSheet, referencesOf } from '../../formula-refs';
import type { LocatedTables } from '../../tables';
import { AMOUNT_COLUMNS, RATIOS } from '../../tables';

export type AuditRole = 'amount' | 'ratio' | 'share' | 'indicator';

export interface AuditCell {
  cell: NumberCell;
  table: TableKind;
  /** The column as the table names it (`allocation`, `B`, `value`…), so runs are read per column. */
  column: string;
  role: AuditRole;
  /** The totals row's cell. */
  total: boolean;
}

const cache = new WeakMap<LocatedTables, AuditCell[]>();

/** Every cell of Tabella 1, 2 and the indicators the audit reads, listed once per analysis. */
export function auditCellsOf(tables: LocatedTables): AuditCell[] {
  let cells = cache.get(tables);
  if (!cells) {
    cells = collect(tables);
    cache.set(tables, cells);
  }
  return cells;
}

function collect(tables: LocatedTables): AuditCell[] {
  const out: AuditCell[] = [];
  const push = (
    cell: NumberCell | null | undefined,
    table: TableKind,
    column: string,
    role: AuditRole,
    total: boolean,
  ) => {
    if (cell) out.push({ cell, table, column, role, total });
  };
  const { plan, progress, indicators } = tables;
  if (plan) {
    for (const row of plan.rows) {
      push(row.allocation, 'plan', 'allocation', 'amount', false);
      push(row.share, 'plan', 'share', 'share', false);
    }
    if (plan.total) {
      push(plan.total.allocation, 'plan', 'allocation', 'amount', true);
      push(plan.total.share, 'plan', 'share', 'share', true);
    }
  }
  if (progress) {
    const rows = [
      ...progress.rows.map((r) => ({ r, total: false })),
      ...(progress.total ? [{ r: progress.total, total: true }] : []),
    ];
    for (const { r, total } of rows) {
      for (const letter of AMOUNT_COLUMNS) push(r.cells[letter], 'progress', letter, 'amount', total);
      for (const { ratio } of RATIOS) push(r.cells[ratio], 'progress', ratio, 'ratio', total);
    }
  }
  if (indicators) {
    for (const row of indicators.rows) {
      push(row.value, 'indicators', 'value', 'indicator', false);
      push(row.target, 'indicators', 'target', 'indicator', false);
      push(row.ratio, 'indicators', 'ratio', 'indicator', false);
    }
  }
  return out;
}

/** A cell a formula refers to. */
export interface ReferencedCell {
  sheet: string;
  row: number;
  col: number;
  /** Named alone (`B7`), not as a corner or inside a range (`SUM(B4:B8)`). */
  single: boolean;
}

/** At most this many cells are read out of one formula's ranges: a whole-sheet range costs no more. */
const RANGE_CELL_LIMIT = 10_000;

/**
 * The cells a formula refers to, on `sheet` unless it names another, with ranges expanded up to a
 * bound. References to other workbooks (`[1]Foglio1!A1`) are left out: EXTERNAL_LINK tells them.
 */
export function referencedCells(formula: string, sheet: string): ReferencedCell[] {
  const refs = referencesOf(formula);
  const out: ReferencedCell[] = [];
  let budget = RANGE_CELL_LIMIT;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    const next = refs[i + 1];
    const onSheet = ref.sheet ?? sheet;
    // `[1]Foglio1!A1` reads as Foglio1!A1 to the reference pattern: the `]` before it says otherwise.
    if (isExternalSheet(ref.sheet) || (ref.sheet !== null && formula[ref.start - 1] === ']')) continue;
    if (
      next &&
      formula.slice(ref.end, next.start).trim() === ':' &&
      (next.sheet === null || next.sheet === ref.sheet)
    ) {
      const top = Math.min(ref.row, next.row);
      const bottom = Math.max(ref.row, next.row);
      const left = Math.min(ref.col, next.col);
      const right = Math.max(ref.col, next.col);
      for (let row = top; row <= bottom && budget > 0; row++) {
        for (let col = left; col <= right && budget > 0; col++, budget--)
          out.push({ sheet: onSheet, row, col, single: false });
      }
      i++;
      continue;
    }
    out.push({ sheet: onSheet, row: ref.row, col: ref.col, single: true });
  }
  return out;
}

/**
 * Whether the formula guards a reference against being blank or zero (`IF(B16=0,"",…)`,
 * `IF(OR(H27="",…),…)`, `ISNUMBER(B16)`), as the formulas Compila writes do.
 */
export function guards(formula: string, address: string): boolean {
  const key = formulaKey(formula);
  const ref = address.replace(/\$/g, '').toUpperCase();
  const at = `(?<![A-Z0-9_.!])${ref}(?![0-9A-Z_(])`;
  return new RegExp(`${at}(=0|="")|(=|<>)${at}|(ISBLANK|ISNUMBER|ISERROR|IFERROR|ISTEXT)\\(${at}`).test(key);
}

/** `Tabella 2!D16` style key of a cell, for lookups. */
export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}
