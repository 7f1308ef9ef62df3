import Decimal from 'decimal.js';
import { a1 } from '../address';
import type { NumberCell } from '../cells';
import type { TableKind } from '../finding';
import { listValue, numberValue } from '../message-value';
import { defineRule } from '../rule';
import { AMOUNT_COLUMNS } from '../tables';
import { referencedCells } from './support/audit-cells';

interface TotalColumn {
  sheet: string;
  table: TableKind;
  total: NumberCell | null | undefined;
  /** The column's cells on the table's axis rows. */
  rows: (NumberCell | null | undefined)[];
  /** The 0-based rows of the table's axis rows, where the column has no cell too. */
  axisRows: number[];
  col: number | undefined;
}

export const totalRange = defineRule({
  meta: {
    id: 'TOTAL_RANGE',
    severity: 'error',
    weight: 79,
    docs: {
      it: 'La formula di un totale lascia fuori una riga della tabella, o comprende il totale stesso.',
      en: "A total's formula leaves out a row of its table, or takes in the total itself.",
    },
    messages: {
      it: {
        leavesOut:
          "Il totale {{formula}} lascia fuori {{rows}} della tabella: la somma non comprende {{count}} righe. Estendi l'intervallo a {{range}}.",
        leavesOutOne:
          "Il totale {{formula}} lascia fuori la riga {{rows}} della tabella. Estendi l'intervallo a {{range}}.",
        self: "Il totale {{formula}} comprende la propria cella: è un riferimento circolare. Limita l'intervallo a {{range}}.",
      },
      en: {
        leavesOut:
          'The total {{formula}} leaves out rows {{rows}} of the table: the sum misses {{count}} rows. Extend the range to {{range}}.',
        leavesOutOne:
          'The total {{formula}} leaves out row {{rows}} of the table. Extend the range to {{range}}.',
        self: 'The total {{formula}} takes in its own cell: a circular reference. Limit the range to {{range}}.',
      },
    },
  },
  check(ctx, report) {
    const columns: TotalColumn[] = [];
    const { plan, progress } = ctx.tables;
    if (plan?.total) {
      columns.push({
        sheet: plan.sheet,
        table: 'plan',
        total: plan.total.allocation,
        rows: plan.rows.map((r) => r.allocation),
        axisRows: plan.rows.map((r) => r.row),
        col: plan.columns.allocation,
      });
    }
    if (progress?.total) {
      for (const letter of AMOUNT_COLUMNS) {
        columns.push({
          sheet: progress.sheet,
          table: 'progress',
          total: progress.total.cells[letter],
          rows: progress.rows.map((r) => r.cells[letter]),
          axisRows: progress.rows.map((r) => r.row),
          col: progress.columns[letter],
        });
      }
    }
    for (const { sheet, table, total, axisRows, col } of columns) {
      if (!total?.formula || col === undefined || axisRows.length === 0) continue;
      const refs = referencedCells(total.formula, total.sheet).filter(
        (r) => r.sheet === sheet && r.col === col,
      );
      // A total that is a link to another sheet, or a formula over other columns, is no sum of this column.
      const inRows = new Set(refs.map((r) => r.row));
      if (!axisRows.some((row) => inRows.has(row))) continue;
      const first = Math.min(...axisRows);
      const last = Math.max(...axisRows);
      const range = `${a1(first, col)}:${a1(last, col)}`;
      if (inRows.has(total.row)) {
        report({
          sheet,
          cell: total.address,
          messageId: 'self',
          data: { formula: total.formula, range },
          expected: `=SUM(${range})`,
          actual: total.formula,
          table,
        });
        continue;
      }
      const missing = axisRows.filter((row) => !inRows.has(row));
      if (missing.length === 0) continue;
      const rows = listValue(missing.map((row) => String(row + 1)));
      report({
        sheet,
        cell: total.address,
        messageId: missing.length === 1 ? 'leavesOutOne' : 'leavesOut',
        data:
          missing.length === 1
            ? { formula: total.formula, rows, range }
            : { formula: total.formula, rows, count: numberValue(new Decimal(missing.length), 0), range },
        expected: `=SUM(${range})`,
        actual: total.formula,
        table,
      });
    }
  },
});
