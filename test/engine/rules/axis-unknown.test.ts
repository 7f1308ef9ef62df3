import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('AXIS_UNKNOWN', {
  fires: [
    {
      name: 'Asse VI in Tabella 1',
      grid: raa({ cells: { B8: 'Asse VI' } }),
      hits: [['B8', 'error', 'unknown']],
    },
    { name: 'VI in Tabella 2', grid: raa({ cells: { A20: 'VI' } }), hits: [['A20', 'error', 'unknown']] },
    { name: 'a row without a label', grid: raa({ cells: { A17: null } }), hits: [['A17', 'error', 'empty']] },
    {
      name: "an axis of another programme's numbering",
      grid: raa({ cells: { A16: 'Asse 6' } }),
      hits: [['A16', 'error', 'unknown']],
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
