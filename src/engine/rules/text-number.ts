import { defineRule } from '../rule';
import { moneyValue, numberValue, percentValue } from '../message-value';
import { numberCellsOf } from './support/rule-support';

export const textNumber = defineRule({
  meta: {
    id: 'TEXT_NUMBER',
    severity: 'warning',
    weight: 20,
    group: {
      it: '{{count}} numeri memorizzati come testo: vengono letti, e Compila li converte in numeri',
      en: '{{count}} numbers stored as text: they are read, and Fill converts them to numbers',
    },
    docs: {
      it: 'Un numero memorizzato come testo (ad esempio incollato da un PDF): viene letto, e Compila lo converte in numero.',
      en: 'A number stored as text (pasted from a PDF, say): it is read, and Fill converts it to a number.',
    },
    messages: {
      it: {
        text: 'Numero memorizzato come testo: "{{text}}". Viene letto come {{value}}; Compila lo converte in numero.',
      },
      en: {
        text: 'Number stored as text: "{{text}}". It is read as {{value}}; Fill converts it to a number.',
      },
    },
  },
  check(ctx, report) {
    for (const { cell, table, amount } of numberCellsOf(ctx.tables)) {
      if (cell.kind !== 'text-number' || !cell.value) continue;
      // Shown as the user writes it: `236.700.000,00 €`, `24,39%` (not 236700000, 0.2439).
      const isPercent =
        (typeof cell.raw === 'string' && cell.raw.includes('%')) || (!amount && table !== 'indicators');
      const decimals = cell.decimals ?? 0;
      const value = amount
        ? moneyValue(cell.value)
        : isPercent
          ? percentValue(cell.value, decimals)
          : numberValue(cell.value, decimals);
      report({
        sheet: cell.sheet,
        cell: cell.address,
        messageId: 'text',
        data: { text: String(cell.raw), value },
        expected: value,
        actual: String(cell.raw),
        table,
      });
    }
  },
});
