import Decimal from 'decimal.js';
import { axisIdOfLabel, knownAxes } from '../axes';
import { roundExcel } from '../excel-round';
import { cellAt, presentIndices, type SheetGrid } from '../grid';
import type { NumberCell, TextCell } from '../cells';
import type { AmountColumn, PlanTable, ProgressTable } from '../tables';
import { AMOUNT_COLUMNS } from '../tables';
import type { ProgrammeAxis, ProgrammeModel } from '../../model/types';
import { hasStem, isCaption, isPlaceholderHeader, normalizeHeader } from './header-text';

/**
 * Whether a located Tabella 1 or 2 is one, on the evidence (SPEC §2): its headers (how many of the
 * expected columns, in their order, and how many others), its axis rows (labels the model knows, one
 * row per axis), its totals (a total row that adds up) and amounts that are the model's allocations.
 * Lists of operations or payments with an `Asse` column score low on several counts at once.
 */

/** What a table needs to be taken: a full header alone reaches it; a bare `Asse`/`Importo` header needs its rows and amounts. */
export const ACCEPT_SCORE = 7;

export interface Evidence {
  header: number;
  rows: number;
  total: number;
  amounts: number;
}

export function scoreOf(evidence: Evidence): number {
  return evidence.header + evidence.rows + evidence.total + evidence.amounts;
}

/** The model's axes and every allocation any version gives, at the cent. */
export interface ModelFacts {
  axes: ProgrammeAxis[];
  allocations: Set<string>;
  totals: Set<string>;
}

export function modelFacts(model: ProgrammeModel): ModelFacts {
  const cents = (amount: string) => roundExcel(new Decimal(amount), 2).toFixed(2);
  return {
    axes: knownAxes(model),
    allocations: new Set(model.versions.flatMap((v) => v.axes.map((a) => cents(a.allocation)))),
    totals: new Set(model.versions.map((v) => cents(v.total))),
  };
}

const STRONG_ALLOCATION = ['dotazione', 'allocation', 'allocazione', 'risorse', 'piano finanziario'];

export function planEvidence(sheet: SheetGrid, table: PlanTable, facts: ModelFacts): Evidence {
  const { columns } = table;
  const allocationHeader = headerTextOf(sheet, table, columns.allocation as number);
  let header = 2;
  header += STRONG_ALLOCATION.some((w) => hasStem(allocationHeader, w)) ? 2 : -1;
  header += (columns.ot !== undefined ? 1 : 0) + (columns.name !== undefined ? 1 : 0);
  header += columns.share !== undefined ? 1 : 0;
  header += inOrder([columns.ot, columns.axis, columns.name, columns.allocation, columns.share]) ? 1 : -1;
  header -= 2 * Math.min(3, extraHeaderColumns(sheet, table, Object.values(columns)));
  return {
    header,
    rows: rowsEvidence(
      table.rows.map((r) => r.label),
      facts,
    ),
    total: totalEvidence([
      { rows: table.rows.map((r) => r.allocation), total: table.total?.allocation ?? null },
    ]),
    amounts: amountsEvidence(
      table.rows.map((r) => r.allocation),
      table.total?.allocation ?? null,
      facts,
    ),
  };
}

const LETTER_HEADER = /^\(?[a-i]\)?(=[a-i]\/[a-i])?$/;

export function progressEvidence(sheet: SheetGrid, table: ProgressTable, facts: ModelFacts): Evidence {
  const { columns } = table;
  const letters = Object.keys(columns) as (keyof typeof columns)[];
  let header = letters.length - 2;
  const headerTexts = letters.map((l) => headerCellsOf(sheet, table, columns[l] as number));
  if (headerTexts.some((texts) => texts.some((t) => LETTER_HEADER.test(t.replace(/ /g, ''))))) header += 2;
  if (headerTextOf(sheet, table, table.axisColumn) !== '') header += 1;
  const byColumn = [...letters].sort((a, b) => (columns[a] as number) - (columns[b] as number));
  header += byColumn.join('') === [...letters].sort().join('') ? 1 : -2;
  header -= 2 * Math.min(3, extraHeaderColumns(sheet, table, [table.axisColumn, ...Object.values(columns)]));
  const amountColumns = AMOUNT_COLUMNS.filter((l) => columns[l] !== undefined) as AmountColumn[];
  return {
    header,
    rows: rowsEvidence(
      table.rows.map((r) => r.label),
      facts,
    ),
    total: totalEvidence(
      amountColumns.map((l) => ({
        rows: table.rows.map((r) => r.cells[l] ?? null),
        total: table.total?.cells[l] ?? null,
      })),
    ),
    amounts: amountsEvidence(
      table.rows.map((r) => r.cells.A ?? null),
      table.total?.cells.A ?? null,
      facts,
    ),
  };
}

/** Whether the columns found stand in the order the tables print them (absent ones aside). */
function inOrder(columns: (number | undefined)[]): boolean {
  const present = columns.filter((c): c is number => c !== undefined);
  return present.every((c, i) => i === 0 || c > present[i - 1]);
}

/** The header text over a column (both rows of a two-row header), normalized. */
function headerTextOf(sheet: SheetGrid, table: PlanTable | ProgressTable, col: number): string {
  return headerCellsOf(sheet, table, col).join(' ');
}

function headerCellsOf(sheet: SheetGrid, table: PlanTable | ProgressTable, col: number): string[] {
  const out: string[] = [];
  for (let row = table.headerTop; row <= table.headerBottom; row++) {
    const v = cellAt(sheet, row, col).value;
    if (typeof v === 'string' && v.trim() !== '' && !isPlaceholderHeader(v)) out.push(normalizeHeader(v));
  }
  return out;
}

/**
 * Header cells of the table's header block that are none of its columns: the block runs from the
 * columns found over the adjacent header cells holding text (`CUP`, `Beneficiario`, `Data`), up to
 * the first column without header text, so a table beside it is not counted.
 */
function extraHeaderColumns(sheet: SheetGrid, table: PlanTable | ProgressTable, known: number[]): number {
  const mine = new Set(known);
  const hasText = (col: number) => {
    for (let row = table.headerTop; row <= table.headerBottom; row++) {
      const v = cellAt(sheet, row, col).value;
      if (typeof v === 'string' && v.trim() !== '' && !isPlaceholderHeader(v) && !isCaption(v)) return true;
    }
    return false;
  };
  let extra = 0;
  const left = Math.min(...known);
  const right = Math.max(...known);
  // Inside the span: only the cells that hold something are looked at.
  const inside = new Set<number>();
  for (let row = table.headerTop; row <= table.headerBottom; row++) {
    const values = sheet.values[row - sheet.top];
    for (const c of presentIndices(values, left - sheet.left, right - sheet.left)) inside.add(c + sheet.left);
  }
  for (const col of inside) if (!mine.has(col) && hasText(col)) extra += 1;
  for (let col = left - 1; col >= sheet.left && hasText(col) && extra < 4; col--) extra += 1;
  for (let col = right + 1; hasText(col) && extra < 4; col++) extra += 1;
  return extra;
}

/**
 * Axis rows: most of them name an axis of the model, each axis once (one repeat is a typo, as the
 * RAA's second `II`); a programme has few axes, so hundreds of rows are a list, not a table.
 */
function rowsEvidence(labels: TextCell[], facts: ModelFacts): number {
  const n = labels.length;
  if (n === 0) return 0;
  const ids = labels.map((l) => axisIdOfLabel(l.text, facts.axes)).filter((id): id is string => id !== null);
  const distinct = new Set(ids).size;
  const axes = Math.max(1, facts.axes.length);
  let score = 0;
  if (distinct === 0) score -= 2;
  else if (distinct / n >= 0.6) score += 2;
  if (n > Math.max(2 * axes, axes + 5)) score -= 4;
  if (ids.length - distinct > Math.max(1, Math.floor(distinct / 3))) score -= 3;
  return score;
}

/** A total row: +1; +2 when most of its amounts are the sum of the rows above (to the euro). */
function totalEvidence(columns: { rows: (NumberCell | null)[]; total: NumberCell | null }[]): number {
  const withTotal = columns.filter((c) => c.total?.value);
  if (withTotal.length === 0) return columns.some((c) => c.total) ? 1 : 0;
  const adding = withTotal.filter(({ rows, total }) => {
    const sum = rows.reduce((s, cell) => (cell?.value ? s.plus(cell.value) : s), new Decimal(0));
    return sum
      .minus(total?.value as Decimal)
      .abs()
      .lessThanOrEqualTo(1);
  }).length;
  return adding * 2 >= withTotal.length ? 2 : 1;
}

/** Rows holding the model's allocations (any version, any axis) and a total that is a version's total. */
function amountsEvidence(cells: (NumberCell | null)[], total: NumberCell | null, facts: ModelFacts): number {
  const cents = (cell: NumberCell | null) => (cell?.value ? roundExcel(cell.value, 2).toFixed(2) : null);
  const matches = cells.filter((c) => {
    const amount = cents(c);
    return amount !== null && facts.allocations.has(amount);
  }).length;
  let score = matches >= 2 || (matches === 1 && cells.length === 1) ? 3 : matches === 1 ? 1 : 0;
  const totalAmount = cents(total);
  if (totalAmount !== null && facts.totals.has(totalAmount)) score += 1;
  return score;
}
