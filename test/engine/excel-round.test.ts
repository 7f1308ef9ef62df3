import Decimal from 'decimal.js';
import {
  formatEnglish,
  formatEuro,
  formatItalian,
  formatPercent,
  percentAt,
  roundExcel,
} from '../../src/engine/excel-round';

const round = (value: number | string, decimals: number) =>
  roundExcel(new Decimal(value), decimals).toString();

describe('roundExcel: ROUND as Excel does it', () => {
  it.each([
    [2.675, 2, '2.68'],
    [-2.5, 0, '-3'],
    [2.5, 0, '3'],
    [0.285, 2, '0.29'],
    [1.005, 2, '1.01'],
    [-1.005, 2, '-1.01'],
    [1.0049, 2, '1'],
    [0.5, 0, '1'],
    [-0.5, 0, '-1'],
    [1234.5678, -2, '1200'],
    [0, 2, '0'],
    [24.390099999, 2, '24.39'],
  ] as [number, number, string][])('ROUND(%d, %d) = %s', (value, decimals, expected) => {
    expect(round(value, decimals)).toBe(expected);
  });

  it('rounds to the 15 significant digits Excel keeps before rounding half away from zero', () => {
    // 0.1 + 0.2 is 0.30000000000000004 as a double; Excel sees 0.3.
    expect(round(0.1 + 0.2, 16)).toBe('0.3');
    // 1.0049999999999999 is the double nearest 1.005: Excel rounds it up.
    expect(round('1.0049999999999999', 2)).toBe('1.01');
    // 16 significant digits: the 16th is dropped first.
    expect(round('2.67499999999999', 2)).toBe('2.67');
    expect(round('2.674999999999999', 2)).toBe('2.68');
    expect(round('123456789012345.6', 0)).toBe('123456789012346');
    expect(round('0.1234567890123456', 15)).toBe('0.123456789012346');
  });

  it('keeps an exact zero', () => {
    expect(roundExcel(new Decimal(0), 2).isZero()).toBe(true);
  });
});

describe('percentAt', () => {
  it('gives the percentage a fraction prints at', () => {
    expect(percentAt(new Decimal('0.228942'), 2).toString()).toBe('22.89');
    expect(percentAt(new Decimal('0.243901'), 2).toString()).toBe('24.39');
    expect(percentAt(new Decimal('0.24385'), 2).toString()).toBe('24.39');
    expect(percentAt(new Decimal('1.2289435'), 2).toString()).toBe('122.89');
    expect(percentAt(new Decimal('0.9999'), 0).toString()).toBe('100');
  });
});

describe('number display', () => {
  it('writes Italian amounts and percentages', () => {
    expect(formatEuro(new Decimal('236700000'))).toBe('236.700.000,00 €');
    expect(formatEuro(new Decimal('958677416.665'))).toBe('958.677.416,67 €');
    expect(formatPercent(new Decimal('0.2439'))).toBe('24,39%');
    expect(formatPercent(new Decimal('1.22894'), 1)).toBe('122,9%');
    expect(formatItalian(new Decimal('-1234.5'), 2)).toBe('-1.234,50');
    expect(formatItalian(new Decimal('999.995'), 2)).toBe('1.000,00');
    expect(formatItalian(new Decimal('12'), 0)).toBe('12');
  });

  it('writes English amounts', () => {
    expect(formatEnglish(new Decimal('236700000'), 2)).toBe('236,700,000.00');
    expect(formatEnglish(new Decimal('-0.5'), 0)).toBe('-1');
  });

  it('writes no minus sign on a value that rounds to zero', () => {
    expect(formatItalian(new Decimal('-0.001'), 2)).toBe('0,00');
    expect(formatEnglish(new Decimal('-0.004'), 2)).toBe('0.00');
    expect(formatPercent(new Decimal('-0.00001'))).toBe('0,00%');
  });
});
