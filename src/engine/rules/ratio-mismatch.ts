import { defineRule } from '../rule';
import { percentAt } from '../excel-round';
import { ratioCellsOf, ratioLabel } from './progress-ratios';
import { isNumeric, percent, plainPercent } from './rule-support';

export const ratioMismatch = defineRule({
  meta: {
    id: 'RATIO_MISMATCH',
    severity: 'error',
    docs: {
      it: 'Un valore di C, E, G o I differisce dal rapporto delle sue celle, alla precisione stampata.',
      en: 'A C, E, G or I value differs from the ratio of its cells, at the printed precision.',
    },
    messages: {
      it: { mismatch: '{{ratio}} vale {{actual}}, ma {{numerator}}/{{denominator}} dà {{expected}}.' },
      en: { mismatch: '{{ratio}} is {{actual}}, but {{numerator}}/{{denominator}} gives {{expected}}.' },
    },
  },
  check(ctx, report) {
    const progress = ctx.tables.progress;
    if (!progress) return;
    for (const { cell, ratio, numerator, denominator } of ratioCellsOf(progress)) {
      if (!isNumeric(cell) || !isNumeric(numerator) || !isNumeric(denominator) || denominator.value.isZero()) continue;
      const decimals = cell.decimals ?? 2;
      const expected = numerator.value.dividedBy(denominator.value);
      if (percentAt(cell.value, decimals).equals(percentAt(expected, decimals))) continue;
      report({
        sheet: progress.sheet,
        cell: cell.address,
        messageId: 'mismatch',
        data: { ratio: ratioLabel(ratio), actual: percent(cell.value, decimals, ctx.lang), expected: percent(expected, decimals, ctx.lang), numerator: numerator.address, denominator: denominator.address },
        expected: plainPercent(expected, decimals),
        actual: plainPercent(cell.value, decimals),
        table: 'progress',
      });
    }
  },
});
