import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

/** Commitments whose floating-point sum is not the exact sum of their cents. */
const noisy = {
  I: { D: 2327292.53 },
  II: { D: 37868820.18 },
  III: { D: 95266241.9 },
  IV: { D: 69847799.92 },
  V: { D: 61122284.71 },
};

// Commitments (column D, sheet column E) of the fixture sum to 898.677.416,66.
describeRule('TOTAL_MISMATCH', {
  fires: [
    {
      name: 'the RAA 2022 commitments: 1 cent above the rows',
      grid: raa({ cells: { E21: 898677416.67 } }),
      hits: [
        [
          'E21',
          'warning',
          'rounding',
          {
            actual: '898.677.416,67 €',
            expected: '898.677.416,66 €',
            difference: '0,01 €',
            message:
              'Il totale 898.677.416,67 € differisce di 0,01 € dalla somma delle righe 898.677.416,66 € (differenza di arrotondamento).',
          },
        ],
      ],
    },
    {
      name: 'exactly 1 € off',
      grid: raa({ cells: { E21: 898677417.66 } }),
      hits: [['E21', 'warning', 'rounding', { actual: '898.677.417,66 €', difference: '1,00 €' }]],
    },
    {
      name: '2 € off',
      grid: raa({ cells: { E21: 898677418.66 } }),
      hits: [
        [
          'E21',
          'error',
          'mismatch',
          {
            difference: '2,00 €',
            message:
              'Il totale 898.677.418,66 € differisce di 2,00 € dalla somma delle righe 898.677.416,66 €.',
          },
        ],
      ],
    },
    {
      name: 'below the rows',
      grid: raa({ cells: { C21: 915176965.33 } }),
      hits: [
        [
          'C21',
          'error',
          'mismatch',
          { actual: '915.176.965,33 €', expected: '916.176.965,33 €', difference: '1.000.000,00 €' },
        ],
      ],
    },
    {
      name: 'the Tabella 1 total',
      grid: raa({ cells: { D9: 970474000 } }),
      hits: [
        [
          'D9',
          'error',
          'mismatch',
          { actual: '970.474.000,00 €', expected: '970.474.516,00 €', difference: '516,00 €' },
        ],
      ],
    },
    {
      name: 'a total as text',
      grid: raa({ cells: { I21: '691.444.232,25' } }),
      hits: [
        [
          'I21',
          'warning',
          'rounding',
          { actual: '691.444.232,25 €', expected: '691.444.232,24 €', difference: '0,01 €' },
        ],
      ],
    },
  ],
  doesNotFire: [
    { name: 'exact totals', grid: raa() },
    { name: 'totals as SUM formulas', grid: raa({ cells: { B21: { v: 970474516, f: '=SUM(B16:B20)' } } }) },
    {
      name: "a total summed in floating point (Excel's cached SUM: 266432439.24000004)",
      grid: raa({
        amounts: noisy,
        cells: {
          E21: { v: Object.values(noisy).reduce((a, b) => a + (b.D as number), 0), f: '=SUM(E16:E20)' },
        },
      }),
    },
    {
      name: 'no total row',
      grid: raa({
        cells: {
          A21: null,
          B21: null,
          C21: null,
          D21: null,
          E21: null,
          F21: null,
          G21: null,
          H21: null,
          I21: null,
          J21: null,
          A9: null,
          B9: null,
          C9: null,
          D9: null,
          E9: null,
        },
      }),
    },
    { name: 'an empty total cell', grid: raa({ cells: { E21: null } }) },
  ],
});
