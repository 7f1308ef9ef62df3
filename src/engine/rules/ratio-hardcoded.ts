import { defineRule } from '../rule';
import { ratioCellsOf, ratioLabel } from './support/progress-ratios';
import { percentValue, textValue } from '../message-value';
import { formatDecimals, isPercentFormat } from '../number-text';
import { isNumeric } from './support/rule-support';

export const ratioHardcoded = defineRule({
  meta: {
    id: 'RATIO_HARDCODED',
    severity: 'warning',
    weight: 10,
    group: {
      it: '{{count}} rapporti digitati: Compila li sostituisce con formule',
      en: '{{count}} typed ratios: Fill replaces them with formulas',
    },
    docs: {
      it: 'Una cella di C, E, G o I contiene un numero digitato invece di una formula: non segue i dati.',
      en: 'A C, E, G or I cell holds a typed number instead of a formula: it does not follow the data.',
    },
    messages: {
      it: {
        typed:
          '{{ratio}} è un valore digitato ({{value}}), non una formula: non si aggiorna se cambiano {{numerator}} o {{denominator}}. Compila lo sostituisce con la formula.',
      },
      en: {
        typed:
          '{{ratio}} is a typed value ({{value}}), not a formula: it does not follow {{numerator}} or {{denominator}}. Fill replaces it with the formula.',
      },
    },
  },
  check(ctx, report) {
    const progress = ctx.tables.progress;
    if (!progress) return;
    for (const { cell, ratio, numerator, denominator } of ratioCellsOf(progress)) {
      if (cell.formula || !isNumeric(cell)) continue;
      // As its format prints it; a General cell holds the full fraction, told at the RAA's two decimals.
      const decimals = isPercentFormat(cell.numberFormat)
        ? (formatDecimals(cell.numberFormat) ?? 2)
        : Math.min(cell.decimals ?? 2, 2);
      report({
        sheet: progress.sheet,
        cell: cell.address,
        messageId: 'typed',
        data: {
          ratio: ratioLabel(ratio),
          value: percentValue(cell.value, decimals),
          numerator: numerator?.address ?? '?',
          denominator: denominator?.address ?? '?',
        },
        expected: textValue('formula', { it: 'una formula', en: 'a formula' }),
        actual: percentValue(cell.value, decimals),
        table: 'progress',
      });
    }
  },
});
