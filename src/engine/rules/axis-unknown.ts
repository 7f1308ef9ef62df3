import { defineRule } from '../rule';
import { axisRowsOf } from './support/axis-rows';

export const axisUnknown = defineRule({
  meta: {
    id: 'AXIS_UNKNOWN',
    severity: 'error',
    weight: 88,
    docs: {
      it: 'Una riga indica un asse che il modello del programma non conosce.',
      en: 'A row names an axis the programme model does not know.',
    },
    messages: {
      it: {
        unknown: '"{{label}}" non è un asse del programma ({{axes}}).',
        empty: "Riga senza asse: manca l'etichetta dell'asse ({{axes}}).",
      },
      en: {
        unknown: '"{{label}}" is not an axis of the programme ({{axes}}).',
        empty: 'Row without an axis: the axis label is missing ({{axes}}).',
      },
    },
  },
  check(ctx, report) {
    const axes = ctx.version.axes.map((a) => a.id).join(', ');
    for (const { table, sheet, rows } of axisRowsOf(ctx.tables)) {
      for (const row of rows) {
        if (row.labelAxisId !== null || row.axisId !== null) continue;
        const label = row.label.text;
        report({
          sheet,
          cell: row.label.address,
          messageId: label ? 'unknown' : 'empty',
          data: { label, axes },
          expected: axes,
          actual: label,
          table,
        });
      }
    }
  },
});
