import { describeRule } from '../grid-builder';
import { INDICATORS, raa } from '../raa-fixture';

describeRule('NEGATIVE_AMOUNT', {
  fires: [
    {
      name: 'a negative commitment',
      grid: raa({ amounts: { I: { D: -5 } } }),
      hits: [['E16', 'error', 'negative', { amount: '-5,00 €', message: 'Importo negativo: -5,00 €.' }]],
    },
    {
      name: 'an accounting negative as text',
      grid: raa({ cells: { C17: '(1.000)' } }),
      hits: [['C17', 'error', 'negative', { amount: '-1.000,00 €' }]],
    },
    {
      name: 'a negative allocation in Tabella 1',
      grid: raa({ cells: { D8: -33760516 } }),
      hits: [['D8', 'error', 'negative', { amount: '-33.760.516,00 €' }]],
    },
    {
      name: 'a negative total',
      grid: raa({ cells: { I21: '-1,00' } }),
      hits: [['I21', 'error', 'negative', { amount: '-1,00 €' }]],
    },
  ],
  doesNotFire: [
    { name: 'zero amounts', grid: raa({ amounts: { V: { D: 0, F: 0, H: 0 } } }) },
    { name: 'a negative zero', grid: raa({ cells: { I20: -0 } }) },
    { name: 'a negative ratio is not an amount', grid: raa({ cells: { D16: { v: -0.5, fmt: '0.00%' } } }) },
    { name: 'indicator values are not amounts', grid: raa({ indicators: [INDICATORS.CO09(-3)] }) },
  ],
});
