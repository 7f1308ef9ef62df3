import { analyse } from '../../../src/engine/analyse';
import { renderFinding } from '../../../src/engine/render';
import { defaultModel, parseModel } from '../../../src/model';
import type { ProgrammeModel } from '../../../src/model/types';
import { describeRule, type CellSpec } from '../grid-builder';
import { INDICATORS, raa, type IndicatorSpec } from '../raa-fixture';

/** The Lombardy model plus a lower-is-better indicator: early school leavers, target at most 10%. */
function modelWithLowerIndicator(): ProgrammeModel {
  const result = parseModel({
    ...defaultModel,
    indicators: [
      ...defaultModel.indicators,
      {
        code: 'LOM-III-AB',
        axis: 'III',
        priority: '',
        type: 'result',
        unit: 'percentage',
        name: 'Abbandono scolastico',
        target: '10',
        direction: 'lower',
      },
    ],
  });
  if (!result.ok) throw new Error(result.error);
  return result.model;
}
const lowerModel = { model: modelWithLowerIndicator() };
const dropout = (value: CellSpec): IndicatorSpec => [
  'III',
  null,
  'LOM-III-AB',
  'Abbandono scolastico',
  'risultato',
  'percentuale',
  value,
  { v: 0.1, fmt: '0.0%' },
];
const pct = (v: number) => ({ v, fmt: '0.0%' });
const unknown = (value: CellSpec, target: CellSpec): IndicatorSpec => [
  'I',
  null,
  'XX-99',
  'Indicatore non nel modello',
  'output',
  'numero',
  value,
  target,
];

/** Tabella 3 with one row (row 27, value in G27). */
const one = (row: IndicatorSpec) => raa({ indicators: [row] });

describeRule('INDICATOR_BELOW_TARGET', {
  fires: [
    {
      name: 'exactly 85% of target: within the tolerance',
      grid: one(INDICATORS.CO09(850, 1000)),
      hits: [['G27', 'warning', 'tolerance']],
    },
    {
      name: '84,9% of target: below the tolerance',
      grid: one(INDICATORS.CO09(849, 1000)),
      hits: [['G27', 'error', 'shortfall']],
    },
    {
      name: 'exactly 65%: a shortfall, not yet serious',
      grid: one(INDICATORS.CO09(650, 1000)),
      hits: [['G27', 'error', 'shortfall']],
    },
    {
      name: '64% of target: a serious shortfall',
      grid: one(INDICATORS.CO09(640, 1000)),
      hits: [['G27', 'error', 'serious']],
    },
    { name: 'nothing achieved', grid: one(INDICATORS.CO09(0)), hits: [['G27', 'error', 'serious']] },
    {
      name: "the RAA's ISCED 1-2 at 92,0%",
      grid: one(INDICATORS.CO09(52104)),
      hits: [['G27', 'warning', 'tolerance']],
    },
    {
      name: "the RAA's qualification 10.i: 84% against 85%",
      grid: one(INDICATORS.CR03_10i(pct(0.84))),
      hits: [['G27', 'warning', 'tolerance']],
    },
    {
      name: 'percentages as text: 59% against 80%',
      grid: one(INDICATORS.CR03_10i('59%', '80%')),
      hits: [['G27', 'error', 'shortfall']],
    },
    {
      name: 'percentages as points: 59 against 80',
      grid: one(INDICATORS.CR03_10i(59, 80)),
      hits: [['G27', 'error', 'shortfall']],
    },
    {
      name: 'an indicator the model does not know',
      grid: one(unknown(50, 100)),
      hits: [['G27', 'error', 'serious']],
    },
    {
      name: 'lower is better: 11% against at most 10%',
      grid: one(dropout(pct(0.11))),
      options: lowerModel,
      hits: [['G27', 'warning', 'tolerance']],
    },
    {
      name: 'lower is better: 20% against at most 10%',
      grid: one(dropout(pct(0.2))),
      options: lowerModel,
      hits: [['G27', 'error', 'serious']],
    },
    {
      name: 'several rows',
      grid: raa({
        indicators: [INDICATORS.CO09(60000), INDICATORS.CO09(30000), INDICATORS.CR06_8i(pct(0.28))],
      }),
      hits: [
        ['G28', 'error', 'serious'],
        ['G29', 'warning', 'tolerance'],
      ],
    },
  ],
  doesNotFire: [
    { name: 'target reached exactly', grid: one(INDICATORS.CO09(56645)) },
    { name: 'target exceeded', grid: one(INDICATORS.CR06_8i(pct(0.592))) },
    { name: 'no value', grid: one(INDICATORS.CO09(null)) },
    { name: 'no target', grid: one(INDICATORS.CO09(100, null)) },
    { name: 'a value that is not a number (NOT_A_NUMBER says it)', grid: one(INDICATORS.CO09('n.d.')) },
    { name: 'a zero target', grid: one(unknown(5, 0)) },
    { name: 'lower is better: at the target', grid: one(dropout(pct(0.1))), options: lowerModel },
    { name: 'lower is better: below the target', grid: one(dropout(pct(0.05))), options: lowerModel },
    { name: 'lower is better: zero', grid: one(dropout(pct(0))), options: lowerModel },
    { name: 'no Tabella 3', grid: raa() },
  ],
});

describe('INDICATOR_BELOW_TARGET messages', () => {
  const message = (row: IndicatorSpec, lang: 'it' | 'en') =>
    analyse(one(row), { lang })
      .findings.filter((f) => f.rule === 'INDICATOR_BELOW_TARGET')
      .map((f) => renderFinding(f, lang))[0];

  it('says "serious shortfall" below 65%', () => {
    expect(message(INDICATORS.CO09(640, 1000), 'en')).toBe(
      'Titolari di un diploma ISCED 1 o ISCED 2: 640 against a target of 1,000, 64.00% of target: serious shortfall (below 65%).',
    );
    expect(message(INDICATORS.CO09(640, 1000), 'it')).toBe(
      'Titolari di un diploma ISCED 1 o ISCED 2: 640 contro un target di 1.000, pari al 64,00% del target: grave ritardo (sotto il 65%).',
    );
  });

  it('shows percentages in points', () => {
    expect(message(INDICATORS.CR03_10i(pct(0.59), pct(0.8)), 'it')).toBe(
      "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento: 59% contro un target di 80%, pari al 73,75% del target, sotto la soglia dell'85%.",
    );
  });
});
