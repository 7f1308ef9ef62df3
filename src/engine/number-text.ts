import Decimal from 'decimal.js';

/** A number read from text: `236.700.000,00 €`, `24,39%`, `1,234.5`, `(1.000)`. */
export interface TextNumber {
  value: Decimal;
  /** Digits after the decimal separator as written. */
  decimals: number;
  /** The text carried a `%` sign: `value` is then the percentage as written (24.39), not the fraction. */
  percent: boolean;
}

/** A lone dash, with or without a currency sign: zero in a printed financial table. */
const NIL_DASH = /^[\s\u00a0]*(€|eur)?[\s\u00a0]*[-–—][\s\u00a0]*(€|eur)?[\s\u00a0]*$/i;

const SPACES = /[\s\u00a0\u202f\u2007']/g;
/** `euro` before `eur`, or `1.000 euro` would keep its `o`. */
const CURRENCY = /(euro|eur|€)/gi;

/**
 * Parses a number written as text in Italian or English style. The locale decides an ambiguous
 * single separator (`1.234` is 1234 in Italian, 1.234 in English). Returns `null` when the text is
 * not a number.
 */
export function parseNumberText(text: string, locale: 'it' | 'en' = 'it'): TextNumber | null {
  // Most text cells are labels: without a digit there is nothing to parse — except the dash that
  // financial tables print for zero (`-`, `€ -`, `–`).
  if (!/\d/.test(text))
    return NIL_DASH.test(text) ? { value: new Decimal(0), decimals: 0, percent: false } : null;
  let s = text.replace(SPACES, '').replace(CURRENCY, '');
  if (s === '') return null;
  let percent = false;
  const takePercent = () => {
    if (percent) return;
    if (s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1);
    } else if (s.startsWith('%')) {
      percent = true;
      s = s.slice(1);
    }
  };
  takePercent();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // `(24,39%)`: the sign inside the accounting parentheses.
  takePercent();
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let integer: string;
  let fraction: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalSep = lastDot > lastComma ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimalSep);
    integer = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (fraction.includes(groupSep) || fraction.includes(decimalSep) || !isGrouped(integer, groupSep))
      return null;
    integer = integer.split(groupSep).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const localeDecimal = locale === 'it' ? ',' : '.';
    const grouping = isGrouped(s, sep);
    if (parts.length > 2) {
      if (!grouping) return null;
      integer = parts.join('');
      fraction = '';
    } else if (sep !== localeDecimal && grouping) {
      integer = parts.join('');
      fraction = '';
    } else {
      integer = parts[0];
      fraction = parts[1];
    }
  } else {
    integer = s;
    fraction = '';
  }
  if (integer === '' && fraction === '') return null;
  const digits = `${integer || '0'}${fraction ? `.${fraction}` : ''}`;
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const value = new Decimal(digits);
  return { value: negative ? value.negated() : value, decimals: fraction.length, percent };
}

/** `236.700.000` grouped by `.`: first group 1–3 digits, the rest exactly 3. */
function isGrouped(text: string, sep: string): boolean {
  const groups = text.split(sep);
  if (groups.length < 2) return true;
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Decimals a number format prints (`0.00%` → 2, `#,##0 [$€-410]` → 0); `null` for General. */
export function formatDecimals(numberFormat: string): number | null {
  const cached = decimalsByFormat.get(numberFormat);
  if (cached !== undefined) return cached;
  const decimals = decimalsOfFormat(numberFormat);
  decimalsByFormat.set(numberFormat, decimals);
  return decimals;
}

/** A workbook has a handful of number formats for thousands of cells: read each once. */
const decimalsByFormat = new Map<string, number | null>();
const percentByFormat = new Map<string, boolean>();

function decimalsOfFormat(numberFormat: string): number | null {
  const code = stripFormatLiterals(numberFormat).split(';')[0];
  if (/^general$/i.test(code.trim()) || code.trim() === '') return null;
  const m = /\.([0#?]+)/.exec(code);
  return m ? m[1].length : 0;
}

/** Whether a number format shows the value as a percentage. */
export function isPercentFormat(numberFormat: string): boolean {
  let percent = percentByFormat.get(numberFormat);
  if (percent === undefined) {
    percent = stripFormatLiterals(numberFormat).includes('%');
    percentByFormat.set(numberFormat, percent);
  }
  return percent;
}

function stripFormatLiterals(numberFormat: string): string {
  return numberFormat
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
}

/** Decimals of a plain number as JavaScript prints it (24.39 → 2). */
export function ownDecimals(value: number): number {
  // String(x) is exact for what JavaScript prints; only exponent forms (1e-7) need Decimal.
  const plain = String(value);
  const text = /e/i.test(plain) ? new Decimal(value).toFixed() : plain;
  const at = text.indexOf('.');
  return at < 0 ? 0 : text.length - at - 1;
}
