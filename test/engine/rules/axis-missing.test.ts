import { describeRule, type Hit } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('AXIS_MISSING', {
  fires: [
    {
      name: 'Tabella 1 without Asse V',
      grid: raa({ axes: ['I', 'II', 'III', 'IV'], progress: false }),
      hits: [
        [
          'A3',
          'error',
          'missing',
          {
            axis: 'V',
            name: 'Assistenza tecnica',
            message: "Manca la riga dell'Asse V (Assistenza tecnica).",
          },
        ],
      ],
    },
    {
      name: 'both tables without Asse III',
      grid: raa({ axes: ['I', 'II', 'IV', 'V'] }),
      hits: [
        ['A3', 'error', 'missing', { axis: 'III', name: 'Istruzione e formazione' }],
        ['A14', 'error', 'missing', { axis: 'III', name: 'Istruzione e formazione' }],
      ],
    },
    {
      name: 'an unknown label instead of V',
      grid: raa({ cells: { A20: 'VI' } }),
      hits: [['A14', 'error', 'missing', { axis: 'V' }]],
    },
    {
      name: 'a duplicate whose amounts point nowhere',
      grid: raa({ cells: { A18: 'II', B18: 301900001 } }),
      hits: [['A14', 'error', 'missing', { axis: 'III' }]],
    },
    {
      name: 'a table with headers only',
      grid: raa({ axes: [], progress: false }),
      hits: ['I', 'II', 'III', 'IV', 'V'].map((axis): Hit => ['A3', 'error', 'missing', { axis }]),
    },
  ],
  doesNotFire: [
    { name: 'every axis', grid: raa() },
    { name: 'axes in another order', grid: raa({ axes: ['V', 'IV', 'III', 'II', 'I'] }) },
    { name: 'a duplicate label resolved by the amounts', grid: raa({ cells: { A18: 'II' } }) },
  ],
});
