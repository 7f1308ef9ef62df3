import { defineRule } from '../rule';
import { evaluateIndicator } from '../indicators';
import { percentValue } from '../message-value';
import { indicatorAmount, indicatorLabel, thresholdValue } from './support/indicator-label';

export const indicatorBelowTarget = defineRule({
  meta: {
    id: 'INDICATOR_BELOW_TARGET',
    severity: 'warning',
    weight: 55,
    docs: {
      it: "Indicatore sotto il target 2023: avviso se almeno all'85% (tolleranza del quadro di efficacia), errore sotto l'85%, grave ritardo sotto il 65%.",
      en: 'Indicator below its 2023 target: warning at 85% or more (performance-framework tolerance), error below 85%, serious shortfall below 65%.',
    },
    messages: {
      it: {
        tolerance:
          '{{name}}: {{value}} contro un target di {{target}}, cioè {{ratio}} del target (entro la tolleranza: almeno {{tolerance}}).',
        shortfall:
          '{{name}}: {{value}} contro un target di {{target}}, cioè {{ratio}} del target, sotto la soglia di tolleranza ({{tolerance}}).',
        serious:
          '{{name}}: {{value}} contro un target di {{target}}, cioè {{ratio}} del target: grave ritardo (sotto {{serious}}).',
      },
      en: {
        tolerance:
          '{{name}}: {{value}} against a target of {{target}}, {{ratio}} of target (within the tolerance: at least {{tolerance}}).',
        shortfall:
          '{{name}}: {{value}} against a target of {{target}}, {{ratio}} of target, below the {{tolerance}} threshold.',
        serious:
          '{{name}}: {{value}} against a target of {{target}}, {{ratio}} of target: serious shortfall (below {{serious}}).',
      },
    },
  },
  check(ctx, report) {
    const table = ctx.tables.indicators;
    if (!table) return;
    for (const row of table.rows) {
      const e = evaluateIndicator(row, ctx.model);
      if (!e.ratio || !e.value || !e.target || !row.value) continue;
      if (e.status === 'achieved' || e.status === 'no-data') continue;
      report({
        sheet: table.sheet,
        cell: row.value.address,
        messageId: e.status,
        severity: e.status === 'tolerance' ? 'warning' : 'error',
        data: {
          name: indicatorLabel(row, e),
          value: indicatorAmount(e.value, e.percentage),
          target: indicatorAmount(e.target, e.percentage),
          ratio: percentValue(e.ratio, 2),
          tolerance: thresholdValue(ctx.model.thresholds.tolerance),
          serious: thresholdValue(ctx.model.thresholds.serious),
        },
        expected: indicatorAmount(e.target, e.percentage),
        actual: indicatorAmount(e.value, e.percentage),
        table: 'indicators',
      });
    }
  },
});
