import { describeRule } from '../grid-builder';
import { INDICATORS, raa, type IndicatorSpec } from '../raa-fixture';

const one = (row: IndicatorSpec) => raa({ indicators: [row] });
const pct = (v: number) => ({ v, fmt: '0.0%' });
/** CR06 of priority 8v, whose model target is 20,2%. */
const cr06_8v = (target: IndicatorSpec[7]): IndicatorSpec => [
  'I',
  '8v',
  'CR06',
  'Partecipanti che hanno un lavoro',
  'risultato',
  'percentuale',
  pct(0.375),
  target,
];

describeRule('INDICATOR_TARGET_MISMATCH', {
  fires: [
    {
      name: 'CR06 8i: 35% in the workbook, 30 in the model',
      grid: one(INDICATORS.CR06_8i(pct(0.592), pct(0.35))),
      hits: [
        [
          'H27',
          'error',
          'mismatch',
          {
            actual: '35%',
            expected: '30%',
            message:
              "CR06, priorità 8i: Partecipanti che hanno un lavoro, anche autonomo, entro i 6 mesi successivi alla fine della loro partecipazione all'intervento: target 35% nella cartella, 30% nel modello.",
          },
        ],
      ],
    },
    {
      name: 'CR06 8i: 35% as text',
      grid: one(INDICATORS.CR06_8i(pct(0.592), '35%')),
      hits: [['H27', 'error', 'mismatch', { actual: '35%', expected: '30%' }]],
    },
    {
      name: 'CO09: 50.000 against 56.645',
      grid: one(INDICATORS.CO09(60000, 50000)),
      hits: [
        [
          'H27',
          'error',
          'mismatch',
          {
            actual: '50.000',
            expected: '56.645',
            message:
              'CO09: Titolari di un diploma ISCED 1 o ISCED 2: target 50.000 nella cartella, 56.645 nel modello.',
          },
        ],
      ],
    },
    {
      name: 'CR03 10iv: 85 points against 80',
      grid: one([
        'III',
        '10iv',
        'CR03',
        'Partecipanti che ottengono una qualifica',
        'risultato',
        'percentuale',
        70,
        85,
      ]),
      hits: [
        [
          'H27',
          'error',
          'mismatch',
          {
            name: 'CR03, priorità 10iv: Partecipanti che ottengono una qualifica',
            actual: '85%',
            expected: '80%',
          },
        ],
      ],
    },
  ],
  doesNotFire: [
    {
      name: '30% formatted as % against the model\'s "30"',
      grid: one(INDICATORS.CR06_8i(pct(0.592), pct(0.3))),
    },
    { name: '30% as text', grid: one(INDICATORS.CR06_8i(pct(0.592), '30%')) },
    {
      name: '30,0 % as text with a non-breaking space',
      grid: one(INDICATORS.CR06_8i(pct(0.592), '30,0\u00a0%')),
    },
    { name: '30 points in a General cell', grid: one(INDICATORS.CR06_8i(59.2, 30)) },
    {
      name: 'CR06 8v: 20,2%',
      grid: one([
        'I',
        '8v',
        'CR06',
        'Partecipanti che hanno un lavoro',
        'risultato',
        'percentuale',
        pct(0.375),
        pct(0.202),
      ]),
    },
    {
      // 20.2 / 100 is 0.20199999999999999 in binary: typed 20,2% in a 0.0% cell, it is 20,2%.
      name: 'CR06 8v: 20,2% typed as 20.2 / 100 (0.20199999999999999)',
      grid: one(cr06_8v({ v: 20.2 / 100, fmt: '0.0%' })),
    },
    {
      name: 'CR06 8v: 0.20249 in a 0.0% cell shows 20,2%',
      grid: one(cr06_8v({ v: 0.20249, fmt: '0.0%' })),
    },
    { name: 'CO09: 56.645', grid: one(INDICATORS.CO09(60000, 56645)) },
    { name: 'CO09: 56.645 as Italian text', grid: one(INDICATORS.CO09(60000, '56.645')) },
    {
      name: 'an indicator the model does not know',
      grid: one(['I', null, 'XX-99', 'Altro', 'output', 'numero', 5, 7]),
    },
    { name: 'no target', grid: one(INDICATORS.CO09(60000, null)) },
  ],
});
