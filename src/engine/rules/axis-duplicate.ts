import { defineRule } from '../rule';
import { axisRowsOf } from './support/axis-rows';

export const axisDuplicate = defineRule({
  meta: {
    id: 'AXIS_DUPLICATE',
    severity: 'error',
    weight: 85,
    docs: {
      it: "La stessa etichetta di asse compare in più righe; la riga viene attribuita all'asse indicato dagli importi.",
      en: 'The same axis label appears on several rows; the row is taken to be the axis its amounts point to.',
    },
    messages: {
      it: {
        resolved:
          "L'etichetta \"{{label}}\" compare più volte: gli importi di questa riga sono quelli dell'Asse {{axis}}, quindi la riga è letta come Asse {{axis}}. Correggi l'etichetta.",
        unresolved:
          'L\'etichetta "{{label}}" compare più volte e gli importi di questa riga non indicano un altro asse.',
      },
      en: {
        resolved:
          'The label "{{label}}" appears more than once: this row holds the amounts of axis {{axis}}, so it is read as axis {{axis}}. Correct the label.',
        unresolved:
          'The label "{{label}}" appears more than once and the amounts of this row point to no other axis.',
      },
    },
  },
  check(ctx, report) {
    for (const { table, sheet, rows } of axisRowsOf(ctx.tables)) {
      const counts = new Map<string, number>();
      for (const row of rows)
        if (row.labelAxisId) counts.set(row.labelAxisId, (counts.get(row.labelAxisId) ?? 0) + 1);
      for (const row of rows) {
        if (!row.labelAxisId || (counts.get(row.labelAxisId) ?? 0) < 2 || row.axisId === row.labelAxisId)
          continue;
        const label = row.label.text;
        if (row.axisId) {
          report({
            sheet,
            cell: row.label.address,
            messageId: 'resolved',
            data: { label, axis: row.axisId },
            expected: row.axisId,
            actual: label,
            table,
          });
        } else {
          report({
            sheet,
            cell: row.label.address,
            messageId: 'unresolved',
            data: { label },
            expected: null,
            actual: label,
            table,
          });
        }
      }
    }
  },
});
