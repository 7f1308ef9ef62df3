import { cellsIn, describeRule, type Hit } from '../grid-builder';
import { raa } from '../raa-fixture';

const REF = { error: '#REF!' };

describeRule('FORMULA_ERROR', {
  fires: [
    {
      name: 'a #REF! in Programmato reaches the two ratios that read it',
      grid: raa({
        cells: {
          C17: { v: REF, f: '=Dati!C5' },
          D17: { v: REF, f: '=IF(B17=0,"",C17/B17)' },
          F17: { v: REF, f: '=IF(C17=0,"",E17/C17)' },
        },
      }),
      hits: [
        [
          'C17',
          'error',
          'feeds',
          {
            count: '2',
            cells: 'D17, F17',
            message:
              "La cella contiene l'errore #REF!, che passa a 2 celle delle tabelle: D17, F17. Correggi la formula o i dati da cui dipende.",
          },
        ],
      ],
    },
    {
      name: 'the error travels on to a SUM total',
      grid: raa({
        cells: {
          E18: { v: { error: '#N/A' }, f: '=CERCA.VERT(1,X,2)' },
          F18: { v: { error: '#N/A' }, f: '=IF(C18=0,"",E18/C18)' },
          H18: { v: { error: '#N/A' }, f: '=IF(E18=0,"",G18/E18)' },
          E21: { v: { error: '#N/A' }, f: '=SUM(E16:E20)' },
          F21: { v: { error: '#N/A' }, f: '=IF(C21=0,"",E21/C21)' },
          H21: { v: { error: '#N/A' }, f: '=IF(E21=0,"",G21/E21)' },
        },
      }),
      hits: [['E18', 'error', 'feeds', { error: '#N/A', count: '5', cells: 'F18, H18, E21, F21, H21' }]],
    },
    {
      name: 'a typed #DIV/0! that nothing reads',
      grid: raa({ cells: { J19: { error: '#DIV/0!' } } }),
      hits: [
        [
          'J19',
          'error',
          'alone',
          { message: "La cella contiene l'errore #DIV/0!. Correggi la formula o i dati da cui dipende." },
        ],
      ],
    },
    {
      name: 'a row of typed #REF! values: each one alone',
      grid: raa({ cells: cellsIn('B20:J20', REF) }),
      hits: ['B20', 'C20', 'D20', 'E20', 'F20', 'G20', 'H20', 'I20', 'J20'].map((c): Hit => [
        c,
        'error',
        'alone',
        { error: '#REF!' },
      ]),
    },
    {
      name: 'a division by zero in a ratio written without the guard',
      grid: raa({ cells: { D17: { v: { error: '#DIV/0!' }, f: '=C17/B17' } } }),
      hits: [['D17', 'error', 'alone', { error: '#DIV/0!' }]],
    },
  ],
  doesNotFire: [
    { name: 'the clean RAA tables, with the live ratios Compila writes', grid: raa() },
    {
      name: 'a ratio that gives "" on a zero allocation',
      grid: raa({ cells: { D16: { v: '', f: '=IF(B16=0,"",C16/B16)' } } }),
    },
    { name: 'an error outside the tables', grid: raa({ cells: { L30: { error: '#REF!' } } }) },
  ],
});
