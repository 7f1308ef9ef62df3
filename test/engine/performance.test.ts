import Decimal from 'decimal.js';
import { analyse } from '../../src/engine/analyse';
import { SAMPLE_WORKBOOK } from '../../src/engine/sample-workbook';
import { isFrameworkIndicator, performanceThresholds, verdictOf } from '../../src/engine/performance';
import { defaultModel } from '../../src/model';
import type { ProgrammeIndicator } from '../../src/model/types';
import { grid, setCells, sheet, type CellSpec } from './grid-builder';

const thresholds = performanceThresholds(defaultModel);
/** Ratios written as percentages over 100, so that they are exact decimals: `verdict('85', '75')`. */
const verdict = (...percents: string[]) =>
  verdictOf(
    percents.map((p) => new Decimal(p).dividedBy(100)),
    thresholds,
  );

describe('verdictOf (art. 6 Reg. (EU) 215/2014)', () => {
  it.each([
    // 1 indicator: 85% is the bar; below 65% is a serious failure.
    [['85'], 'achieved'],
    [['84.99'], 'not_achieved'],
    [['75'], 'not_achieved'],
    [['65'], 'not_achieved'],
    [['64.99'], 'serious_failure'],
    // 2 indicators: no 75% allowance; one below 65% is serious.
    [['85', '85'], 'achieved'],
    [['100', '84.99'], 'not_achieved'],
    [['100', '75'], 'not_achieved'],
    [['65', '65'], 'not_achieved'],
    [['100', '64.99'], 'serious_failure'],
    // 3 indicators: all but one at 85% and that one at 75%; serious needs two below 65%.
    [['85', '85', '85'], 'achieved'],
    [['100', '100', '75'], 'achieved'],
    [['100', '100', '74.99'], 'not_achieved'],
    [['100', '84.99', '75'], 'not_achieved'],
    [['100', '100', '64.99'], 'not_achieved'],
    [['100', '65', '65'], 'not_achieved'],
    [['100', '64.99', '64.99'], 'serious_failure'],
    // 4 indicators.
    [['85', '85', '85', '85'], 'achieved'],
    [['100', '100', '100', '75'], 'achieved'],
    [['100', '100', '75', '75'], 'not_achieved'],
    [['100', '100', '100', '64.99'], 'not_achieved'],
    [['100', '100', '64.99', '0'], 'serious_failure'],
    // No indicator with data.
    [[], 'not_assessed'],
  ] as [string[], string][])('%j → %s', (percents, expected) => {
    expect(verdict(...percents)).toBe(expected);
  });
});

describe('isFrameworkIndicator', () => {
  const indicator = (type: ProgrammeIndicator['type'], framework?: boolean): ProgrammeIndicator => ({
    code: 'X',
    axis: 'I',
    priority: '',
    type,
    unit: 'number',
    name: 'X',
    target: '1',
    direction: 'higher',
    ...(framework === undefined ? {} : { framework }),
  });

  it('takes output and financial indicators by default, not result ones', () => {
    expect(isFrameworkIndicator(indicator('output'))).toBe(true);
    expect(isFrameworkIndicator(indicator('financial'))).toBe(true);
    expect(isFrameworkIndicator(indicator('result'))).toBe(false);
  });

  it('follows the model when it says', () => {
    expect(isFrameworkIndicator(indicator('result', true))).toBe(true);
    expect(isFrameworkIndicator(indicator('output', false))).toBe(false);
  });
});

describe('the RAA 2022 sample', () => {
  const sample = SAMPLE_WORKBOOK.sheets[0];
  const cells: Record<string, CellSpec> = {};
  for (const [address, cell] of Object.entries(sample.cells))
    cells[address] =
      typeof cell === 'object' ? { v: cell.value ?? null, f: cell.formula, fmt: cell.numberFormat } : cell;
  const analysis = analyse(grid(setCells(sheet(sample.name, []), cells)));

  it('meets the targets of Assi I–IV on their output indicators; Asse V, technical assistance, is not assessed', () => {
    expect(analysis.axes.map((a) => [a.axis, a.verdict, a.reason, a.cell])).toEqual([
      ['I', 'achieved', null, 'A16'],
      ['II', 'achieved', null, 'A17'],
      // The RAA prints II on Asse III's row: the amounts say it is Asse III.
      ['III', 'achieved', null, 'A18'],
      ['IV', 'achieved', null, 'A19'],
      ['V', 'not_assessed', 'technical-assistance', 'A20'],
    ]);
    expect(analysis.findings.filter((f) => f.rule === 'AXIS_PERFORMANCE')).toEqual([]);
  });

  it('counts the output indicators only, by default: CR06, CR05, CR03 and LOM-IV-IT are result indicators', () => {
    expect(analysis.axes.map((a) => a.indicators.map((i) => `${i.code} ${i.ratio}`))).toEqual([
      // 163.724 / 131.480; 80.577 / 15.558; 4.334 / 1.702; 3 / 3.
      ['CO01 1.2452', 'CO05 5.1791', 'CO06 2.5464', 'CO21 1'],
      // 7.404 / 5.369; 41.830 / 31.298; 64.249 / 57.503.
      ['CO16 1.379', 'CO17 1.3365', 'LOM-II-NF 1.1173'],
      // Ratios cut, not rounded, to 4 decimals. 52.104 / 56.645 = 91,98%: the lowest, above 85%; 14.448 / 6.077; 99% / 90%.
      ['CO09 0.9198', 'CO10 2.3774', 'LOM-III-PC 1.1'],
      // 2.226 / 1.240.
      ['LOM-IV-AM 1.7951'],
      [],
    ]);
  });
});
