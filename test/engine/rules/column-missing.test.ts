import { cellsIn, describeRule, grid, sheet } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('COLUMN_MISSING', {
  fires: [
    {
      name: 'Tabella 2 without I = H/F',
      grid: raa({ cells: cellsIn('J14:J21', null) }),
      hits: [['A14', 'error', 'progress', { column: 'I', message: 'Nella Tabella 2 manca la colonna I.' }]],
    },
    {
      name: 'Tabella 2 without B and C',
      grid: raa({ cells: { C14: 'Note', D14: 'Osservazioni', C15: null, D15: null } }),
      hits: [
        ['A14', 'error', 'progress', { column: 'B' }],
        ['A14', 'error', 'progress', { column: 'C' }],
      ],
    },
    {
      name: 'Tabella 1 without a % column',
      grid: raa({ cells: cellsIn('E4:E9', null) }),
      hits: [['A3', 'error', 'plan', { column: '%', message: 'Nella Tabella 1 manca la colonna "%".' }]],
    },
    {
      name: 'Tabella 1 with a % header but no allocation is not a plan, a plan without % is',
      grid: grid(
        sheet('T1', [
          ['Asse', 'Dotazione'],
          ['Asse I', 236700000],
          ['Asse II', 379000000],
        ]),
      ),
      hits: [['A1', 'error', 'plan', { column: '%' }]],
    },
  ],
  doesNotFire: [
    { name: 'the RAA layout, % without a header of its own', grid: raa() },
    { name: 'a % column with its own header', grid: raa({ cells: { E3: '%' } }) },
    { name: 'no tables at all (TABLE_NOT_FOUND says it)', grid: grid() },
  ],
});
