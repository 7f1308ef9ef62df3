import Decimal from 'decimal.js';
import { evaluateIndicator, matchIndicator, statusOf } from '../../src/engine/indicators';
import { locateTables } from '../../src/engine/locate/locate-tables';
import type { IndicatorRow } from '../../src/engine/tables';
import { defaultModel } from '../../src/model';
import type { CellSpec } from './grid-builder';
import { raa, type IndicatorSpec } from './raa-fixture';

function rowOf(spec: IndicatorSpec): IndicatorRow {
  const rows = locateTables(raa({ indicators: [spec] })).indicators?.rows ?? [];
  expect(rows).toHaveLength(1);
  return rows[0];
}

const pct = (v: number): CellSpec => ({ v, fmt: '0.0%' });

describe('matchIndicator', () => {
  it.each([
    [['I', null, 'CO01', 'Disoccupati', 'output', 'numero', 1, 1], 'CO01', ''],
    [['I', '8ii', 'CR06', '', 'risultato', 'percentuale', 1, 1], 'CR06', '8ii'],
    [['I', '8.ii', 'cr06', '', 'risultato', 'percentuale', 1, 1], 'CR06', '8ii'],
    [['Asse I', '8 v', 'CR06', '', 'risultato', 'percentuale', 1, 1], 'CR06', '8v'],
    [['III', '10iv', 'CR03', '', 'risultato', 'percentuale', 1, 1], 'CR03', '10iv'],
    [['III', null, null, 'Titolari di un diploma ISCED 1 o ISCED 2', 'output', 'numero', 1, 1], 'CO09', ''],
  ] as [IndicatorSpec, string, string][])('%j → %s %s', (spec, code, priority) => {
    const indicator = matchIndicator(rowOf(spec), defaultModel);
    expect(indicator && [indicator.code, indicator.priority]).toEqual([code, priority]);
  });

  it.each([
    [['I', null, 'CR06', '', 'risultato', 'percentuale', 1, 1]],
    [['I', null, 'XX-01', 'Ignoto', 'output', 'numero', 1, 1]],
    [['I', null, null, 'Titolari di un diploma ISCED 1 o ISCED 2', 'output', 'numero', 1, 1]],
  ] as [IndicatorSpec][])('%j matches nothing', (spec) => {
    expect(matchIndicator(rowOf(spec), defaultModel)).toBeNull();
  });
});

describe('statusOf', () => {
  const thresholds = defaultModel.thresholds;
  it.each([
    ['1.2', 'achieved'],
    ['1', 'achieved'],
    ['0.9999', 'tolerance'],
    ['0.85', 'tolerance'],
    ['0.8499', 'shortfall'],
    ['0.65', 'shortfall'],
    ['0.6499', 'serious'],
    ['0', 'serious'],
  ])('%s → %s', (ratio, status) => {
    expect(statusOf(new Decimal(ratio), thresholds)).toBe(status);
  });

  it('is no-data without a ratio', () => {
    expect(statusOf(null, thresholds)).toBe('no-data');
  });
});

describe('evaluateIndicator', () => {
  it.each([
    [
      'a number',
      ['III', null, 'CO09', '', 'output', 'numero', 52104, 56645],
      '52104',
      '56645',
      '0.9198',
      'tolerance',
    ],
    [
      'a percentage formatted as %',
      ['III', '10iv', 'CR03', '', 'risultato', 'percentuale', pct(0.59), pct(0.8)],
      '59',
      '80',
      '0.7375',
      'shortfall',
    ],
    [
      'a percentage as text',
      ['III', '10iv', 'CR03', '', 'risultato', 'percentuale', '59,0%', '80%'],
      '59',
      '80',
      '0.7375',
      'shortfall',
    ],
    [
      'a percentage in points',
      ['III', '10iv', 'CR03', '', 'risultato', 'percentuale', 59, 80],
      '59',
      '80',
      '0.7375',
      'shortfall',
    ],
    [
      'the unit taken from the model when the row has none',
      ['III', '10iv', 'CR03', '', 'risultato', null, pct(0.59), pct(0.8)],
      '59',
      '80',
      '0.7375',
      'shortfall',
    ],
    [
      'fractions typed in General cells against a model target of 80 (%)',
      ['III', '10iv', 'CR03', '', 'risultato', 'percentuale', 0.59, 0.8],
      '59',
      '80',
      '0.7375',
      'shortfall',
    ],
    [
      'a fraction value beside a target in points',
      ['III', '10iv', 'CR03', '', 'risultato', 'percentuale', 0.59, 80],
      '59',
      '80',
      '0.7375',
      'shortfall',
    ],
    ['no value', ['III', null, 'CO09', '', 'output', 'numero', null, 56645], null, '56645', null, 'no-data'],
    ['a zero target', ['III', null, 'XX', '', 'output', 'numero', 5, 0], '5', '0', null, 'no-data'],
  ] as [string, IndicatorSpec, string | null, string | null, string | null, string][])(
    '%s',
    (_, spec, value, target, ratio, status) => {
      const e = evaluateIndicator(rowOf(spec), defaultModel);
      expect([
        e.value?.toString() ?? null,
        e.target?.toString() ?? null,
        e.ratio?.toDecimalPlaces(4).toString() ?? null,
        e.status,
      ]).toEqual([value, target, ratio, status]);
    },
  );
});
