import { defineRule } from '../rule';
import { axisRowsOf } from './support/axis-rows';
import { headerCell } from './support/rule-support';

export const axisMissing = defineRule({
  meta: {
    id: 'AXIS_MISSING',
    severity: 'error',
    weight: 90,
    docs: {
      it: 'Un asse del modello non ha una riga nella tabella.',
      en: 'An axis of the model has no row in the table.',
    },
    messages: {
      it: { missing: "Manca la riga dell'Asse {{axis}} ({{name}})." },
      en: { missing: 'The row of axis {{axis}} ({{name}}) is missing.' },
    },
  },
  check(ctx, report) {
    for (const { table, sheet, rows, header } of axisRowsOf(ctx.tables)) {
      const present = new Set(rows.map((r) => r.axisId));
      for (const axis of ctx.version.axes) {
        if (present.has(axis.id)) continue;
        report({
          sheet,
          cell: headerCell(header),
          messageId: 'missing',
          data: { axis: axis.id, name: axis.name },
          expected: axis.id,
          actual: null,
          table,
        });
      }
    }
  },
});
