import { a1, columnLetter } from '../address';
import type { TableKind } from '../finding';
import { listValue } from '../message-value';
import { defineRule } from '../rule';
import type { TablePlacement } from '../tables';

/** The last row of a located table: its last data row, or the header when it has none. */
function bottomOf(
  table: TablePlacement & { rows: { row: number }[]; total?: { row: number } | null },
): number {
  return Math.max(table.headerBottom, ...table.rows.map((r) => r.row), table.total?.row ?? -1);
}

export const hiddenCells = defineRule({
  meta: {
    id: 'HIDDEN_CELLS',
    severity: 'warning',
    weight: 70,
    docs: {
      it: 'Una riga o una colonna nascosta dentro una tabella: i totali e i rapporti possono contare valori che non si vedono.',
      en: 'A hidden row or column inside a table: totals and ratios may count values nobody sees.',
    },
    messages: {
      it: {
        rows: 'Nella tabella ci sono righe nascoste ({{rows}}): i totali possono contare valori che non si vedono. Scoprile per controllarle.',
        columns:
          'Nella tabella ci sono colonne nascoste ({{columns}}): i calcoli possono usare valori che non si vedono. Scoprile per controllarle.',
      },
      en: {
        rows: 'The table has hidden rows ({{rows}}): totals may count values nobody sees. Unhide them to check them.',
        columns:
          'The table has hidden columns ({{columns}}): calculations may use values nobody sees. Unhide them to check them.',
      },
    },
  },
  check(ctx, report) {
    const sheets = new Map(ctx.grid.sheets.map((s) => [s.name, s]));
    const tables: {
      table: TableKind;
      placement: TablePlacement & { rows: { row: number }[]; total?: { row: number } | null };
    }[] = [];
    if (ctx.tables.plan) tables.push({ table: 'plan', placement: ctx.tables.plan });
    if (ctx.tables.progress) tables.push({ table: 'progress', placement: ctx.tables.progress });
    if (ctx.tables.indicators) tables.push({ table: 'indicators', placement: ctx.tables.indicators });
    for (const { table, placement } of tables) {
      const sheet = sheets.get(placement.sheet);
      if (!sheet) continue;
      const bottom = bottomOf(placement);
      const rows = (sheet.hiddenRows ?? []).filter((r) => r >= placement.headerTop && r <= bottom);
      const columns = (sheet.hiddenColumns ?? []).filter((c) => c >= placement.left && c <= placement.right);
      if (rows.length > 0) {
        report({
          sheet: placement.sheet,
          cell: a1(rows[0], placement.left),
          messageId: 'rows',
          data: { rows: listValue(rows.map((r) => String(r + 1))) },
          expected: null,
          actual: listValue(rows.map((r) => String(r + 1))),
          table,
        });
      }
      if (columns.length > 0) {
        report({
          sheet: placement.sheet,
          cell: a1(placement.headerTop, columns[0]),
          messageId: 'columns',
          data: { columns: listValue(columns.map(columnLetter)) },
          expected: null,
          actual: listValue(columns.map(columnLetter)),
          table,
        });
      }
    }
  },
});
