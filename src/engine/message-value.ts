/**
 * The values a finding carries, as data: amounts and ratios as decimal strings, never floats.
 * Hosts render them in the reader's language at the edge (`958.677.416,66 €` / `€958,677,416.66`),
 * so switching language needs no new read and `--json` keeps the raw decimal for machines.
 */
import Decimal from 'decimal.js';
import { formatEnglish, formatItalian, percentAt, roundExcel } from './excel-round';
import type { Lang } from './finding';
import type { CellValue } from './grid';
import { formatDecimals, isPercentFormat } from './number-text';

export type MessageValue =
  /** Euros: `value` is a decimal string with two decimals (`"958677416.66"`). */
  | { kind: 'money'; value: string }
  /** A ratio: `value` is the fraction (`"1.2289"` is 122,89%), shown with `decimals` decimals of the percentage. */
  | { kind: 'percent'; value: string; decimals: number }
  /**
   * A count or a quantity (`"52104"`), shown with `decimals` decimals (its own when absent); `unit: '%'`
   * for a value already in percentage points (an indicator's `"84"` is 84%).
   */
  | { kind: 'number'; value: string; decimals?: number; unit?: '%' }
  /** Shown as is: a cell, a label, a code, a formula. `it`/`en` give a word in each language (`value` is its id). */
  | { kind: 'text'; value: string; it?: string; en?: string };

export function moneyValue(amount: Decimal): MessageValue {
  return { kind: 'money', value: roundExcel(amount, 2).toFixed(2) };
}

/** A fraction shown as a percentage at `decimals` (the precision it is printed with). */
export function percentValue(fraction: Decimal, decimals = 2): MessageValue {
  return {
    kind: 'percent',
    value: percentAt(fraction, decimals)
      .dividedBy(100)
      .toFixed(decimals + 2),
    decimals,
  };
}

export function numberValue(value: Decimal, decimals?: number): MessageValue {
  const shown = decimals === undefined ? value.toSignificantDigits(15) : roundExcel(value, decimals);
  return decimals === undefined
    ? { kind: 'number', value: shown.toString() }
    : { kind: 'number', value: shown.toFixed(decimals), decimals };
}

export function textValue(value: string, words?: Record<Lang, string>): MessageValue {
  return words ? { kind: 'text', value, it: words.it, en: words.en } : { kind: 'text', value };
}

/** A list of ids (`2020-11, 2022-12`), as text. */
export function listValue(items: readonly string[]): MessageValue {
  return { kind: 'text', value: items.join(', ') };
}

function grouped(value: Decimal, decimals: number, lang: Lang): string {
  return lang === 'it' ? formatItalian(value, decimals) : formatEnglish(value, decimals);
}

/** The value as a person reads it in `lang`. */
export function formatValue(value: MessageValue, lang: Lang): string {
  switch (value.kind) {
    case 'money': {
      const amount = grouped(new Decimal(value.value), 2, lang);
      if (lang === 'it') return `${amount} €`;
      return amount.startsWith('-') ? `-€${amount.slice(1)}` : `€${amount}`;
    }
    case 'percent':
      return `${grouped(new Decimal(value.value).times(100), value.decimals, lang)}%`;
    case 'number': {
      const d = new Decimal(value.value);
      return `${grouped(d, value.decimals ?? d.decimalPlaces(), lang)}${value.unit ?? ''}`;
    }
    case 'text':
      return value[lang] ?? value.value;
  }
}

/** The value for machines (`--json`, CSV): the decimal string or the text id. */
export function rawValue(value: MessageValue): string {
  return value.value;
}

/** Strings in a rule's report are text values. */
export function toMessageValue(value: MessageValue | string): MessageValue {
  return typeof value === 'string' ? { kind: 'text', value } : value;
}

/**
 * A cell's value as Excel shows it with its number format, for people (a conflict's "what is there
 * now"): 0.7240000000000001 in a `0.00%` cell is `72,40%`, never the binary float.
 */
export function formatCellValue(value: CellValue, numberFormat: string, lang: Lang): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean')
    return lang === 'it' ? (value ? 'VERO' : 'FALSO') : value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const d = new Decimal(value).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  const decimals = formatDecimals(numberFormat);
  if (isPercentFormat(numberFormat)) return formatValue(percentValue(d, decimals ?? 2), lang);
  if (/€|\[\$€/.test(numberFormat)) return formatValue(moneyValue(d), lang);
  return formatValue(numberValue(d, decimals ?? undefined), lang);
}
