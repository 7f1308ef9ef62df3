import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import type { NumberCell } from '../cells';
import type { TableKind } from '../finding';
import { AMOUNT_COLUMNS } from '../tables';
import { moneyValue } from '../message-value';
import { amountDifference, isNumeric } from './support/rule-support';

/** Up to one euro off is a rounding difference (a warning); more is an error. */
const ROUNDING_TOLERANCE = new Decimal(1);

export const totalMismatch = defineRule({
  meta: {
    id: 'TOTAL_MISMATCH',
    severity: 'error',
    weight: 78,
    docs: {
      it: 'Un totale differisce dalla somma delle sue righe: fino a 1 € è un arrotondamento (avviso), oltre è un errore.',
      en: 'A total differs from the sum of its rows: up to €1 it is a rounding difference (warning), more is an error.',
    },
    messages: {
      it: {
        rounding:
          'Il totale {{actual}} differisce di {{difference}} dalla somma delle righe {{expected}} (differenza di arrotondamento).',
        mismatch: 'Il totale {{actual}} differisce di {{difference}} dalla somma delle righe {{expected}}.',
      },
      en: {
        rounding:
          'The total {{actual}} is {{difference}} off the sum of its rows {{expected}} (a rounding difference).',
        mismatch: 'The total {{actual}} is {{difference}} off the sum of its rows {{expected}}.',
      },
    },
  },
  check(ctx, report) {
    const columns: {
      total: NumberCell | null | undefined;
      rows: (NumberCell | null | undefined)[];
      sheet: string;
      table: TableKind;
    }[] = [];
    const { plan, progress } = ctx.tables;
    if (plan?.total)
      columns.push({
        total: plan.total.allocation,
        rows: plan.rows.map((r) => r.allocation),
        sheet: plan.sheet,
        table: 'plan',
      });
    if (progress?.total) {
      for (const letter of AMOUNT_COLUMNS) {
        columns.push({
          total: progress.total.cells[letter],
          rows: progress.rows.map((r) => r.cells[letter]),
          sheet: progress.sheet,
          table: 'progress',
        });
      }
    }
    for (const { total, rows, sheet, table } of columns) {
      if (!isNumeric(total)) continue;
      const numeric = rows.filter(isNumeric);
      if (numeric.length === 0) continue;
      const sum = numeric.reduce((acc, c) => acc.plus(c.value), new Decimal(0));
      const difference = amountDifference(total.value, sum);
      if (difference.isZero()) continue;
      const rounding = difference.lessThanOrEqualTo(ROUNDING_TOLERANCE);
      report({
        sheet,
        cell: total.address,
        messageId: rounding ? 'rounding' : 'mismatch',
        severity: rounding ? 'warning' : 'error',
        data: {
          actual: moneyValue(total.value),
          expected: moneyValue(sum),
          difference: moneyValue(difference),
        },
        expected: moneyValue(sum),
        actual: moneyValue(total.value),
        table,
      });
    }
  },
});
