import { cellsIn, describeRule } from '../grid-builder';
import { AMOUNTS, AXES, raa, type RaaOptions } from '../raa-fixture';

/** Asse I programmed at 24,3901% of its allocation: B/A = 57.731.366,70 / 236.700.000 = 0.243901. */
function asseI(options: RaaOptions = {}) {
  return raa({
    ...options,
    amounts: { I: { B: 57731366.7, D: 50000000, F: 40000000, H: 30000000 }, ...options.amounts },
  });
}

/** Column C (sheet column D) as percentage points in General format, Asse I's given. */
function pointsC(first: number) {
  const programmed = 57731366.7 + AXES.slice(1).reduce((acc, axis) => acc + AMOUNTS[axis].B, 0);
  const total = Math.round((programmed / 970474516) * 10000) / 100;
  return asseI({
    cells: cellsIn('D16:D21', (row) => ({
      v: [first, 86.13, 99.68, 99.76, 100, total][row - 16],
      fmt: 'General',
    })),
  });
}

describeRule('RATIO_MISMATCH', {
  fires: [
    {
      name: '24,38% printed for 0.243901',
      grid: asseI({ cells: { D16: { v: 0.2438, fmt: '0.00%' } } }),
      hits: [
        [
          'D16',
          'error',
          'mismatch',
          {
            ratio: 'C=B/A',
            actual: '24,38%',
            expected: '24,39%',
            message: 'C=B/A vale 24,38%, ma C16/B16 dà 24,39%.',
          },
        ],
      ],
    },
    {
      name: '24,38% as text',
      grid: asseI({ cells: { D16: '24,38%' } }),
      hits: [['D16', 'error', 'mismatch', { actual: '24,38%', expected: '24,39%' }]],
    },
    {
      name: '24,38 points in a General column',
      grid: pointsC(24.38),
      hits: [['D16', 'error', 'mismatch', { actual: '24,38%', expected: '24,39%' }]],
    },
    {
      name: 'a stale cached value of a formula',
      // Asse II D/B = 323.626.680,83 / 326.425.240,31 = 99,1427…%
      grid: asseI({ cells: { F17: { v: 0.5, f: '=IF(C17=0,"",E17/C17)', fmt: '0.00%' } } }),
      hits: [
        [
          'F17',
          'error',
          'mismatch',
          { ratio: 'E=D/B', actual: '50,00%', expected: '99,14%', numerator: 'E17', denominator: 'C17' },
        ],
      ],
    },
    {
      name: 'the totals row',
      // Totale H/F = 537.000.052,05 / 657.868.488,26 = 81,6273…%
      grid: asseI({ cells: { J21: { v: 0.7, fmt: '0.00%' } } }),
      hits: [['J21', 'error', 'mismatch', { ratio: 'I=H/F', actual: '70,00%', expected: '81,63%' }]],
    },
    {
      name: 'one decimal printed, wrong at one decimal',
      grid: asseI({ cells: { D16: { v: 0.243, fmt: '0.0%' } } }),
      hits: [['D16', 'error', 'mismatch', { actual: '24,3%', expected: '24,4%' }]],
    },
    {
      name: 'a percentage typed as points in a % cell (2439%)',
      grid: asseI({ cells: { D16: { v: 24.39, fmt: '0.00%' } } }),
      hits: [['D16', 'error', 'mismatch', { actual: '2.439,00%', expected: '24,39%' }]],
    },
  ],
  doesNotFire: [
    { name: 'live formulas', grid: asseI() },
    { name: '24,39% printed for 0.243901', grid: asseI({ cells: { D16: { v: 0.2439, fmt: '0.00%' } } }) },
    // 0.2439 - 1e-16 is 0.2438999999999999: Excel prints 24,39%, what C16/B16 gives.
    {
      name: 'float noise below 0.2439 that prints 24,39%',
      grid: asseI({ cells: { D16: { v: 0.2439 - 1e-16, fmt: '0.00%' } } }),
    },
    { name: '24,39% as text', grid: asseI({ cells: { D16: '24,39%' } }) },
    { name: '24,39 % as text with a non-breaking space', grid: asseI({ cells: { D16: '24,39\u00a0%' } }) },
    { name: '24,39 points in a General column', grid: pointsC(24.39) },
    { name: 'printed at one decimal', grid: asseI({ cells: { D16: { v: 0.244, fmt: '0.0%' } } }) },
    { name: 'typed values rounded to 4 decimals, as the RAA prints them', grid: raa({ ratios: 'value' }) },
    { name: 'formulas in General format (full precision)', grid: raa({ ratioFormat: 'General' }) },
    { name: 'a zero denominator', grid: raa({ amounts: { V: { D: 0, F: 0, H: 0 } } }) },
    { name: 'an empty ratio', grid: asseI({ cells: { D16: null } }) },
    {
      name: 'over-programming above 150% in a General column of fractions',
      grid: raa({
        ratioFormat: 'General',
        amounts: { I: { B: 378720000, D: 300000000, F: 200000000, H: 100000000 } },
      }),
    },
    {
      name: 'small rates as points in a General column',
      grid: raa({
        ratios: 'value',
        cells: cellsIn('J16:J21', (row) => ({ v: [0.9, 1.2, 0.5, 1.1, 0.3, 0.9][row - 16], fmt: 'General' })),
        amounts: smallCertified(),
      }),
    },
  ],
});

/** Certified expenditure at 0,9%, 1,2%, 0,5%, 1,1% and 0,3% of payments. */
function smallCertified(): RaaOptions['amounts'] {
  return {
    I: { F: 200000000, H: 1800000 },
    II: { F: 200000000, H: 2400000 },
    III: { F: 200000000, H: 1000000 },
    IV: { F: 10000000, H: 110000 },
    V: { F: 20000000, H: 60000 },
  };
}
