import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import { evaluateIndicator } from '../indicators';
import { formatEnglish, formatItalian } from '../excel-round';

export const indicatorBelowTarget = defineRule({
  meta: {
    id: 'INDICATOR_BELOW_TARGET',
    severity: 'warning',
    docs: {
      it: 'Indicatore sotto il target 2023: avviso se almeno all\'85% (tolleranza del quadro di efficacia), errore sotto l\'85%, grave ritardo sotto il 65%.',
      en: 'Indicator below its 2023 target: warning at 85% or more (performance-framework tolerance), error below 85%, serious shortfall below 65%.',
    },
    messages: {
      it: {
        tolerance: '{{name}}: {{value}} contro un target di {{target}}, pari al {{ratio}} del target (entro la tolleranza dell\'{{tolerance}}).',
        shortfall: '{{name}}: {{value}} contro un target di {{target}}, pari al {{ratio}} del target, sotto la soglia dell\'{{tolerance}}.',
        serious: '{{name}}: {{value}} contro un target di {{target}}, pari al {{ratio}} del target: grave ritardo (sotto il {{serious}}).',
      },
      en: {
        tolerance: '{{name}}: {{value}} against a target of {{target}}, {{ratio}} of target (within the {{tolerance}} tolerance).',
        shortfall: '{{name}}: {{value}} against a target of {{target}}, {{ratio}} of target, below the {{tolerance}} threshold.',
        serious: '{{name}}: {{value}} against a target of {{target}}, {{ratio}} of target: serious shortfall (below {{serious}}).',
      },
    },
  },
  check(ctx, report) {
    const table = ctx.tables.indicators;
    if (!table) return;
    const fmt = (d: Decimal, decimals: number) => (ctx.lang === 'it' ? formatItalian(d, decimals) : formatEnglish(d, decimals));
    const pct = (d: Decimal) => `${fmt(d.times(100), 2).replace(/[,.]00$/, '')}%`;
    for (const row of table.rows) {
      const e = evaluateIndicator(row, ctx.model);
      if (!e.ratio || !e.value || !e.target || !row.value) continue;
      if (e.status === 'achieved' || e.status === 'no-data') continue;
      const shown = (d: Decimal) => (e.percentage ? `${fmt(d, d.decimalPlaces())}%` : fmt(d, d.decimalPlaces()));
      const name = row.name?.text || e.indicator?.name || row.code?.text || row.row.toString();
      report({
        sheet: table.sheet,
        cell: row.value.address,
        messageId: e.status,
        severity: e.status === 'tolerance' ? 'warning' : 'error',
        data: {
          name,
          value: shown(e.value),
          target: shown(e.target),
          ratio: `${fmt(e.ratio.times(100), 2)}%`,
          tolerance: pct(new Decimal(ctx.model.thresholds.tolerance)),
          serious: pct(new Decimal(ctx.model.thresholds.serious)),
        },
        expected: e.target.toString(),
        actual: e.value.toString(),
        table: 'indicators',
      });
    }
  },
});
