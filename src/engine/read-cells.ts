import Decimal from 'decimal.js';
import { a1 } from './address';
import type { NumberCell, TextCell } from './cells';
import { cellAt, isCellError, type SheetGrid } from './grid';
import { formatDecimals, isPercentFormat, ownDecimals, parseNumberText } from './number-text';

/** How a column holds percentages that carry no `%` of their own: 0.2439 (`fraction`) or 24.39 (`points`). */
export type PercentScale = 'fraction' | 'points';

export interface ReadOptions {
  locale: 'it' | 'en';
  /** Set for percentage columns: the returned value is then always the fraction. */
  percentScale?: PercentScale;
}

export function readTextCell(sheet: SheetGrid, row: number, col: number): TextCell {
  const { value, formula } = cellAt(sheet, row, col);
  let text = '';
  if (typeof value === 'string') text = value.replace(/[\s\u00a0]+/g, ' ').trim();
  else if (typeof value === 'number') text = String(value);
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (isCellError(value)) text = value.error;
  return { sheet: sheet.name, row, col, address: a1(row, col), text, formula };
}

export function readNumberCell(sheet: SheetGrid, row: number, col: number, options: ReadOptions): NumberCell {
  const { value: raw, formula, numberFormat } = cellAt(sheet, row, col);
  const base = { sheet: sheet.name, row, col, address: a1(row, col), raw, formula, numberFormat };
  const percentColumn = options.percentScale !== undefined;
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return { ...base, kind: 'empty', value: null, decimals: null };
  }
  if (isCellError(raw)) return { ...base, kind: 'error', value: null, decimals: null };
  if (typeof raw === 'number') {
    const formatted = formatDecimals(numberFormat);
    let value = new Decimal(raw);
    if (percentColumn && isPercentFormat(numberFormat)) {
      return { ...base, kind: 'number', value, decimals: formatted ?? Math.max(0, ownDecimals(raw) - 2) };
    }
    if (percentColumn && options.percentScale === 'points') value = value.dividedBy(100);
    const decimals = formatted ?? (percentColumn && options.percentScale === 'fraction' ? Math.max(0, ownDecimals(raw) - 2) : ownDecimals(raw));
    return { ...base, kind: 'number', value, decimals };
  }
  if (typeof raw === 'string') {
    const parsed = parseNumberText(raw, options.locale);
    if (!parsed) return { ...base, kind: 'not-a-number', value: null, decimals: null };
    let value = parsed.value;
    if (parsed.percent || (percentColumn && options.percentScale === 'points')) value = value.dividedBy(100);
    return { ...base, kind: 'text-number', value, decimals: parsed.decimals };
  }
  return { ...base, kind: 'not-a-number', value: null, decimals: null };
}

/** Decides whether a percentage column without `%` marks holds fractions or points. */
export function percentScaleOf(sheet: SheetGrid, rows: number[], col: number, locale: 'it' | 'en'): PercentScale {
  for (const row of rows) {
    const { value, numberFormat } = cellAt(sheet, row, col);
    if (typeof value === 'number' && !isPercentFormat(numberFormat) && Math.abs(value) > 1.5) return 'points';
    if (typeof value === 'string') {
      const parsed = parseNumberText(value, locale);
      if (parsed && !parsed.percent && parsed.value.abs().greaterThan(1.5)) return 'points';
    }
  }
  return 'fraction';
}
