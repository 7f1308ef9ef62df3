import { defineRule } from '../rule';
import { numberCellsOf } from './rule-support';

export const textNumber = defineRule({
  meta: {
    id: 'TEXT_NUMBER',
    severity: 'warning',
    docs: {
      it: 'Un numero memorizzato come testo (ad esempio incollato da un PDF): viene letto, e Compila lo converte in numero.',
      en: 'A number stored as text (pasted from a PDF, say): it is read, and Fill converts it to a number.',
    },
    messages: {
      it: { text: 'Numero memorizzato come testo: "{{text}}". Viene letto come {{value}}; Compila lo converte in numero.' },
      en: { text: 'Number stored as text: "{{text}}". It is read as {{value}}; Fill converts it to a number.' },
    },
  },
  check(ctx, report) {
    for (const { cell, table } of numberCellsOf(ctx.tables)) {
      if (cell.kind !== 'text-number' || !cell.value) continue;
      report({
        sheet: cell.sheet,
        cell: cell.address,
        messageId: 'text',
        data: { text: String(cell.raw), value: cell.value.toString() },
        expected: cell.value.toString(),
        actual: String(cell.raw),
        table,
      });
    }
  },
});
