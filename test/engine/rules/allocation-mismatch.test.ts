import { analyse } from '../../../src/engine/analyse';
import { renderFinding } from '../../../src/engine/render';
import { describeRule } from '../grid-builder';
import { ALLOCATIONS_2020, raa } from '../raa-fixture';

const mixed = raa({ allocations: { IV: 20000000 }, amounts: { IV: { A: 19114000 } } });

describeRule('ALLOCATION_MISMATCH', {
  fires: [
    {
      name: '2020-11 allocations of Asse IV and V when 2022-12 is chosen',
      grid: raa({ allocations: ALLOCATIONS_2020 }),
      options: { versionId: '2022-12' },
      hits: [
        [
          'D7',
          'error',
          'other',
          {
            axis: 'IV',
            actual: '20.000.000,00 €',
            expected: '19.114.000,00 €',
            version: '2022-12',
            matches: 'alla versione 2020-11',
            message:
              "Dotazione dell'Asse IV: 20.000.000,00 € nella tabella, 19.114.000,00 € nella versione 2022-12. Corrisponde alla versione 2020-11.",
          },
        ],
        [
          'D8',
          'error',
          'other',
          {
            axis: 'V',
            actual: '32.874.516,00 €',
            expected: '33.760.516,00 €',
            matches: 'alla versione 2020-11',
          },
        ],
      ],
    },
    {
      name: 'an allocation no version has',
      grid: raa({ cells: { D4: 236700001 } }),
      hits: [
        [
          'D4',
          'error',
          'none',
          {
            actual: '236.700.001,00 €',
            expected: '236.700.000,00 €',
            message:
              "Dotazione dell'Asse I: 236.700.001,00 € nella tabella, 236.700.000,00 € nella versione 2022-12; non corrisponde a nessuna versione del modello.",
          },
        ],
      ],
    },
    {
      name: 'only Asse IV from 2020-11 (the newest version is used)',
      grid: mixed,
      hits: [
        [
          'D7',
          'error',
          'other',
          { actual: '20.000.000,00 €', version: '2022-12', matches: 'alle versioni 2015-initial e 2020-11' },
        ],
      ],
    },
    {
      name: 'Tabella 2 column A when there is no Tabella 1',
      grid: raa({ plan: false, amounts: { IV: { A: 20000000 } } }),
      options: { versionId: '2022-12' },
      hits: [
        ['B19', 'error', 'other', { axis: 'IV', actual: '20.000.000,00 €', expected: '19.114.000,00 €' }],
      ],
    },
    {
      name: 'an allocation as text',
      grid: raa({ cells: { D5: '379.000.001,00 €' } }),
      hits: [
        ['D5', 'error', 'none', { axis: 'II', actual: '379.000.001,00 €', expected: '379.000.000,00 €' }],
      ],
    },
  ],
  doesNotFire: [
    { name: 'the 2022-12 allocations', grid: raa() },
    {
      name: 'the 2020-11 allocations, no version chosen (matched)',
      grid: raa({ allocations: ALLOCATIONS_2020 }),
    },
    {
      name: 'the 2020-11 allocations with 2020-11 chosen',
      grid: raa({ allocations: ALLOCATIONS_2020 }),
      options: { versionId: '2020-11' },
    },
    {
      name: 'allocations as Italian text',
      grid: raa({ cells: { D4: '236.700.000,00 €', D5: '379.000.000' } }),
    },
    {
      name: 'Tabella 2 differs but Tabella 1 is the reference (CROSS_TABLE_MISMATCH says it)',
      grid: raa({ amounts: { IV: { A: 20000000 } } }),
    },
  ],
});

describe('ALLOCATION_MISMATCH message', () => {
  it('names the version the workbook matches, not every version sharing the amount', () => {
    const finding = analyse(raa({ allocations: ALLOCATIONS_2020 }), {
      versionId: '2022-12',
      lang: 'en',
    }).findings.find((f) => f.cell === 'D7');
    expect(finding && renderFinding(finding, 'en')).toBe(
      'Allocation of axis IV: €20,000,000.00 in the table, €19,114,000.00 in version 2022-12. It matches version 2020-11.',
    );
    expect(finding).toMatchObject({
      expected: { kind: 'money', value: '19114000.00' },
      actual: { kind: 'money', value: '20000000.00' },
    });
  });

  it('names every version with that amount when the workbook matches none', () => {
    const finding = analyse(mixed, { lang: 'it' }).findings.find((f) => f.rule === 'ALLOCATION_MISMATCH');
    expect(finding && renderFinding(finding, 'it')).toBe(
      "Dotazione dell'Asse IV: 20.000.000,00 € nella tabella, 19.114.000,00 € nella versione 2022-12. Corrisponde alle versioni 2015-initial e 2020-11.",
    );
  });
});
