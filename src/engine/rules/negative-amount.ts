import { defineRule } from '../rule';
import Decimal from 'decimal.js';
import { roundExcel } from '../excel-round';
import { moneyValue } from '../message-value';
import { atLeast } from './support/bounds';
import { numberCellsOf } from './support/rule-support';

export const negativeAmount = defineRule({
  meta: {
    id: 'NEGATIVE_AMOUNT',
    severity: 'error',
    weight: 46,
    group: {
      it: '{{count}} importi negativi: verifica il segno',
      en: '{{count}} negative amounts: check the sign',
    },
    docs: { it: 'Un importo negativo.', en: 'A negative amount.' },
    messages: {
      it: { negative: 'Importo negativo: {{amount}}.' },
      en: { negative: 'Negative amount: {{amount}}.' },
    },
  },
  check(ctx, report) {
    for (const { cell, table, amount } of numberCellsOf(ctx.tables)) {
      // At the cent, as printed: -0,000001 of floating-point noise is no negative amount.
      if (
        !amount ||
        !cell.value ||
        !roundExcel(cell.value, 2).isNegative() ||
        roundExcel(cell.value, 2).isZero()
      )
        continue;
      report({
        sheet: cell.sheet,
        cell: cell.address,
        messageId: 'negative',
        data: { amount: moneyValue(cell.value) },
        expected: atLeast(new Decimal(0)),
        actual: moneyValue(cell.value),
        table,
      });
    }
  },
});
