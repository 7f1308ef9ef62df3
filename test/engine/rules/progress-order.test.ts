import { analyse } from '../../../src/engine/analyse';
import { renderFinding } from '../../../src/engine/render';
import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('PROGRESS_ORDER', {
  fires: [
    {
      name: 'commitments above programmed (D > B)',
      grid: raa({ amounts: { I: { D: 236000000.01 } } }),
      hits: [
        [
          'E16',
          'warning',
          'stage',
          {
            axis: 'I',
            largerAmount: '236.000.000,01 €',
            smallerAmount: '236.000.000,00 €',
            share: '100,00%',
          },
        ],
      ],
    },
    {
      name: 'payments above commitments (F > D)',
      grid: raa({ amounts: { II: { F: 330000000 } } }),
      // 330.000.000 / 323.626.680,83 = 1,01969…
      hits: [
        [
          'G17',
          'warning',
          'stage',
          { largerAmount: '330.000.000,00 €', smallerAmount: '323.626.680,83 €', share: '101,97%' },
        ],
      ],
    },
    {
      name: 'certified above payments (H > F)',
      grid: raa({ amounts: { III: { H: 290000000 } } }),
      hits: [
        [
          'I18',
          'warning',
          'stage',
          {
            larger: 'la spesa certificata (H)',
            smaller: 'i pagamenti (F)',
            message:
              'Asse III: la spesa certificata (H) di 290.000.000,00 € supera i pagamenti (F) di 281.034.588,71 €.',
          },
        ],
      ],
    },
    {
      name: "the RAA's Asse I: programmed at 122,89% of the allocation (B > A)",
      grid: raa({ amounts: { I: { B: 290890851.86, D: 290323449.02, F: 254774002.77 } } }),
      // 290.890.851,86 / 236.700.000 = 1,22894…
      hits: [
        [
          'C16',
          'info',
          'overProgramming',
          {
            share: '122,89%',
            message:
              'Asse I: il programmato 290.890.851,86 € supera la dotazione 236.700.000,00 € (sovraprogrammazione, 122,89%).',
          },
        ],
      ],
    },
    {
      name: 'every stage out of order on one row',
      grid: raa({ amounts: { IV: { B: 20000000, D: 21000000, F: 22000000, H: 23000000 } } }),
      // 21/20, 22/21, 23/22 and 20.000.000 / 19.114.000 = 1,04635…
      hits: [
        ['E19', 'warning', 'stage', { share: '105,00%' }],
        ['G19', 'warning', 'stage', { share: '104,76%' }],
        ['I19', 'warning', 'stage', { share: '104,55%' }],
        [
          'C19',
          'info',
          'overProgramming',
          { largerAmount: '20.000.000,00 €', smallerAmount: '19.114.000,00 €', share: '104,64%' },
        ],
      ],
    },
    {
      name: 'amounts as text',
      grid: raa({ cells: { E16: '236.000.000,01' } }),
      hits: [['E16', 'warning', 'stage', { largerAmount: '236.000.000,01 €' }]],
    },
  ],
  doesNotFire: [
    { name: 'every stage below the one before', grid: raa() },
    {
      name: 'equal stages (Asse V: programmed = allocation)',
      grid: raa({ amounts: { V: { B: 33760516, D: 33760516, F: 33760516, H: 33760516 } } }),
    },
    { name: 'the totals row is excluded', grid: raa({ cells: { E21: 999999999999 } }) },
    {
      name: 'floating-point noise of a formula',
      grid: raa({ cells: { E20: { v: 33760516.00000001, f: '=C20' } }, amounts: { V: { D: 33760516 } } }),
    },
    { name: 'an empty stage', grid: raa({ cells: { C17: null } }) },
  ],
});

describe('PROGRESS_ORDER messages', () => {
  it("gives the over-programming share as a percentage in the user's format", () => {
    const g = raa({ amounts: { I: { B: 290890851.86, D: 290323449.02, F: 254774002.77 } } });
    const message = (lang: 'it' | 'en') =>
      analyse(g, { lang })
        .findings.filter((f) => f.rule === 'PROGRESS_ORDER')
        .map((f) => renderFinding(f, lang))[0];
    expect(message('it')).toBe(
      'Asse I: il programmato 290.890.851,86 € supera la dotazione 236.700.000,00 € (sovraprogrammazione, 122,89%).',
    );
    expect(message('en')).toBe(
      'Axis I: programmed €290,890,851.86 exceeds the allocation €236,700,000.00 (over-programming, 122.89%).',
    );
  });
});
