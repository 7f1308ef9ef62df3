import { defineRule } from '../rule';
import { money, numberCellsOf, plainAmount } from './rule-support';

export const negativeAmount = defineRule({
  meta: {
    id: 'NEGATIVE_AMOUNT',
    severity: 'error',
    docs: { it: 'Un importo negativo.', en: 'A negative amount.' },
    messages: {
      it: { negative: 'Importo negativo: {{amount}}.' },
      en: { negative: 'Negative amount: {{amount}}.' },
    },
  },
  check(ctx, report) {
    for (const { cell, table, amount } of numberCellsOf(ctx.tables)) {
      if (!amount || !cell.value || !cell.value.isNegative() || cell.value.isZero()) continue;
      report({ sheet: cell.sheet, cell: cell.address, messageId: 'negative', data: { amount: money(cell.value, ctx.lang) }, expected: '>= 0', actual: plainAmount(cell.value), table });
    }
  },
});
