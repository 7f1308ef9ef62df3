import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('AXIS_UNKNOWN', {
  fires: [
    {
      name: 'Asse VI in Tabella 1',
      grid: raa({ cells: { B8: 'Asse VI' } }),
      hits: [
        [
          'B8',
          'error',
          'unknown',
          {
            label: 'Asse VI',
            axes: 'I, II, III, IV, V',
            message: '"Asse VI" non è un asse del programma (I, II, III, IV, V).',
          },
        ],
      ],
    },
    {
      name: 'VI in Tabella 2',
      grid: raa({ cells: { A20: 'VI' } }),
      hits: [['A20', 'error', 'unknown', { label: 'VI', axes: 'I, II, III, IV, V' }]],
    },
    {
      name: 'a row without a label',
      grid: raa({ cells: { A17: null } }),
      hits: [
        [
          'A17',
          'error',
          'empty',
          {
            axes: 'I, II, III, IV, V',
            message: "Riga senza asse: manca l'etichetta dell'asse (I, II, III, IV, V).",
          },
        ],
      ],
    },
    {
      name: "an axis of another programme's numbering",
      grid: raa({ cells: { A16: 'Asse 6' } }),
      hits: [['A16', 'error', 'unknown', { label: 'Asse 6' }]],
    },
  ],
  doesNotFire: [
    {
      name: 'ids, Asse + id and names',
      grid: raa({ cells: { B4: 'I', B5: 'Inclusione sociale', A16: 'Asse I', A17: 'Asse II' } }),
    },
    {
      name: 'labels with a prefix, a dot, a dash or odd spacing',
      grid: raa({
        cells: {
          B4: 'Asse prioritario I',
          B5: 'ASSE  II',
          B6: 'III.',
          B7: 'Asse IV - Capacità istituzionale',
          A16: 'Priority axis I',
          A17: 'Asse\u00a0II',
        },
      }),
    },
    {
      name: 'the aliases Asse 1 … Asse 5',
      grid: raa({ cells: { B4: 'Asse 1', B5: 'Asse 2', A18: 'Asse 3' } }),
    },
    {
      name: 'a duplicate label the amounts resolve (AXIS_DUPLICATE says it)',
      grid: raa({ cells: { A18: 'II' } }),
    },
  ],
});
