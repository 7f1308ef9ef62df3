import { defineRule } from '../rule';
import { moneyValue } from '../message-value';
import { amountDifference, isNumeric } from './support/rule-support';

export const crossTableMismatch = defineRule({
  meta: {
    id: 'CROSS_TABLE_MISMATCH',
    severity: 'error',
    weight: 76,
    docs: {
      it: 'La dotazione (colonna A) della Tabella 2 differisce dalla dotazione dello stesso asse in Tabella 1.',
      en: 'The allocation (column A) of Table 2 differs from the Table 1 allocation of the same axis.',
    },
    messages: {
      it: {
        axis: "Dotazione dell'Asse {{axis}}: {{actual}} in Tabella 2, {{expected}} in Tabella 1 ({{source}}).",
        total: 'Dotazione totale: {{actual}} in Tabella 2, {{expected}} in Tabella 1 ({{source}}).',
      },
      en: {
        axis: 'Allocation of axis {{axis}}: {{actual}} in Table 2, {{expected}} in Table 1 ({{source}}).',
        total: 'Total allocation: {{actual}} in Table 2, {{expected}} in Table 1 ({{source}}).',
      },
    },
  },
  check(ctx, report) {
    const { plan, progress } = ctx.tables;
    if (!plan || !progress) return;
    const pairs = progress.rows.map((row) => ({
      axis: row.axisId,
      a: row.cells.A,
      t1: plan.rows.find((p) => p.axisId !== null && p.axisId === row.axisId)?.allocation,
    }));
    if (progress.total && plan.total)
      pairs.push({ axis: null, a: progress.total.cells.A, t1: plan.total.allocation });
    for (const { axis, a, t1 } of pairs) {
      if (!isNumeric(a) || !isNumeric(t1) || amountDifference(a.value, t1.value).isZero()) continue;
      report({
        sheet: progress.sheet,
        cell: a.address,
        messageId: axis ? 'axis' : 'total',
        data: {
          axis: axis ?? '',
          actual: moneyValue(a.value),
          expected: moneyValue(t1.value),
          source: `${t1.sheet}!${t1.address}`,
        },
        expected: moneyValue(t1.value),
        actual: moneyValue(a.value),
        table: 'progress',
      });
    }
  },
});
