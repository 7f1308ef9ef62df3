import { describeRule } from '../grid-builder';
import { INDICATORS, raa } from '../raa-fixture';

describeRule('FORMULA_CONSTANT', {
  fires: [
    {
      name: 'the commitments total with Asse V typed into it',
      grid: raa({ cells: { E21: { v: 898677416.66, f: '=SUM(E16:E19)+31541568.45' } } }),
      hits: [
        [
          'E21',
          'warning',
          'constant',
          {
            constant: '31.541.568,45',
            message:
              'La formula =SUM(E16:E19)+31541568.45 contiene il numero 31.541.568,45 digitato: se è un importo, mettilo in una cella e fai riferimento a quella.',
          },
        ],
      ],
    },
    {
      name: 'an allocation computed from a typed share',
      grid: raa({ cells: { D4: { v: 236700000, f: '=D9*0.2439' } } }),
      hits: [['D4', 'warning', 'constant', { constant: '0,2439' }]],
    },
  ],
  doesNotFire: [
    { name: 'the tool\'s ratio formulas (=IF(B16=0,"",C16/B16))', grid: raa() },
    { name: 'SUM totals', grid: raa({ cells: { E21: { v: 898677416.66, f: '=SUM(E16:E20)' } } }) },
    {
      name: "Compila's % del target",
      grid: raa({
        indicators: [INDICATORS.CO09(52104)],
        cells: { I27: { v: 0.9198, f: '=IF(OR(G27="",H27="",H27=0),"",G27/H27)' } },
      }),
    },
    {
      name: 'a ratio holding a constant (FORMULA_INCONSISTENT tells it)',
      grid: raa({ cells: { D16: { v: 0.997, f: '=C16/B16*1' } } }),
    },
  ],
});
