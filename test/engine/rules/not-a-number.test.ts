import { describeRule } from '../grid-builder';
import { INDICATORS, raa } from '../raa-fixture';

describeRule('NOT_A_NUMBER', {
  fires: [
    {
      name: 'n.d. as an allocation',
      grid: raa({ cells: { D5: 'n.d.' } }),
      hits: [
        [
          'D5',
          'error',
          'text',
          { text: 'n.d.', message: 'La cella deve contenere un numero, ma contiene "n.d.".' },
        ],
      ],
    },
    {
      name: 'a word as an amount',
      grid: raa({ cells: { E18: 'vedi nota' } }),
      hits: [['E18', 'error', 'text', { text: 'vedi nota' }]],
    },
    {
      name: 'a boolean as an amount',
      grid: raa({ cells: { G19: true } }),
      hits: [['G19', 'error', 'text', { message: 'La cella deve contenere un numero, ma contiene "VERO".' }]],
    },
    {
      name: 'an indicator value',
      grid: raa({ indicators: [INDICATORS.CO09('non rilevato')] }),
      hits: [['G27', 'error', 'text', { text: 'non rilevato' }]],
    },
  ],
  doesNotFire: [
    { name: 'numbers', grid: raa() },
    { name: 'numbers as text (TEXT_NUMBER says it)', grid: raa({ cells: { D5: '379.000.000,00 €' } }) },
    { name: 'empty cells', grid: raa({ cells: { H18: null, I18: '  ' } }) },
    {
      name: 'an error value (FORMULA_ERROR tells it)',
      grid: raa({ cells: { D17: { v: { error: '#DIV/0!' }, f: '=C17/B17' } } }),
    },
    { name: 'an empty indicator value', grid: raa({ indicators: [INDICATORS.CO09(null)] }) },
  ],
});
