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

const UNTIDY_SPACE = /[\s\u00a0]{2,}|[\t\n\r\u00a0]|^\s|\s$/;

export function readTextCell(sheet: SheetGrid, row: number, col: number): TextCell {
  const { value, formula } = cellAt(sheet, row, col);
  let text = '';
  if (typeof value === 'string')
    text = UNTIDY_SPACE.test(value) ? value.replace(/[\s\u00a0]+/g, ' ').trim() : value;
  else if (typeof value === 'number') text = String(value);
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (isCellError(value)) text = value.error;
  return { sheet: sheet.name, row, col, address: a1(row, col), text, formula };
}

export function readNumberCell(sheet: SheetGrid, row: number, col: number, options: ReadOptions): NumberCell {
  const { value: raw, formula, numberFormat } = cellAt(sheet, row, col);
  // Built in one literal (no spreads): tables of 50 000 rows read 100 000 of these.
  const cell = (
    kind: NumberCell['kind'],
    value: Decimal | null,
    decimals: number | null,
    shownRaw = raw,
  ): NumberCell => ({
    sheet: sheet.name,
    row,
    col,
    address: a1(row, col),
    raw: shownRaw,
    formula,
    numberFormat,
    kind,
    value,
    decimals,
  });
  const percentColumn = options.percentScale !== undefined;
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return cell('empty', null, null);
  if (isCellError(raw)) return cell('error', null, null);
  if (typeof raw === 'number') {
    // No worksheet cell holds NaN or ±Infinity; a host that passes one gets what Excel would show.
    if (!Number.isFinite(raw)) return cell('error', null, null, { error: '#NUM!' });
    const formatted = formatDecimals(numberFormat);
    // A double holds 0.202 as 0.20199999999999999; Excel keeps and shows 15 significant digits.
    let value = new Decimal(raw).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
    if (percentColumn && isPercentFormat(numberFormat))
      return cell('number', value, formatted ?? Math.max(0, generalDecimals(raw) - 2));
    if (percentColumn && options.percentScale === 'points') value = value.dividedBy(100);
    if (formatted !== null) return cell('number', value, formatted);
    const shown = generalDecimals(raw);
    return cell(
      'number',
      value,
      percentColumn && options.percentScale === 'fraction' ? Math.max(0, shown - 2) : shown,
    );
  }
  if (typeof raw === 'string') {
    const parsed = parseNumberText(raw, options.locale);
    if (!parsed) return cell('not-a-number', null, null);
    let value = parsed.value;
    if (parsed.percent || (percentColumn && options.percentScale === 'points')) value = value.dividedBy(100);
    return cell('text-number', value, parsed.decimals);
  }
  return cell('not-a-number', null, null);
}

/**
 * Decimals the General format shows of a number: at most 11 characters, so 9 after `0.` and fewer
 * for larger numbers. A formula's full-precision result (0.8169536863979255) is not printed to 16 places.
 */
function generalDecimals(raw: number): number {
  const integerDigits = Math.trunc(Math.abs(raw)).toFixed(0).length;
  return Math.min(ownDecimals(raw), Math.max(0, 10 - integerDigits));
}

/**
 * Decides whether a percentage column without `%` marks holds fractions (0.2439) or points (24.39).
 * When `expectedOf` gives the ratio a row should hold (B/A), the values decide by which reading is
 * nearer to it (so 1.6 for 160% over-programming stays a fraction, 0.9 for 0.9% stays points);
 * otherwise a value above 1.5 means points.
 */
export function percentScaleOf(
  sheet: SheetGrid,
  rows: number[],
  col: number,
  locale: 'it' | 'en',
  expectedOf?: (row: number) => Decimal | null,
): PercentScale {
  if (expectedOf) {
    let fraction = 0;
    let points = 0;
    for (const row of rows) {
      const expected = expectedOf(row);
      const raw = unmarkedNumber(sheet, row, col, locale);
      if (!expected || !raw || expected.isZero()) continue;
      const asFraction = raw.minus(expected).abs();
      const asPoints = raw.dividedBy(100).minus(expected).abs();
      if (asFraction.lessThan(asPoints)) fraction += 1;
      else if (asPoints.lessThan(asFraction)) points += 1;
    }
    if (fraction !== points) return points > fraction ? 'points' : 'fraction';
  }
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

/** A number (or number as text) with no `%` of its own and no percent format; `null` otherwise. */
function unmarkedNumber(sheet: SheetGrid, row: number, col: number, locale: 'it' | 'en'): Decimal | null {
  const { value, numberFormat } = cellAt(sheet, row, col);
  if (typeof value === 'number') return isPercentFormat(numberFormat) ? null : new Decimal(value);
  if (typeof value === 'string') {
    const parsed = parseNumberText(value, locale);
    return parsed && !parsed.percent ? parsed.value : null;
  }
  return null;
}
