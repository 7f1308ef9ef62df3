import Decimal from 'decimal.js';
import { constantsOf } from '../formula-refs';
import { numberValue } from '../message-value';
import { defineRule } from '../rule';
import { auditCellsOf } from './support/audit-cells';

export const formulaConstant = defineRule({
  meta: {
    id: 'FORMULA_CONSTANT',
    severity: 'warning',
    weight: 62,
    docs: {
      it: 'Una formula di una tabella contiene un numero digitato (=SOMMA(E14:E17)+31541568,45): il risultato non segue più i dati.',
      en: 'A formula in a table holds a typed number (=SUM(E14:E17)+31541568.45): its result no longer follows the data.',
    },
    messages: {
      it: {
        constant:
          'La formula {{formula}} contiene il numero {{constant}} digitato: se è un importo, mettilo in una cella e fai riferimento a quella.',
      },
      en: {
        constant:
          'The formula {{formula}} holds the typed number {{constant}}: if it is an amount, put it in a cell and refer to that.',
      },
    },
    group: {
      it: '{{count}} formule con numeri digitati dentro: metti gli importi nelle celle',
      en: '{{count}} formulas with typed numbers inside: put the amounts in cells',
    },
  },
  check(ctx, report) {
    for (const c of auditCellsOf(ctx.tables)) {
      // C, E, G, I are FORMULA_INCONSISTENT's; the status column holds the model's thresholds by design.
      if (!c.cell.formula || c.role === 'ratio') continue;
      const constants = constantsOf(c.cell.formula);
      if (constants.length === 0) continue;
      report({
        sheet: c.cell.sheet,
        cell: c.cell.address,
        messageId: 'constant',
        data: { formula: c.cell.formula, constant: numberValue(new Decimal(constants[0])) },
        expected: null,
        actual: c.cell.formula,
        table: c.table,
      });
    }
  },
});
