import { cellsIn, describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

/** Shares as percentage points (24.39) in General format, Asse I's given. */
function points(first: number) {
  return cellsIn('E4:E9', (row) => ({ v: [first, 39.05, 31.11, 1.97, 3.48, 100][row - 4], fmt: 'General' }));
}

// Asse I: 236.700.000 / 970.474.516 = 24,3901…%
describeRule('SHARE_MISMATCH', {
  fires: [
    {
      name: '24,38% printed for 24,39%',
      grid: raa({ cells: { E4: 0.2438 } }),
      hits: [
        [
          'E4',
          'error',
          'mismatch',
          {
            actual: '24,38%',
            expected: '24,39%',
            message: 'Quota stampata 24,38%, ma dotazione/totale dà 24,39%.',
          },
        ],
      ],
    },
    {
      name: '24,38% as text',
      grid: raa({ cells: { E4: '24,38%' } }),
      hits: [['E4', 'error', 'mismatch', { actual: '24,38%', expected: '24,39%' }]],
    },
    {
      name: 'a 99% total',
      grid: raa({ cells: { E9: 0.99 } }),
      hits: [['E9', 'error', 'mismatch', { actual: '99,00%', expected: '100,00%' }]],
    },
    {
      // Asse II: 379.000.000 / 970.474.516 = 39,0531…%
      name: 'Asse II at 39,50%',
      grid: raa({ cells: { E5: 0.395 } }),
      hits: [['E5', 'error', 'mismatch', { actual: '39,50%', expected: '39,05%' }]],
    },
    {
      name: 'one decimal printed, wrong at one decimal',
      grid: raa({ cells: { E4: { v: 0.243, fmt: '0.0%' } } }),
      hits: [['E4', 'error', 'mismatch', { actual: '24,3%', expected: '24,4%' }]],
    },
    {
      name: '24,38 points in a General column',
      grid: raa({ cells: points(24.38) }),
      hits: [['E4', 'error', 'mismatch', { actual: '24,38%', expected: '24,39%' }]],
    },
  ],
  doesNotFire: [
    { name: "the RAA's 4-decimal fractions at 0.00%", grid: raa() },
    // The wrong total is TOTAL_MISMATCH's finding; the shares are measured on the rows' sum.
    {
      name: 'a wrong total (the shares are right on the sum of the rows)',
      grid: raa({ cells: { D9: 1940949032 } }),
    },
    { name: '24,39% as text', grid: raa({ cells: { E4: '24,39%', E5: '39,05 %', E9: '100,00%' } }) },
    // 0.2439 - 1e-16 is 0.2438999999999999: Excel prints 24,39%, the share it should be.
    { name: 'float noise below 0.2439 that prints 24,39%', grid: raa({ cells: { E4: 0.2439 - 1e-16 } }) },
    { name: 'the exact ratio', grid: raa({ cells: { E4: 236700000 / 970474516 } }) },
    { name: 'printed at one decimal', grid: raa({ cells: { E4: { v: 0.244, fmt: '0.0%' } } }) },
    { name: 'printed without decimals', grid: raa({ cells: { E4: { v: 0.24, fmt: '0%' } } }) },
    { name: '24,39 points in a General column', grid: raa({ cells: points(24.39) }) },
    { name: 'no shares at all (COLUMN_MISSING says it)', grid: raa({ cells: cellsIn('E4:E9', null) }) },
    {
      name: 'share formulas',
      grid: raa({
        cells: cellsIn('E4:E9', (row) => ({
          v: [236700000, 379000000, 301900000, 19114000, 33760516, 970474516][row - 4] / 970474516,
          f: `=D${row}/$D$9`,
          fmt: '0.00%',
        })),
      }),
    },
  ],
});
