import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('AXIS_DUPLICATE', {
  fires: [
    {
      name: 'the RAA 2022: II printed for III in Tabella 2',
      grid: raa({ cells: { A18: 'II' } }),
      hits: [
        [
          'A18',
          'error',
          'resolved',
          {
            label: 'II',
            axis: 'III',
            message:
              "L'etichetta \"II\" compare più volte: gli importi di questa riga sono quelli dell'Asse III, quindi la riga è letta come Asse III. Correggi l'etichetta.",
          },
        ],
      ],
    },
    {
      name: 'the same without Tabella 1: resolved from the model',
      grid: raa({ plan: false, cells: { A18: 'II' } }),
      hits: [['A18', 'error', 'resolved', { label: 'II', axis: 'III' }]],
    },
    {
      name: 'the first of the two is the wrong one',
      grid: raa({ cells: { A17: 'III' } }),
      hits: [['A17', 'error', 'resolved', { label: 'III', axis: 'II' }]],
    },
    {
      name: 'a duplicate in Tabella 1',
      grid: raa({ cells: { B6: 'Asse II' } }),
      hits: [['B6', 'error', 'resolved', { label: 'Asse II', axis: 'III' }]],
    },
    {
      name: 'the same axis by id and by name',
      grid: raa({ cells: { B7: 'Occupazione' } }),
      hits: [['B7', 'error', 'resolved', { label: 'Occupazione', axis: 'IV' }]],
    },
    {
      name: 'amounts that point to no other axis',
      grid: raa({ cells: { A18: 'II', B18: 301900001 } }),
      hits: [
        [
          'A18',
          'error',
          'unresolved',
          {
            label: 'II',
            message:
              'L\'etichetta "II" compare più volte e gli importi di questa riga non indicano un altro asse.',
          },
        ],
      ],
    },
    {
      name: 'Tabella 2 with the amounts of a 2020-11 Tabella 1',
      grid: raa({ allocations: { IV: 20000000, V: 32874516 }, cells: { A20: 'IV' } }),
      hits: [['A20', 'error', 'resolved', { label: 'IV', axis: 'V' }]],
    },
  ],
  doesNotFire: [
    { name: 'distinct labels', grid: raa() },
    {
      name: 'the same axis written differently in the two tables',
      grid: raa({ cells: { B4: 'Occupazione', A16: 'Asse I' } }),
    },
    { name: 'an unknown label (AXIS_UNKNOWN says it)', grid: raa({ cells: { A18: 'VI' } }) },
  ],
});
