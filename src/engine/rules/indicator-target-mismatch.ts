import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import { roundExcel } from '../excel-round';
import { evaluateIndicator } from '../indicators';
import { isPercentFormat } from '../number-text';
import { indicatorAmount, indicatorLabel } from './support/indicator-label';

export const indicatorTargetMismatch = defineRule({
  meta: {
    id: 'INDICATOR_TARGET_MISMATCH',
    severity: 'error',
    weight: 54,
    docs: {
      it: 'Il target di un indicatore nella cartella differisce dal modello.',
      en: 'An indicator target in the workbook differs from the model.',
    },
    messages: {
      it: { mismatch: '{{name}}: target {{actual}} nella cartella, {{expected}} nel modello.' },
      en: { mismatch: '{{name}}: target {{actual}} in the workbook, {{expected}} in the model.' },
    },
  },
  check(ctx, report) {
    const table = ctx.tables.indicators;
    if (!table) return;
    for (const row of table.rows) {
      const e = evaluateIndicator(row, ctx.model);
      if (!e.indicator || !e.target || !row.target) continue;
      const expected = new Decimal(e.indicator.target);
      // Compared as printed: 20,2% in a 0.0% cell is 20,2%, whatever its binary value.
      const converted = row.target.value !== null && !e.target.equals(row.target.value);
      const decimals = shownDecimals(row.target, converted);
      const shown = decimals === null ? e.target.toSignificantDigits(15) : roundExcel(e.target, decimals);
      if (shown.equals(expected) || (decimals !== null && roundExcel(expected, decimals).equals(shown)))
        continue;
      report({
        sheet: table.sheet,
        cell: row.target.address,
        messageId: 'mismatch',
        data: {
          name: indicatorLabel(row, e),
          actual: indicatorAmount(shown, e.percentage),
          expected: indicatorAmount(expected, e.percentage),
        },
        expected: indicatorAmount(expected, e.percentage),
        actual: indicatorAmount(shown, e.percentage),
        table: 'indicators',
      });
    }
  },
});

/**
 * Decimals the target shows in its unit: a percentage cell's decimals are the points' already; a
 * fraction typed in a General cell (0.3 for 30) shows two more than its points.
 */
function shownDecimals(
  cell: { decimals: number | null; numberFormat: string; raw: unknown },
  converted: boolean,
): number | null {
  if (cell.decimals === null) return null;
  const marked =
    isPercentFormat(cell.numberFormat) || (typeof cell.raw === 'string' && cell.raw.includes('%'));
  return converted && !marked ? Math.max(0, cell.decimals - 2) : cell.decimals;
}
