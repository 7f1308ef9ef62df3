import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('CROSS_TABLE_MISMATCH', {
  fires: [
    {
      name: 'Tabella 2 A of Asse IV differs from Tabella 1',
      grid: raa({ amounts: { IV: { A: 20000000 } } }),
      hits: [
        [
          'B19',
          'error',
          'axis',
          {
            axis: 'IV',
            actual: '20.000.000,00 €',
            expected: '19.114.000,00 €',
            source: 'RAA 2022!D7',
            message:
              "Dotazione dell'Asse IV: 20.000.000,00 € in Tabella 2, 19.114.000,00 € in Tabella 1 (RAA 2022!D7).",
          },
        ],
        // 970.474.516 − 19.114.000 + 20.000.000
        [
          'B21',
          'error',
          'total',
          {
            actual: '971.360.516,00 €',
            expected: '970.474.516,00 €',
            message:
              'Dotazione totale: 971.360.516,00 € in Tabella 2, 970.474.516,00 € in Tabella 1 (RAA 2022!D9).',
          },
        ],
      ],
    },
    {
      name: 'only the totals differ',
      grid: raa({ cells: { B21: 970474517 } }),
      hits: [
        [
          'B21',
          'error',
          'total',
          { actual: '970.474.517,00 €', expected: '970.474.516,00 €', source: 'RAA 2022!D9' },
        ],
      ],
    },
    {
      name: 'Tabella 2 in another axis order',
      grid: raa({ cells: { B16: 379000000, B17: 236700000 } }),
      hits: [
        [
          'B16',
          'error',
          'axis',
          { axis: 'I', actual: '379.000.000,00 €', expected: '236.700.000,00 €', source: 'RAA 2022!D4' },
        ],
        [
          'B17',
          'error',
          'axis',
          { axis: 'II', actual: '236.700.000,00 €', expected: '379.000.000,00 €', source: 'RAA 2022!D5' },
        ],
      ],
    },
  ],
  doesNotFire: [
    { name: 'equal allocations', grid: raa() },
    { name: 'equal allocations, one as text', grid: raa({ cells: { B19: '19.114.000,00 €' } }) },
    { name: 'the RAA duplicate label resolved to Asse III', grid: raa({ cells: { A18: 'II' } }) },
    { name: 'no Tabella 1', grid: raa({ plan: false, amounts: { IV: { A: 20000000 } } }) },
    { name: 'an empty A cell', grid: raa({ cells: { B17: null } }) },
    {
      name: 'a total with floating-point noise',
      grid: raa({ cells: { B21: { v: 970474516.0000001, f: '=SUM(B16:B20)' } } }),
    },
  ],
});
