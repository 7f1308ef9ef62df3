import { defineRule } from '../rule';
import { percentAt } from '../excel-round';
import { ratioCellsOf, ratioLabel } from './support/progress-ratios';
import { percentValue } from '../message-value';
import { isNumeric } from './support/rule-support';

export const ratioMismatch = defineRule({
  meta: {
    id: 'RATIO_MISMATCH',
    severity: 'error',
    weight: 58,
    group: {
      it: '{{count}} rapporti diversi dal quoziente delle loro celle: Compila li sostituisce con formule',
      en: '{{count}} ratios that differ from the quotient of their cells: Fill replaces them with formulas',
    },
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
      if (!isNumeric(cell) || !isNumeric(numerator) || !isNumeric(denominator) || denominator.value.isZero())
        continue;
      const decimals = cell.decimals ?? 2;
      const expected = numerator.value.dividedBy(denominator.value);
      if (percentAt(cell.value, decimals).equals(percentAt(expected, decimals))) continue;
      report({
        sheet: progress.sheet,
        cell: cell.address,
        messageId: 'mismatch',
        data: {
          ratio: ratioLabel(ratio),
          actual: percentValue(cell.value, decimals),
          expected: percentValue(expected, decimals),
          numerator: numerator.address,
          denominator: denominator.address,
        },
        expected: percentValue(expected, decimals),
        actual: percentValue(cell.value, decimals),
        table: 'progress',
      });
    }
  },
});
