import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

const FULL = {
  B21: { v: 970474516, f: '=SUM(B16:B20)' },
  C21: { v: 916176965.33, f: '=SUM(C16:C20)' },
  E21: { v: 898677416.66, f: '=SUM(E16:E20)' },
  G21: { v: 822642491.03, f: '=SUM(G16:G20)' },
  I21: { v: 691444232.24, f: '=SUM(I16:I20)' },
  D9: { v: 970474516, f: '=SUM(D4:D8)' },
};

describeRule('TOTAL_RANGE', {
  fires: [
    {
      name: 'a SUM that stops a row short',
      grid: raa({ cells: { C21: { v: 882416449.33, f: '=SUM(C16:C19)' } } }),
      hits: [
        [
          'C21',
          'error',
          'leavesOutOne',
          {
            rows: '20',
            range: 'C16:C20',
            message:
              "Il totale =SUM(C16:C19) lascia fuori la riga 20 della tabella. Estendi l'intervallo a C16:C20.",
          },
        ],
      ],
    },
    {
      name: 'a sum of three cells out of five',
      grid: raa({ cells: { E21: { v: 848068068.06, f: '=E16+E17+E18' } } }),
      hits: [['E21', 'error', 'leavesOut', { rows: '19, 20', count: '2', range: 'E16:E20' }]],
    },
    {
      name: 'a SUM that takes in the total itself',
      grid: raa({ cells: { G21: { v: 0, f: '=SUM(G16:G21)' } } }),
      hits: [['G21', 'error', 'self', { range: 'G16:G20' }]],
    },
    {
      name: 'Tabella 1: the total leaves out technical assistance',
      grid: raa({ cells: { D9: { v: 936714000, f: '=SUM(D4:D7)' } } }),
      hits: [['D9', 'error', 'leavesOutOne', { rows: '8', range: 'D4:D8' }]],
    },
  ],
  doesNotFire: [
    { name: 'every total sums its whole column', grid: raa({ cells: FULL }) },
    { name: 'typed totals, as in the RAA', grid: raa() },
    {
      name: 'a total linked to another sheet',
      grid: raa({ cells: { B21: { v: 970474516, f: '=Riepilogo!B9' } } }),
    },
  ],
});
