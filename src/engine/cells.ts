import type Decimal from 'decimal.js';
import type { CellValue } from './grid';

/**
 * What a cell that should hold an amount or a percentage really holds, after parsing.
 * - `number`: a real number; `text-number`: a number stored as text (`236.700.000,00 €`), still read;
 * - `not-a-number`: something else (`n.d.`, `abc`); `error`: an Excel error value; `empty`.
 */
export type NumberKind = 'empty' | 'number' | 'text-number' | 'not-a-number' | 'error';

export interface NumberCell {
  sheet: string;
  row: number;
  col: number;
  /** A1 address without the sheet. */
  address: string;
  raw: CellValue;
  formula: string | null;
  numberFormat: string;
  kind: NumberKind;
  /** The amount in euro, or for a percentage the fraction (24,39% → 0.2439). `null` unless kind is number/text-number. */
  value: Decimal | null;
  /** Decimals as printed: of the percentage for a percent (24,39% → 2), of the amount otherwise; `null` when unknown. */
  decimals: number | null;
}

/** A label cell (axis, OT, name, code…) as text, trimmed; empty string when the cell is empty. */
export interface TextCell {
  sheet: string;
  row: number;
  col: number;
  address: string;
  text: string;
  formula: string | null;
}
