import { cellsIn, describeRule, grid, type CellSpec, type Hit } from '../grid-builder';
import { raa, raaSheet } from '../raa-fixture';

/** Tabella 2 as an Excel table (A14:J21) whose C column uses structured references. */
function listObject(cells: Record<string, CellSpec> = {}) {
  const s = raaSheet({
    cells: {
      ...cellsIn('D16:D21', () => ({
        v: 0.9,
        f: '=IF([@[Dotazione finanziaria]]=0,"",[@Programmato]/[@[Dotazione finanziaria]])',
        fmt: '0.00%',
      })),
      ...cells,
    },
  });
  s.tables = [{ name: 'Avanzamento', range: 'A14:J21' }];
  return grid(s);
}

/** Column C (sheet column D) as `=C{row}/B{row}` everywhere. */
const plainC = cellsIn('D16:D21', (row) => ({ v: 0.9, f: `=C${row}/B${row}`, fmt: '0.00%' }));

describeRule('FORMULA_INCONSISTENT', {
  fires: [
    {
      name: 'a formula pointing at the row below',
      grid: raa({ cells: { D16: { v: 0.86, f: '=C17/B17', fmt: '0.00%' } } }),
      hits: [
        [
          'D16',
          'error',
          'cells',
          {
            formula: '=C17/B17',
            used: 'C17, B17',
            numerator: 'C16',
            denominator: 'B16',
            message: 'La formula =C17/B17 di C usa C17, B17 invece di C16 e B16.',
          },
        ],
      ],
    },
    {
      name: 'numerator and denominator swapped columns',
      grid: raa({ cells: { F17: { v: 1, f: '=IF(C17=0,"",E17/B17)', fmt: '0.00%' } } }),
      hits: [
        [
          'F17',
          'error',
          'cells',
          { ratio: 'E', used: 'C17, E17, B17', numerator: 'E17', denominator: 'C17' },
        ],
      ],
    },
    {
      name: 'a divisor typed into the formula',
      grid: raa({ cells: { D16: { v: 0.997, f: '=C16/236700000', fmt: '0.00%' } } }),
      hits: [['D16', 'error', 'cells', { formula: '=C16/236700000', used: 'C16' }]],
    },
    {
      name: 'a reference to another sheet',
      grid: raa({ cells: { H18: { v: 0.95, f: '=Foglio2!G18/Foglio2!E18', fmt: '0.00%' } } }),
      hits: [
        [
          'H18',
          'error',
          'cells',
          { ratio: 'G', used: 'Foglio2!G18, Foglio2!E18', numerator: 'G18', denominator: 'E18' },
        ],
      ],
    },
    {
      name: 'a row-absolute formula copied down',
      grid: raa({ cells: cellsIn('J16:J21', () => ({ v: 0.9, f: `=I$16/G$16`, fmt: '0.00%' })) }),
      hits: [17, 18, 19, 20, 21].map((r): Hit => [
        `J${r}`,
        'error',
        'cells',
        { used: 'I16, G16', numerator: `I${r}`, denominator: `G${r}` },
      ]),
    },
    {
      name: '=B16/A16*100 style: a constant',
      grid: raa({ cells: { D16: { v: 99.7, f: '=C16/B16*100', fmt: '0.00' } } }),
      hits: [
        [
          'D16',
          'warning',
          'constant',
          { constant: '100', message: 'La formula =C16/B16*100 di C contiene la costante 100.' },
        ],
      ],
    },
    {
      name: 'a constant inside the pattern',
      grid: raa({ cells: { F19: { v: 1, f: '=IF(C19=0,"",E19/C19*1)', fmt: '0.00%' } } }),
      hits: [['F19', 'warning', 'constant', { ratio: 'E', constant: '1' }]],
    },
    {
      name: 'one =C16/B16 among =IF(B16=0,"",C16/B16)',
      grid: raa({ cells: { D17: { v: 326425240.31 / 379000000, f: '=C17/B17', fmt: '0.00%' } } }),
      hits: [
        [
          'D17',
          'warning',
          'pattern',
          {
            example: '=IF(B16=0,"",C16/B16)',
            message:
              'La formula =C17/B17 differisce dallo schema delle altre celle della colonna C (=IF(B16=0,"",C16/B16)).',
          },
        ],
      ],
    },
    {
      name: 'one IF among plain divisions',
      grid: raa({ cells: { ...plainC, D18: { v: 0.99, f: '=IF(B18=0,"",C18/B18)', fmt: '0.00%' } } }),
      hits: [['D18', 'warning', 'pattern', { formula: '=IF(B18=0,"",C18/B18)', example: '=C16/B16' }]],
    },
    {
      name: 'a constant when column B is missing',
      grid: raa({
        cells: {
          C14: 'Note',
          C15: null,
          ...cellsIn('C16:C21', null),
          D16: { v: 0.99, f: '=IF(B16=0,"",C16/B16*100)', fmt: '0.00%' },
        },
      }),
      hits: [['D16', 'warning', 'constant', { constant: '100' }]],
    },
    {
      name: 'a structured reference to the wrong column of an Excel table',
      grid: listObject({
        D18: {
          v: 0.9,
          f: '=IF([@[Dotazione finanziaria]]=0,"",[@Impegni]/[@[Dotazione finanziaria]])',
          fmt: '0.00%',
        },
      }),
      hits: [['D18', 'error', 'cells', { used: 'B18, E18', numerator: 'C18', denominator: 'B18' }]],
    },
    {
      name: 'a plain division among structured references',
      grid: listObject({ D18: { v: 0.9, f: '=C18/B18', fmt: '0.00%' } }),
      hits: [
        [
          'D18',
          'warning',
          'pattern',
          {
            formula: '=C18/B18',
            example: '=IF([@[Dotazione finanziaria]]=0,"",[@Programmato]/[@[Dotazione finanziaria]])',
          },
        ],
      ],
    },
  ],
  doesNotFire: [
    {
      name: 'structured references in an Excel table ([@Programmato]/[@[Dotazione finanziaria]])',
      grid: listObject(),
    },
    {
      name: "Excel's stored form Tab[[#This Row],[Col]]",
      grid: listObject(
        cellsIn('F16:F21', () => ({
          v: 0.9,
          f: '=Avanzamento[[#This Row],[Impegni]]/Avanzamento[[#This Row],[Programmato]]',
          fmt: '0.00%',
        })),
      ),
    },
    { name: 'the fill pattern =IF(B16=0,"",C16/B16)', grid: raa() },
    { name: 'plain divisions everywhere', grid: raa({ cells: plainC }) },
    {
      name: 'absolute references',
      grid: raa({
        cells: cellsIn('D16:D21', (row) => ({ v: 0.9, f: `=$C$${row}/$B$${row}`, fmt: '0.00%' })),
      }),
    },
    {
      name: 'IFERROR everywhere',
      grid: raa({
        cells: cellsIn('F16:F21', (row) => ({ v: 0.9, f: `=IFERROR(E${row}/C${row},"")`, fmt: '0.00%' })),
      }),
    },
    {
      name: 'the own sheet named in the reference',
      grid: raa({
        cells: cellsIn('H16:H21', (row) => ({
          v: 0.9,
          f: `='RAA 2022'!G${row}/'RAA 2022'!E${row}`,
          fmt: '0.00%',
        })),
      }),
    },
    {
      name: 'lower-case references',
      grid: raa({
        cells: cellsIn('J16:J21', (row) => ({
          v: 0.9,
          f: `=if(g${row}=0,"",i${row}/g${row})`,
          fmt: '0.00%',
        })),
      }),
    },
    { name: 'typed values (RATIO_HARDCODED says it)', grid: raa({ ratios: 'value' }) },
    {
      name: 'a pattern split evenly between two forms',
      grid: raa({ cells: cellsIn('D16:D18', (row) => ({ v: 0.9, f: `=C${row}/B${row}`, fmt: '0.00%' })) }),
    },
  ],
});
