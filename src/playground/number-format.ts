/**
 * Shows a cell the way Excel set to Italian shows it: the en-US format codes the add-in writes
 * (`0.00%`, `#,##0.00 [$€-410]`, `#,##0`, `General`…) with Italian separators — `122,89%`,
 * `236.700.000,00 €` — booleans as VERO/FALSO and errors by their Italian names. A small formatter
 * for the codes the product uses, not all of Excel's.
 */

export type DisplayedValue = number | string | boolean | null;

const ITALIAN_ERRORS: Record<string, string> = {
  '#VALUE!': '#VALORE!',
  '#NAME?': '#NOME?',
  '#REF!': '#RIF!',
  '#N/A': '#N/D',
  '#NULL!': '#NULLO!',
  '#DIV/0!': '#DIV/0!',
  '#NUM!': '#NUM!',
};

export interface FormatOptions {
  /** The cell holds an error value (its text is the English error name). */
  isError?: boolean;
}

export function formatCellValue(
  value: DisplayedValue,
  numberFormat: string,
  options: FormatOptions = {},
): string {
  if (value === null || value === '') return '';
  if (options.isError && typeof value === 'string') return ITALIAN_ERRORS[value] ?? value;
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '#NUM!';
  return formatNumber(value, numberFormat || 'General');
}

export function formatNumber(value: number, numberFormat: string): string {
  const sections = splitSections(numberFormat);
  let section = sections[0];
  let shown = value;
  let sign = '';
  if (value < 0) {
    if (sections.length > 1 && sections[1] !== '') {
      section = sections[1];
      shown = -value;
    } else {
      sign = '-';
      shown = -value;
    }
  } else if (value === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim())) return sign + formatGeneral(shown);
  const parsed = parseSection(section);
  if (parsed.date) return sign + formatDate(shown);
  const scaled = parsed.percent ? shown * 100 : shown;
  const number = parsed.digits === null ? '' : formatDigits(scaled, parsed.digits);
  const body = `${parsed.prefix}${number}${parsed.suffix}`;
  // A negative that rounds to zero shows no sign, as in Excel.
  return sign && /[1-9]/.test(number) ? `-${body}` : body;
}

/** `General`: up to 10 significant digits (11 characters), no grouping, Italian decimal comma. */
function formatGeneral(value: number): string {
  if (value === 0) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude >= 11 || magnitude < -9) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const power = Number(exponent);
    return `${trimmed.replace('.', ',')}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const decimals = Math.max(0, 9 - Math.max(magnitude, 0));
  return Number(value.toFixed(decimals)).toString().replace('.', ',');
}

interface DigitPattern {
  decimals: number;
  minIntegerDigits: number;
  grouping: boolean;
}

interface ParsedSection {
  prefix: string;
  suffix: string;
  digits: DigitPattern | null;
  percent: boolean;
  date: boolean;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (const ch of format) {
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

/** Splits a section into literal text before and after the digit placeholders. */
function parseSection(section: string): ParsedSection {
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let percent = false;
  let date = false;
  const literal = (text: string): void => {
    if (pattern === '') prefix += text;
    else suffix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      // `[$€-410]`: a currency symbol with its locale; `[Red]`, `[>100]`: colours and conditions, not shown.
      if (inside.startsWith('$')) literal(inside.slice(1).split('-')[0]);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (ch === '_') {
      literal(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if ('#0?,.'.includes(ch) && (pattern === '' || suffix === '')) {
      pattern += ch;
    } else if (ch === '%') {
      percent = true;
      literal('%');
    } else if (/[dmyhs]/i.test(ch) && pattern === '') {
      date = true;
    } else {
      literal(ch);
    }
  }
  return { prefix, suffix, digits: pattern === '' ? null : digitPattern(pattern), percent, date };
}

function digitPattern(pattern: string): DigitPattern {
  const [integerPart, decimalPart = ''] = pattern.split('.');
  return {
    decimals: (decimalPart.match(/[0#?]/g) ?? []).length,
    minIntegerDigits: (integerPart.match(/0/g) ?? []).length,
    grouping: integerPart.includes(','),
  };
}

function formatDigits(value: number, pattern: DigitPattern): string {
  const fixed = roundHalfAwayFromZero(value, pattern.decimals).toFixed(pattern.decimals);
  const [whole, decimals = ''] = fixed.split('.');
  let integer = whole.replace(/^0+/, '');
  if (integer.length < pattern.minIntegerDigits) integer = integer.padStart(pattern.minIntegerDigits, '0');
  if (pattern.grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return decimals ? `${integer},${decimals}` : integer;
}

/** Excel rounds half away from zero on the decimal digits it shows (1.2289431 → 122,89%). */
function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Number((value * factor).toPrecision(15));
  return Math.round(shifted) / factor;
}

/** Excel serial date → `gg/mm/aaaa`. */
function formatDate(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}
