import { describeRule, type Hit } from '../grid-builder';
import { raa } from '../raa-fixture';

const everyRatio: Hit[] = [16, 17, 18, 19, 20, 21].flatMap((row) =>
  ['D', 'F', 'H', 'J'].map((col): Hit => [`${col}${row}`, 'warning', 'typed']),
);

describeRule('RATIO_HARDCODED', {
  fires: [
    { name: 'every ratio typed, as in the RAA', grid: raa({ ratios: 'value' }), hits: everyRatio },
    {
      name: 'one typed value among formulas',
      grid: raa({ cells: { F17: { v: 0.9914, fmt: '0.00%' } } }),
      hits: [['F17', 'warning', 'typed']],
    },
    {
      name: 'a ratio pasted as text',
      grid: raa({ cells: { H18: '95,55%' } }),
      hits: [['H18', 'warning', 'typed']],
    },
    {
      name: 'the totals row',
      grid: raa({ cells: { D21: { v: 0.9946, fmt: '0.00%' } } }),
      hits: [['D21', 'warning', 'typed']],
    },
  ],
  doesNotFire: [
    { name: 'live formulas', grid: raa() },
    { name: 'empty ratio cells', grid: raa({ cells: { D16: null, F16: null } }) },
    { name: 'a formula that gives ""', grid: raa({ cells: { D16: { v: '', f: '=IF(B16=0,"",C16/B16)' } } }) },
    { name: 'a word (NOT_A_NUMBER says it)', grid: raa({ cells: { D16: 'n.d.' } }) },
  ],
});
