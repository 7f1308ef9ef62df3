import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import type { NumberCell } from '../cells';
import type { TableKind } from '../finding';
import { roundExcel } from '../excel-round';
import { moneyValue } from '../message-value';
import { versionsValue } from './support/versions';
import { isNumeric } from './support/rule-support';

export const allocationMismatch = defineRule({
  meta: {
    id: 'ALLOCATION_MISMATCH',
    severity: 'error',
    weight: 80,
    docs: {
      it: 'La dotazione di un asse differisce dalla versione del modello usata (Tabella 1; Tabella 2 colonna A se la Tabella 1 manca).',
      en: 'An axis allocation differs from the model version in use (Table 1; Table 2 column A when Table 1 is missing).',
    },
    messages: {
      it: {
        other:
          "Dotazione dell'Asse {{axis}}: {{actual}} nella tabella, {{expected}} nella versione {{version}}. Corrisponde {{matches}}.",
        none: "Dotazione dell'Asse {{axis}}: {{actual}} nella tabella, {{expected}} nella versione {{version}}; non corrisponde a nessuna versione del modello.",
      },
      en: {
        other:
          'Allocation of axis {{axis}}: {{actual}} in the table, {{expected}} in version {{version}}. It matches {{matches}}.',
        none: 'Allocation of axis {{axis}}: {{actual}} in the table, {{expected}} in version {{version}}; it matches no version of the model.',
      },
    },
  },
  check(ctx, report) {
    const rows: { axisId: string | null; cell: NumberCell | null; table: TableKind; sheet: string }[] = [];
    if (ctx.tables.plan) {
      for (const r of ctx.tables.plan.rows)
        rows.push({ axisId: r.axisId, cell: r.allocation, table: 'plan', sheet: ctx.tables.plan.sheet });
    } else if (ctx.tables.progress) {
      for (const r of ctx.tables.progress.rows)
        rows.push({
          axisId: r.axisId,
          cell: r.cells.A ?? null,
          table: 'progress',
          sheet: ctx.tables.progress.sheet,
        });
    }
    for (const { axisId, cell, table, sheet } of rows) {
      const axis = ctx.version.axes.find((a) => a.id === axisId);
      if (!axis || !isNumeric(cell)) continue;
      const expected = new Decimal(axis.allocation);
      if (roundExcel(cell.value, 2).equals(expected)) continue;
      const withAmount = ctx.model.versions
        .filter((v) => v.axes.some((a) => a.id === axis.id && roundExcel(cell.value, 2).equals(a.allocation)))
        .map((v) => v.id);
      // Name the versions the whole table matches, when this amount is theirs; else every version with it.
      const whole = withAmount.filter((id) => ctx.versionChoice.matching.includes(id));
      const matches = whole.length > 0 ? whole : withAmount;
      report({
        sheet,
        cell: cell.address,
        messageId: matches.length ? 'other' : 'none',
        data: {
          axis: axis.id,
          actual: moneyValue(cell.value),
          expected: moneyValue(expected),
          version: ctx.version.id,
          matches: versionsValue(matches),
        },
        expected: moneyValue(expected),
        actual: moneyValue(cell.value),
        table,
      });
    }
  },
});
