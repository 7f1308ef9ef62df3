import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

/** Column A of Tabella 2 linked to the Tabella 1 allocations, as many workbooks do. */
const LINKED_A = {
  B16: { v: 236700000, f: '=D4' },
  B17: { v: 379000000, f: '=D5' },
  B18: { v: 301900000, f: '=D6' },
  B19: { v: 19114000, f: '=D7' },
  B20: { v: 33760516, f: '=D8' },
};

const SUM_TOTALS = {
  B21: { v: 970474516, f: '=SUM(B16:B20)' },
  C21: { v: 916176965.33, f: '=SUM(C16:C20)' },
  E21: { v: 898677416.66, f: '=SUM(E16:E20)' },
  G21: { v: 822642491.03, f: '=SUM(G16:G20)' },
  I21: { v: 691444232.24, f: '=SUM(I16:I20)' },
};

describeRule('FORMULA_TYPED_IN_RUN', {
  fires: [
    {
      name: 'a typed allocation among links to Tabella 1',
      grid: raa({ cells: { ...LINKED_A, B18: 301900000 } }),
      hits: [
        [
          'B18',
          'warning',
          'column',
          {
            above: '=D5',
            below: '=D7',
            message:
              "La cella contiene un numero digitato, ma sopra e sotto c'è la stessa formula (=D5, =D7): non si aggiorna con i dati. Copia la formula anche qui.",
          },
        ],
      ],
    },
    {
      name: 'a typed total among SUM totals',
      grid: raa({ cells: { ...SUM_TOTALS, E21: 898677416.66 } }),
      hits: [['E21', 'warning', 'totals', { example: '=SUM(B16:B20)' }]],
    },
  ],
  doesNotFire: [
    { name: 'typed amounts and totals, as in the RAA', grid: raa() },
    { name: 'links and SUM totals everywhere', grid: raa({ cells: { ...LINKED_A, ...SUM_TOTALS } }) },
    { name: 'a typed value after the last link', grid: raa({ cells: { ...LINKED_A, B20: 33760516 } }) },
    {
      name: 'typed ratios (RATIO_HARDCODED tells them)',
      grid: raa({ ratios: 'value', cells: { D17: { v: 0.8613, f: '=IF(B17=0,"",C17/B17)' } } }),
    },
  ],
});
