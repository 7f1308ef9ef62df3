import { describeRule } from '../grid-builder';
import { ALLOCATIONS_2020, raa } from '../raa-fixture';

describeRule('VERSION_MATCHES_OTHER', {
  fires: [
    {
      name: '2022-12 chosen, 2020-11 allocations',
      grid: raa({ allocations: ALLOCATIONS_2020 }),
      options: { versionId: '2022-12' },
      hits: [
        [
          'A3',
          'info',
          'other',
          {
            chosen: '2022-12',
            matching: 'alla versione 2020-11',
            message:
              'È stata scelta la versione 2022-12, ma le dotazioni della Tabella 1 corrispondono alla versione 2020-11.',
          },
        ],
      ],
    },
    {
      name: '2020-11 chosen, 2022-12 allocations',
      grid: raa(),
      options: { versionId: '2020-11' },
      hits: [['A3', 'info', 'other', { chosen: '2020-11', matching: 'alla versione 2022-12' }]],
    },
    {
      name: 'no Tabella 1: Tabella 2 column A decides',
      grid: raa({ plan: false }),
      options: { versionId: '2020-11' },
      hits: [
        [
          'A14',
          'info',
          'otherProgress',
          {
            message:
              'È stata scelta la versione 2020-11, ma le dotazioni della Tabella 2 (colonna A) corrispondono alla versione 2022-12.',
          },
        ],
      ],
    },
  ],
  doesNotFire: [
    { name: 'the chosen version matches', grid: raa(), options: { versionId: '2022-12' } },
    { name: 'no version chosen', grid: raa({ allocations: ALLOCATIONS_2020 }) },
    {
      name: 'the allocations match no version',
      grid: raa({ allocations: { IV: 20000000 } }),
      options: { versionId: '2022-12' },
    },
    { name: 'no tables', grid: raa({ plan: false, progress: false }), options: { versionId: '2020-11' } },
  ],
});
