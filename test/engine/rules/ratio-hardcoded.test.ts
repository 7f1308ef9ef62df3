import { describeRule, type Hit } from '../grid-builder';
import { raa } from '../raa-fixture';

/**
 * The typed ratios of the RAA's first and totals rows, worked out from the fixture's amounts and
 * rounded to 4 decimals as the RAA prints them: Asse I B/A = 236.000.000 / 236.700.000 = 0,99704…;
 * Totale I=H/F = 691.444.232,24 / 822.642.491,03 = 0,84051….
 */
const SHOWN: Record<string, string> = {
  D16: '99,70%',
  F16: '97,59%',
  H16: '88,91%',
  J16: '90,07%',
  D21: '94,41%',
  F21: '98,09%',
  H21: '91,54%',
  J21: '84,05%',
};
const LETTERS: Record<string, [string, string, string]> = {
  D: ['C=B/A', 'C', 'B'],
  F: ['E=D/B', 'E', 'C'],
  H: ['G=F/D', 'G', 'E'],
  J: ['I=H/F', 'I', 'G'],
};

const everyRatio: Hit[] = [16, 17, 18, 19, 20, 21].flatMap((row) =>
  ['D', 'F', 'H', 'J'].map((col): Hit => {
    const cell = `${col}${row}`;
    if (!(cell in SHOWN)) return [cell, 'warning', 'typed'];
    const [ratio, numerator, denominator] = LETTERS[col];
    return [
      cell,
      'warning',
      'typed',
      { ratio, value: SHOWN[cell], numerator: `${numerator}${row}`, denominator: `${denominator}${row}` },
    ];
  }),
);

describeRule('RATIO_HARDCODED', {
  fires: [
    { name: 'every ratio typed, as in the RAA', grid: raa({ ratios: 'value' }), hits: everyRatio },
    {
      name: 'one typed value among formulas',
      grid: raa({ cells: { F17: { v: 0.9914, fmt: '0.00%' } } }),
      hits: [
        [
          'F17',
          'warning',
          'typed',
          {
            value: '99,14%',
            message:
              'E=D/B è un valore digitato (99,14%), non una formula: non si aggiorna se cambiano E17 o C17. Compila lo sostituisce con la formula.',
          },
        ],
      ],
    },
    {
      name: 'a ratio pasted as text',
      grid: raa({ cells: { H18: '95,55%' } }),
      hits: [['H18', 'warning', 'typed', { ratio: 'G=F/D', value: '95,55%' }]],
    },
    {
      name: 'the totals row',
      grid: raa({ cells: { D21: { v: 0.9946, fmt: '0.00%' } } }),
      hits: [['D21', 'warning', 'typed', { value: '99,46%', numerator: 'C21', denominator: 'B21' }]],
    },
    {
      // 0.724 + a binary tail: Excel shows 72,40%, and so must the message.
      name: 'a typed value with float noise (0.7240000000000001)',
      grid: raa({ cells: { H19: { v: 0.7240000000000001, fmt: '0.00%' } } }),
      hits: [
        [
          'H19',
          'warning',
          'typed',
          {
            value: '72,40%',
            message:
              'G=F/D è un valore digitato (72,40%), non una formula: non si aggiorna se cambiano G19 o E19. Compila lo sostituisce con la formula.',
          },
        ],
      ],
    },
    {
      name: 'a typed value at one decimal',
      grid: raa({ cells: { J20: { v: 0.731, fmt: '0.0%' } } }),
      hits: [['J20', 'warning', 'typed', { value: '73,1%' }]],
    },
  ],
  doesNotFire: [
    { name: 'live formulas', grid: raa() },
    { name: 'empty ratio cells', grid: raa({ cells: { D16: null, F16: null } }) },
    { name: 'a formula that gives ""', grid: raa({ cells: { D16: { v: '', f: '=IF(B16=0,"",C16/B16)' } } }) },
    { name: 'a word (NOT_A_NUMBER says it)', grid: raa({ cells: { D16: 'n.d.' } }) },
  ],
});
