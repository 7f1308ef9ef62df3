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
      hits: [
        ['G27', 'warning', 'tolerance', { value: '850', target: '1.000', ratio: '85,00%', tolerance: '85%' }],
      ],
    },
    {
      name: '84,9% of target: below the tolerance',
      grid: one(INDICATORS.CO09(849, 1000)),
      hits: [['G27', 'error', 'shortfall', { value: '849', target: '1.000', ratio: '84,90%' }]],
    },
    {
      name: 'exactly 65%: a shortfall, not yet serious',
      grid: one(INDICATORS.CO09(650, 1000)),
      hits: [['G27', 'error', 'shortfall', { ratio: '65,00%', serious: '65%' }]],
    },
    {
      name: '64% of target: a serious shortfall',
      grid: one(INDICATORS.CO09(640, 1000)),
      hits: [
        [
          'G27',
          'error',
          'serious',
          {
            name: 'CO09: Titolari di un diploma ISCED 1 o ISCED 2',
            ratio: '64,00%',
            message:
              'CO09: Titolari di un diploma ISCED 1 o ISCED 2: 640 contro un target di 1.000, cioè 64,00% del target: grave ritardo (sotto 65%).',
          },
        ],
      ],
    },
    {
      name: 'nothing achieved',
      grid: one(INDICATORS.CO09(0)),
      hits: [['G27', 'error', 'serious', { value: '0', target: '56.645', ratio: '0,00%' }]],
    },
    {
      name: "the RAA's ISCED 1-2 at 92,0%",
      // 52.104 / 56.645 = 0,91983…
      grid: one(INDICATORS.CO09(52104)),
      hits: [['G27', 'warning', 'tolerance', { value: '52.104', target: '56.645', ratio: '91,98%' }]],
    },
    {
      name: "the RAA's qualification 10.i: 84% against 85%",
      // 84 / 85 = 0,98823…
      grid: one(INDICATORS.CR03_10i(pct(0.84))),
      hits: [
        [
          'G27',
          'warning',
          'tolerance',
          {
            name: "CR03, priorità 10i: Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
            value: '84%',
            target: '85%',
            ratio: '98,82%',
          },
        ],
      ],
    },
    {
      name: 'percentages as text: 59% against 80%',
      grid: one(INDICATORS.CR03_10i('59%', '80%')),
      hits: [
        [
          'G27',
          'error',
          'shortfall',
          {
            value: '59%',
            target: '80%',
            ratio: '73,75%',
            message:
              "CR03, priorità 10i: Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento: 59% contro un target di 80%, cioè 73,75% del target, sotto la soglia di tolleranza (85%).",
          },
        ],
      ],
    },
    {
      name: 'percentages as points: 59 against 80',
      grid: one(INDICATORS.CR03_10i(59, 80)),
      hits: [['G27', 'error', 'shortfall', { value: '59%', target: '80%', ratio: '73,75%' }]],
    },
    {
      name: 'an indicator the model does not know',
      grid: one(unknown(50, 100)),
      hits: [
        [
          'G27',
          'error',
          'serious',
          { name: 'XX-99: Indicatore non nel modello', value: '50', target: '100', ratio: '50,00%' },
        ],
      ],
    },
    {
      name: 'lower is better: 11% against at most 10%',
      grid: one(dropout(pct(0.11))),
      options: lowerModel,
      // Lower is better: target / value = 10 / 11.
      hits: [['G27', 'warning', 'tolerance', { value: '11%', target: '10%', ratio: '90,91%' }]],
    },
    {
      name: 'lower is better: 20% against at most 10%',
      grid: one(dropout(pct(0.2))),
      options: lowerModel,
      hits: [['G27', 'error', 'serious', { value: '20%', target: '10%', ratio: '50,00%' }]],
    },
    {
      name: 'several rows',
      grid: raa({
        indicators: [INDICATORS.CO09(60000), INDICATORS.CO09(30000), INDICATORS.CR06_8i(pct(0.28))],
      }),
      // 30.000 / 56.645 = 0,52961…; 28 / 30 = 0,9333…
      hits: [
        ['G28', 'error', 'serious', { value: '30.000', ratio: '52,96%' }],
        [
          'G29',
          'warning',
          'tolerance',
          {
            name: "CR06, priorità 8i: Partecipanti che hanno un lavoro, anche autonomo, entro i 6 mesi successivi alla fine della loro partecipazione all'intervento",
            value: '28%',
            target: '30%',
            ratio: '93,33%',
          },
        ],
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
      'CO09: Titolari di un diploma ISCED 1 o ISCED 2: 640 against a target of 1,000, 64.00% of target: serious shortfall (below 65%).',
    );
    expect(message(INDICATORS.CO09(640, 1000), 'it')).toBe(
      'CO09: Titolari di un diploma ISCED 1 o ISCED 2: 640 contro un target di 1.000, cioè 64,00% del target: grave ritardo (sotto 65%).',
    );
  });

  it('shows percentages in points', () => {
    expect(message(INDICATORS.CR03_10i(pct(0.59), pct(0.8)), 'it')).toBe(
      "CR03, priorità 10i: Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento: 59% contro un target di 80%, cioè 73,75% del target, sotto la soglia di tolleranza (85%).",
    );
  });
});
