import { formatDecimals, isPercentFormat, ownDecimals, parseNumberText } from '../../src/engine/number-text';

/** `[text, locale, value, decimals, percent]`; value `null` when the text is not a number. */
const CASES: [string, 'it' | 'en', string | null, number?, boolean?][] = [
  ['236.700.000,00 €', 'it', '236700000', 2, false],
  ['236.700.000,00 €', 'en', '236700000', 2, false],
  ['24,39%', 'it', '24.39', 2, true],
  ['122,89 %', 'it', '122.89', 2, true],
  ['122,89\u00a0%', 'it', '122.89', 2, true],
  ['1.234', 'it', '1234', 0, false],
  ['1.234', 'en', '1.234', 3, false],
  ['1,234', 'it', '1.234', 3, false],
  ['1,234', 'en', '1234', 0, false],
  ['1,234.56', 'it', '1234.56', 2, false],
  ['1,234.56', 'en', '1234.56', 2, false],
  ['1.234.567,89', 'it', '1234567.89', 2, false],
  ['1 234 567,89', 'it', '1234567.89', 2, false],
  ['1\u00a0234\u00a0567,89', 'it', '1234567.89', 2, false],
  ['1\u202f234,5', 'it', '1234.5', 1, false],
  ["1'234.50", 'en', '1234.5', 2, false],
  ['(1.000)', 'it', '-1000', 0, false],
  ['(1.000,50 €)', 'it', '-1000.5', 2, false],
  ['-5', 'it', '-5', 0, false],
  ['- 5', 'it', '-5', 0, false],
  ['\u22125,5', 'it', '-5.5', 1, false],
  ['+5', 'it', '5', 0, false],
  ['€ 1.000', 'it', '1000', 0, false],
  ['€1,000.00', 'en', '1000', 2, false],
  ['EUR 1.000', 'it', '1000', 0, false],
  ['1.000 euro', 'it', '1000', 0, false],
  ['1.000 Euro', 'it', '1000', 0, false],
  ['12,5', 'it', '12.5', 1, false],
  ['12,5', 'en', '12.5', 1, false],
  ['12.34', 'it', '12.34', 2, false],
  [',5', 'it', '0.5', 1, false],
  ['0,50%', 'it', '0.5', 2, true],
  ['-3,5%', 'it', '-3.5', 1, true],
  ['(24,39%)', 'it', '-24.39', 2, true],
  ['  24,39 %  ', 'it', '24.39', 2, true],
  ['0', 'it', '0', 0, false],
  ['n.d.', 'it', null],
  ['n.a.', 'en', null],
  // A lone dash is how printed financial tables write zero.
  ['-', 'it', '0', 0, false],
  ['—', 'it', '0', 0, false],
  ['€ -', 'it', '0', 0, false],
  ['- -', 'it', null],
  ['', 'it', null],
  ['   ', 'it', null],
  ['€', 'it', null],
  ['%', 'it', null],
  ['abc', 'it', null],
  ['1.2.3', 'it', null],
  ['1,23,4', 'en', null],
  ['1.234,5.6', 'it', null],
  ['12a', 'it', null],
  ['1e5', 'it', null],
  ['--5', 'it', null],
  ['.', 'it', null],
];

describe('parseNumberText', () => {
  it.each(CASES.map((c) => [c[0], c[1], c] as const))(
    '%j (%s)',
    (_text, _locale, [text, locale, value, decimals, percent]) => {
      const parsed = parseNumberText(text, locale);
      if (value === null) {
        expect(parsed).toBeNull();
        return;
      }
      expect(parsed).not.toBeNull();
      expect({
        value: parsed?.value.toString(),
        decimals: parsed?.decimals,
        percent: parsed?.percent,
      }).toEqual({ value, decimals, percent });
    },
  );

  it('reads Italian by default', () => {
    expect(parseNumberText('1.234')?.value.toString()).toBe('1234');
  });
});

describe('formatDecimals', () => {
  it.each([
    ['0.00%', 2],
    ['0.0%', 1],
    ['0%', 0],
    ['#,##0.00 [$€-410]', 2],
    ['#,##0 [$€-410]', 0],
    ['#,##0.00 "€"', 2],
    ['#,##0.00;[Red]-#,##0.00', 2],
    ['0.###', 3],
    ['General', null],
    ['general', null],
    ['', null],
  ] as [string, number | null][])('%j → %j', (format, decimals) => {
    expect(formatDecimals(format)).toBe(decimals);
  });
});

describe('isPercentFormat', () => {
  it.each([
    ['0.00%', true],
    ['0%', true],
    ['#,##0.00 [$€-410]', false],
    ['0.00 "%"', false],
    ['0.00\\%', false],
    ['General', false],
  ] as [string, boolean][])('%j → %j', (format, percent) => {
    expect(isPercentFormat(format)).toBe(percent);
  });
});

describe('ownDecimals', () => {
  it.each([
    [24.39, 2],
    [0.2439, 4],
    [236700000, 0],
    [0.1 + 0.2, 17],
    [1e-7, 7],
  ])('%d → %d', (value, decimals) => {
    expect(ownDecimals(value)).toBe(decimals);
  });
});
