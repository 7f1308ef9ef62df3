import { describeRule } from '../grid-builder';
import { defaultModel } from '../../../src/model';
import { raa } from '../raa-fixture';

/** The Lombardy model with Asse I over two thematic objectives, as PON SPAO's axis 3 is. */
const twoObjectives = {
  ...defaultModel,
  versions: defaultModel.versions.map((v) => ({
    ...v,
    axes: v.axes.map((a) => (a.id === 'I' ? { ...a, ot: '8, 10' } : a)),
  })),
};

describeRule('OT_MISMATCH', {
  fires: [
    {
      name: 'one objective where the model has two',
      grid: raa({ cells: { A4: 'OT 8' } }),
      options: { model: twoObjectives },
      hits: [['A4', 'error', 'mismatch', { actual: 'OT 8', expected: 'OT 8, 10' }]],
    },
    {
      name: 'OT 9 on Asse I',
      grid: raa({ cells: { A4: 'OT 9' } }),
      hits: [
        [
          'A4',
          'error',
          'mismatch',
          {
            axis: 'I',
            actual: 'OT 9',
            expected: 'OT 8',
            message: "OT dell'Asse I: OT 9 nella tabella, OT 8 nel modello.",
          },
        ],
      ],
    },
    {
      name: 'an OT on technical assistance',
      grid: raa({ cells: { A8: 'OT 11' } }),
      hits: [
        [
          'A8',
          'error',
          'none',
          {
            message:
              "OT dell'Asse V: OT 11 nella tabella, ma nel modello l'asse non ha un OT (assistenza tecnica).",
          },
        ],
      ],
    },
    {
      name: 'a missing OT',
      grid: raa({ cells: { A5: null } }),
      hits: [
        [
          'A5',
          'error',
          'mismatch',
          { message: "OT dell'Asse II: nessun OT nella tabella, OT 9 nel modello." },
        ],
      ],
    },
    {
      name: 'a number',
      grid: raa({ cells: { A6: 11 } }),
      hits: [['A6', 'error', 'mismatch', { axis: 'III', actual: 'OT 11', expected: 'OT 10' }]],
    },
  ],
  doesNotFire: [
    { name: "the RAA's OT 8 … OT 11", grid: raa() },
    {
      name: 'an axis over two objectives, written three ways',
      grid: raa({ cells: { A4: 'OT 8 e 10' } }),
      options: { model: twoObjectives },
    },
    { name: '8/10 for 8, 10', grid: raa({ cells: { A4: '8/10' } }), options: { model: twoObjectives } },
    { name: '10, 8 for 8, 10', grid: raa({ cells: { A4: 'OT 10, 8' } }), options: { model: twoObjectives } },
    {
      name: 'bare numbers, as text or numbers',
      grid: raa({ cells: { A4: '8', A5: 9, A6: 'OT10', A7: 'TO 11' } }),
    },
    {
      name: 'dotted and spelled-out forms',
      grid: raa({ cells: { A4: 'O.T. 8', A5: 'ot 9', A6: 'Obiettivo tematico 10', A7: 'OT 011' } }),
    },
    { name: 'an unknown axis (AXIS_UNKNOWN says it)', grid: raa({ cells: { A4: 'OT 9', B4: 'Asse VI' } }) },
  ],
});
