import type { CellState } from '../plan';
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

/** Formulas compared as Excel would see them (see `formulaKey`). */
export function sameFormula(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return formulaKey(a) === formulaKey(b);
}
