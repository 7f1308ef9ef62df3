import { defineRule } from '../rule';
import { textValue } from '../message-value';
import { numberCellsOf } from './support/rule-support';

export const notANumber = defineRule({
  meta: {
    id: 'NOT_A_NUMBER',
    severity: 'error',
    weight: 48,
    group: {
      it: '{{count}} celle che devono contenere un numero non ne contengono: correggile a mano',
      en: '{{count}} cells that must hold a number do not: correct them by hand',
    },
    docs: {
      it: 'Una cella che deve contenere un numero contiene altro.',
      en: 'A cell that must be numeric holds something that is not a number.',
    },
    messages: {
      it: {
        text: 'La cella deve contenere un numero, ma contiene "{{text}}".',
      },
      en: {
        text: 'The cell must hold a number, but it holds "{{text}}".',
      },
    },
  },
  check(ctx, report) {
    for (const { cell, table } of numberCellsOf(ctx.tables)) {
      // An error value is FORMULA_ERROR's finding, with the cells it reaches.
      if (cell.kind !== 'not-a-number') continue;
      const text =
        typeof cell.raw === 'boolean'
          ? textValue(String(cell.raw).toUpperCase(), {
              it: cell.raw ? 'VERO' : 'FALSO',
              en: cell.raw ? 'TRUE' : 'FALSE',
            })
          : String(cell.raw);
      report({
        sheet: cell.sheet,
        cell: cell.address,
        messageId: 'text',
        data: { text },
        expected: textValue('number', { it: 'un numero', en: 'a number' }),
        actual: text,
        table,
      });
    }
  },
});
