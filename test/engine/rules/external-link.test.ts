import type { Grid } from '../../../src/engine/grid';
import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

function withBooks(g: Grid, books: string[]): Grid {
  return { ...g, externalWorkbooks: books };
}

describeRule('EXTERNAL_LINK', {
  fires: [
    {
      name: 'an allocation taken from another workbook, named by the package',
      grid: withBooks(raa({ cells: { B16: { v: 236700000, f: '=[1]Foglio1!D4' } } }), [
        'Piano finanziario 2022.xlsx',
      ]),
      hits: [
        [
          'B16',
          'warning',
          'link',
          {
            books: 'Piano finanziario 2022.xlsx',
            message:
              "La formula =[1]Foglio1!D4 prende i dati da un'altra cartella (Piano finanziario 2022.xlsx): chi riceve solo questo file non può verificarli. Copia i valori nella cartella o indica la fonte.",
          },
        ],
      ],
    },
    {
      name: 'a path as Excel shows it',
      grid: raa({ cells: { C17: { v: 326425240.31, f: "='C:\\dati\\[Budget.xlsx]Foglio 1'!C17" } } }),
      hits: [['C17', 'warning', 'link', { books: 'Budget.xlsx' }]],
    },
  ],
  doesNotFire: [
    { name: 'no formulas but the ratios', grid: raa() },
    {
      name: 'a link to another sheet of the workbook',
      grid: raa({ cells: { B16: { v: 236700000, f: "='Tabella 1'!D4" } } }),
    },
    {
      name: 'a text that looks like a link',
      grid: raa({ cells: { B16: { v: 236700000, f: '=IF(A1="[1]x!",0,236700000)' } } }),
    },
  ],
});
