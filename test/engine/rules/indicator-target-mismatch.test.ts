import { describeRule } from '../grid-builder';
import { INDICATORS, raa, type IndicatorSpec } from '../raa-fixture';

const one = (row: IndicatorSpec) => raa({ indicators: [row] });
const pct = (v: number) => ({ v, fmt: '0.0%' });

describeRule('INDICATOR_TARGET_MISMATCH', {
  fires: [
    {
      name: 'CR06 8i: 35% in the workbook, 30 in the model',
      grid: one(INDICATORS.CR06_8i(pct(0.592), pct(0.35))),
      hits: [['H27', 'error', 'mismatch']],
    },
    {
      name: 'CR06 8i: 35% as text',
      grid: one(INDICATORS.CR06_8i(pct(0.592), '35%')),
      hits: [['H27', 'error', 'mismatch']],
    },
    {
      name: 'CO09: 50.000 against 56.645',
      grid: one(INDICATORS.CO09(60000, 50000)),
      hits: [['H27', 'error', 'mismatch']],
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
      hits: [['H27', 'error', 'mismatch']],
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
    { name: 'CO09: 56.645', grid: one(INDICATORS.CO09(60000, 56645)) },
    { name: 'CO09: 56.645 as Italian text', grid: one(INDICATORS.CO09(60000, '56.645')) },
    {
      name: 'an indicator the model does not know',
      grid: one(['I', null, 'XX-99', 'Altro', 'output', 'numero', 5, 7]),
    },
    { name: 'no target', grid: one(INDICATORS.CO09(60000, null)) },
  ],
});
