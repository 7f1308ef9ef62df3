import type { CellState, CellWrite, WritePlan } from '../plan';
import type { Grid } from '../grid';
import { cellAt, isCellError } from '../grid';
import { parseA1 } from '../address';
import { formulaKey } from '../formula-refs';

/** What a cell holds now, for the log and for undo. */
export function cellState(grid: Grid, sheet: string, address: string): CellState {
  const s = grid.sheets.find((x) => x.name === sheet);
  const ref = parseA1(address);
  if (!s || !ref) return { value: null, formula: null, numberFormat: 'General' };
  const { value, formula, numberFormat } = cellAt(s, ref.row, ref.col);
  return { value, formula, numberFormat };
}

/** The log's `old` column: the formula as text, or the plain value. */
export function loggedValue(state: CellState): number | string | boolean | null {
  if (state.formula) return state.formula;
  if (isCellError(state.value)) return state.value.error;
  return state.value === '' ? null : state.value;
}

/**
 * Adds a write to an existing sheet to the plan with what the cell held before, and its log row, so
 * that Annulla can put it back. The plan's action and model version go on the log row.
 */
export function pushLoggedWrite(plan: WritePlan, grid: Grid, w: CellWrite, time: string): void {
  const previous = cellState(grid, w.sheet, w.cell);
  plan.cells.push({ ...w, previous });
  plan.log.push({
    time,
    action: plan.action,
    modelVersion: plan.modelVersion,
    sheet: w.sheet,
    cell: w.cell,
    old: loggedValue(previous),
    oldFormat: previous.numberFormat,
    new: w.formula ?? (w.value === undefined ? null : w.value),
  });
}

/** Formulas compared as Excel would see them (see `formulaKey`). */
export function sameFormula(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return formulaKey(a) === formulaKey(b);
}
