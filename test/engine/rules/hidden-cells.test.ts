import type { Grid } from '../../../src/engine/grid';
import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

function hiding(rows: number[], columns: number[] = []): Grid {
  const g = raa();
  g.sheets[0] = { ...g.sheets[0], hiddenRows: rows, hiddenColumns: columns };
  return g;
}

describeRule('HIDDEN_CELLS', {
  fires: [
    {
      name: "Asse III's row of Tabella 2 hidden",
      grid: hiding([17]),
      hits: [
        [
          'A18',
          'warning',
          'rows',
          {
            rows: '18',
            message:
              'Nella tabella ci sono righe nascoste (18): i totali possono contare valori che non si vedono. Scoprile per controllarle.',
          },
        ],
      ],
    },
    {
      name: 'column E hidden: it crosses Tabella 1 and Tabella 2',
      grid: hiding([], [4]),
      hits: [
        ['E3', 'warning', 'columns', { columns: 'E' }],
        ['E14', 'warning', 'columns', { columns: 'E' }],
      ],
    },
  ],
  doesNotFire: [
    { name: 'nothing hidden', grid: raa() },
    { name: 'hidden rows between the tables', grid: hiding([10, 11]) },
    { name: 'a hidden column right of the tables', grid: hiding([], [20]) },
  ],
});
