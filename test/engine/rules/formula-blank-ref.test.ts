import { grid, sheet } from '../grid-builder';
import { describeRule } from '../grid-builder';
import { INDICATORS, raa, raaSheet } from '../raa-fixture';

describeRule('FORMULA_BLANK_REF', {
  fires: [
    {
      name: 'a ratio and a total naming a blank Programmato',
      grid: raa({ cells: { C18: null, C21: { v: 562493536.62, f: '=C16+C17+C18+C19+C20' } } }),
      hits: [
        [
          'D18',
          'warning',
          'blank',
          {
            ref: 'C18',
            message:
              'La formula =IF(B18=0,"",C18/B18) usa C18, che è vuota: il calcolo la conta come 0. Compila la cella o correggi la formula.',
          },
        ],
        ['C21', 'warning', 'blank', { ref: 'C18' }],
      ],
    },
    {
      name: 'a link to a note on another sheet, and the ratio that divides it',
      grid: grid(
        raaSheet({ cells: { E17: { v: 'da verificare', f: '=Dati!B2' } } }),
        sheet('Dati', [
          [null, null],
          [null, 'da verificare'],
        ]),
      ),
      hits: [
        ['E17', 'warning', 'text', { ref: 'Dati!B2', text: 'da verificare' }],
        ['F17', 'warning', 'text', { ref: 'E17', text: 'da verificare' }],
      ],
    },
  ],
  doesNotFire: [
    { name: 'the clean RAA tables', grid: raa() },
    { name: 'a blank denominator the formula guards (=IF(B16=0,…))', grid: raa({ cells: { B16: null } }) },
    {
      name: "Compila's % del target on an indicator not reported yet",
      grid: raa({
        indicators: [INDICATORS.CO09(null)],
        cells: { I27: { v: '', f: '=IF(OR(G27="",H27="",H27=0),"",G27/H27)' } },
      }),
    },
    {
      name: 'blank cells inside a SUM range',
      grid: raa({ cells: { D6: null, D9: { v: 668574516, f: '=SUM(D4:D8)' } } }),
    },
    {
      name: 'a number typed as text (TEXT_NUMBER tells it)',
      grid: raa({ cells: { C17: '326.425.240,31' } }),
    },
  ],
});
