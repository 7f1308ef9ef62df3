import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import { evaluateIndicator } from '../indicators';

export const indicatorTargetMismatch = defineRule({
  meta: {
    id: 'INDICATOR_TARGET_MISMATCH',
    severity: 'error',
    docs: { it: 'Il target di un indicatore nella cartella differisce dal modello.', en: 'An indicator target in the workbook differs from the model.' },
    messages: {
      it: { mismatch: '{{name}}: target {{actual}} nella cartella, {{expected}} nel modello ({{code}}).' },
      en: { mismatch: '{{name}}: target {{actual}} in the workbook, {{expected}} in the model ({{code}}).' },
    },
  },
  check(ctx, report) {
    const table = ctx.tables.indicators;
    if (!table) return;
    for (const row of table.rows) {
      const e = evaluateIndicator(row, ctx.model);
      if (!e.indicator || !e.target || !row.target) continue;
      const expected = new Decimal(e.indicator.target);
      const same = e.target.equals(expected);
      if (same) continue;
      const unit = e.percentage ? '%' : '';
      report({
        sheet: table.sheet,
        cell: row.target.address,
        messageId: 'mismatch',
        data: { name: row.name?.text || e.indicator.name, actual: `${e.target.toString()}${unit}`, expected: `${expected.toString()}${unit}`, code: e.indicator.code },
        expected: expected.toString(),
        actual: e.target.toString(),
        table: 'indicators',
      });
    }
  },
});
