/**
 * Property: every way people write an amount or a percentage in Italian or English, and every way
 * the engine itself prints one, reads back as exactly the Decimal it was written from — with the
 * decimals as written and the percent flag.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  formatEnglish,
  formatEuro,
  formatItalian,
  formatPercent,
  roundExcel,
} from '../../src/engine/excel-round';
import {
  formatCellValue,
  formatValue,
  moneyValue,
  numberValue,
  percentValue,
} from '../../src/engine/message-value';
import { parseNumberText } from '../../src/engine/number-text';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const RUNS = 500;

/** A decimal number as people type it: `digits` units of 10^-decimals, up to 10^12 either sign. */
interface Written {
  value: Decimal;
  decimals: number;
}

const LIMIT = 10n ** 12n;

function writtenNumber(maxDecimals: number, limit = LIMIT): fc.Arbitrary<Written> {
  return fc.integer({ min: 0, max: maxDecimals }).chain((decimals) => {
    const scale = 10n ** BigInt(decimals);
    // Small and large magnitudes alike: grouping matters most around 10^3…10^6.
    const units = fc.oneof(
      fc.bigInt({ min: -limit * scale, max: limit * scale }),
      fc.bigInt({ min: -10_000_000n * scale, max: 10_000_000n * scale }),
      fc.bigInt({ min: -1000n * scale, max: 1000n * scale }),
    );
    return units.map((u) => ({ value: new Decimal(u.toString()).dividedBy(scale.toString()), decimals }));
  });
}

/** Digits of |value| with `decimals` decimals, the whole part grouped by `group` (none when ''). */
function digits(w: Written, group: string, decimalSep: string): string {
  const [whole, fraction] = w.value.abs().toFixed(w.decimals).split('.');
  const grouped = group === '' ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${decimalSep}${fraction}`;
}

type Style = (w: Written) => string;

const sign = (w: Written) => (w.value.isNegative() && !w.value.isZero() ? '-' : '');

/** Italian amounts, as typed or pasted from a PDF. */
const ITALIAN_AMOUNTS: Record<string, Style> = {
  grouped: (w) => `${sign(w)}${digits(w, '.', ',')}`,
  'grouped €': (w) => `${sign(w)}${digits(w, '.', ',')} €`,
  'grouped NBSP €': (w) => `${sign(w)}${digits(w, '.', ',')}${NBSP}€`,
  '€ grouped': (w) => `€ ${sign(w)}${digits(w, '.', ',')}`,
  '- € grouped': (w) => `${sign(w)}€ ${digits(w, '.', ',')}`,
  'no grouping': (w) => `${sign(w)}${digits(w, '', ',')}`,
  'space grouping': (w) => `${sign(w)}${digits(w, ' ', ',')}`,
  'NBSP grouping': (w) => `${sign(w)}${digits(w, NBSP, ',')}`,
  'narrow NBSP grouping €': (w) => `${sign(w)}${digits(w, NNBSP, ',')} €`,
  'EUR grouped': (w) => `EUR ${sign(w)}${digits(w, '.', ',')}`,
  'grouped euro': (w) => `${sign(w)}${digits(w, '.', ',')} euro`,
  accounting: (w) => (sign(w) ? `(${digits(w, '.', ',')} €)` : `${digits(w, '.', ',')} €`),
};

/** English amounts. */
const ENGLISH_AMOUNTS: Record<string, Style> = {
  grouped: (w) => `${sign(w)}${digits(w, ',', '.')}`,
  '€grouped': (w) => `${sign(w)}€${digits(w, ',', '.')}`,
  '€ -grouped': (w) => `€${sign(w)}${digits(w, ',', '.')}`,
  'no grouping': (w) => `${sign(w)}${digits(w, '', '.')}`,
  'grouped EUR': (w) => `${sign(w)}${digits(w, ',', '.')} EUR`,
  'apostrophe grouping': (w) => `${sign(w)}${digits(w, "'", '.')}`,
  accounting: (w) => (sign(w) ? `(€${digits(w, ',', '.')})` : `€${digits(w, ',', '.')}`),
};

const ITALIAN_PERCENTS: Record<string, Style> = {
  'n%': (w) => `${sign(w)}${digits(w, '.', ',')}%`,
  'n %': (w) => `${sign(w)}${digits(w, '.', ',')} %`,
  'n NBSP %': (w) => `${sign(w)}${digits(w, '.', ',')}${NBSP}%`,
  'no grouping %': (w) => `${sign(w)}${digits(w, '', ',')}%`,
  '(n%)': (w) => (sign(w) ? `(${digits(w, '.', ',')}%)` : `${digits(w, '.', ',')}%`),
};

const ENGLISH_PERCENTS: Record<string, Style> = {
  'n%': (w) => `${sign(w)}${digits(w, ',', '.')}%`,
  'n %': (w) => `${sign(w)}${digits(w, ',', '.')} %`,
  'no grouping %': (w) => `${sign(w)}${digits(w, '', '.')}%`,
};

function styleOf(styles: Record<string, Style>): fc.Arbitrary<[string, Style]> {
  return fc.constantFrom(...Object.entries(styles));
}

/** Padding a cell may carry around its text. */
const padding = fc.constantFrom('', ' ', '  ', NBSP, `${NBSP} `);

function expectRead(
  text: string,
  locale: 'it' | 'en',
  expected: { value: Decimal; decimals: number; percent: boolean },
): void {
  const read = parseNumberText(text, locale);
  const shown = { text, locale, expected: expected.value.toFixed() };
  expect({
    ...shown,
    read: read && { value: read.value.toFixed(), decimals: read.decimals, percent: read.percent },
  }).toEqual({
    ...shown,
    read: { value: expected.value.toFixed(), decimals: expected.decimals, percent: expected.percent },
  });
}

describe('parseNumberText reads back every format people write', () => {
  const cases: [string, 'it' | 'en', Record<string, Style>, boolean, number, bigint][] = [
    ['Italian amounts', 'it', ITALIAN_AMOUNTS, false, 2, LIMIT],
    ['English amounts', 'en', ENGLISH_AMOUNTS, false, 2, LIMIT],
    ['Italian percentages', 'it', ITALIAN_PERCENTS, true, 4, 100_000n],
    ['English percentages', 'en', ENGLISH_PERCENTS, true, 4, 100_000n],
  ];
  it.each(cases)('%s', (_title, locale, styles, percent, maxDecimals, limit) => {
    fc.assert(
      fc.property(
        writtenNumber(maxDecimals, limit),
        styleOf(styles),
        padding,
        padding,
        (w, [, style], before, after) => {
          expectRead(`${before}${style(w)}${after}`, locale, {
            value: w.value,
            decimals: w.decimals,
            percent,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a number with both separators reads the same in either locale', () => {
    const italian = fc.constantFrom(
      ITALIAN_AMOUNTS.grouped,
      ITALIAN_AMOUNTS['grouped €'],
      ITALIAN_PERCENTS['n%'],
    );
    const english = fc.constantFrom(
      ENGLISH_AMOUNTS.grouped,
      ENGLISH_AMOUNTS['€grouped'],
      ENGLISH_PERCENTS['n%'],
    );
    const bothSeparators = writtenNumber(2).filter((w) => w.decimals > 0 && w.value.abs().gte(1000));
    fc.assert(
      fc.property(bothSeparators, fc.oneof(italian, english), (w, style) => {
        const text = style(w);
        const percent = text.includes('%');
        expectRead(text, 'it', { value: w.value, decimals: w.decimals, percent });
        expectRead(text, 'en', { value: w.value, decimals: w.decimals, percent });
      }),
      { numRuns: RUNS },
    );
  });

  it('the locale decides one separator followed by three digits', () => {
    // `1.234` is 1234 in Italian and 1.234 in English; `1,234` the other way round.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (head, tail) => {
        const three = String(tail).padStart(3, '0');
        const grouped = new Decimal(`${head}${three}`);
        const decimal = new Decimal(`${head}.${three}`);
        expectRead(`${head}.${three}`, 'it', { value: grouped, decimals: 0, percent: false });
        expectRead(`${head},${three}`, 'it', { value: decimal, decimals: 3, percent: false });
        expectRead(`${head},${three}`, 'en', { value: grouped, decimals: 0, percent: false });
        expectRead(`${head}.${three}`, 'en', { value: decimal, decimals: 3, percent: false });
      }),
    );
  });
});

describe("the engine's own formatters read back", () => {
  const amount = writtenNumber(2);

  it('formatItalian / formatEuro in Italian, formatEnglish in English', () => {
    fc.assert(
      fc.property(amount, (w) => {
        const expected = { value: w.value, decimals: w.decimals, percent: false };
        expectRead(formatItalian(w.value, w.decimals), 'it', expected);
        expectRead(formatEnglish(w.value, w.decimals), 'en', expected);
        expectRead(formatEuro(w.value, 2), 'it', { ...expected, decimals: 2 });
      }),
      { numRuns: RUNS },
    );
  });

  it('formatPercent prints a fraction as its percentage', () => {
    // A ratio of Tabella 2 (0.2439 → 24,39%), from 0 to a few times over.
    const fraction = fc
      .bigInt({ min: -100_000_000n, max: 100_000_000n })
      .map((u) => new Decimal(u.toString()).dividedBy(1_000_000));
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 4 }), (f, decimals) => {
        const percentage = f.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
        expectRead(formatPercent(f, decimals), 'it', { value: percentage, decimals, percent: true });
      }),
      { numRuns: RUNS },
    );
  });

  it('formatValue of money, percentages and numbers, in both languages', () => {
    const lang = fc.constantFrom<'it' | 'en'>('it', 'en');
    fc.assert(
      fc.property(amount, lang, (w, l) => {
        expectRead(formatValue(moneyValue(w.value), l), l, { value: w.value, decimals: 2, percent: false });
        expectRead(formatValue(numberValue(w.value, w.decimals), l), l, {
          value: w.value,
          decimals: w.decimals,
          percent: false,
        });
        // A ratio as a fraction: w / 10^4 shown at w.decimals decimals of its percentage.
        const f = w.value.dividedBy(10_000);
        expectRead(formatValue(percentValue(f, w.decimals), l), l, {
          value: f.times(100).toDecimalPlaces(w.decimals, Decimal.ROUND_HALF_UP),
          decimals: w.decimals,
          percent: true,
        });
        const points = {
          kind: 'number' as const,
          value: w.value.toFixed(w.decimals),
          decimals: w.decimals,
          unit: '%' as const,
        };
        expectRead(formatValue(points, l), l, { value: w.value, decimals: w.decimals, percent: true });
      }),
      { numRuns: RUNS },
    );
  });

  it('formatCellValue shows a cell as Excel does, and that reads back at the shown precision', () => {
    // Binary floats as cells hold them (0.7240000000000001), in euro, percent and plain formats.
    const lang = fc.constantFrom<'it' | 'en'>('it', 'en');
    const value = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    const format = fc.constantFrom(
      ['#,##0.00 [$€-410]', 2, false],
      ['0.00%', 2, true],
      ['0.0%', 1, true],
      ['#,##0', 0, false],
      ['0.000', 3, false],
    ) as fc.Arbitrary<[string, number, boolean]>;
    fc.assert(
      fc.property(value, format, lang, (v, [numberFormat, decimals, percent], l) => {
        const kept = new Decimal(v).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
        const shown = roundExcel(percent ? kept.times(100) : kept, decimals);
        expectRead(formatCellValue(v, numberFormat, l), l, { value: shown, decimals, percent });
      }),
      { numRuns: RUNS },
    );
  });

  it('numberValue without decimals prints its own digits', () => {
    // Counts of an indicator (52104), printed with the decimals they have.
    const lang = fc.constantFrom<'it' | 'en'>('it', 'en');
    fc.assert(
      fc.property(writtenNumber(3, 10n ** 9n), lang, (w, l) => {
        const text = formatValue(numberValue(w.value), l);
        const read = parseNumberText(text, l);
        expect(read?.value.toFixed()).toBe(w.value.toFixed());
        expect(read?.decimals).toBe(w.value.decimalPlaces());
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseNumberText on any text', () => {
  it('returns a finite number or null, and never throws', () => {
    const pieces = fc.constantFrom(
      '1',
      '0',
      '9',
      '.',
      ',',
      '-',
      '+',
      '(',
      ')',
      '%',
      '€',
      ' ',
      NBSP,
      'e',
      'EUR',
      '\u2212',
      "'",
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<'it' | 'en'>('it', 'en'), (s, locale) => {
        const read = parseNumberText(s, locale);
        if (read !== null) {
          expect(read.value.isFinite()).toBe(true);
          expect(read.decimals).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
