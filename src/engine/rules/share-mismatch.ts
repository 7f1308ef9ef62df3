import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import { percentAt } from '../excel-round';
import { isNumeric, percent, plainPercent } from './rule-support';

export const shareMismatch = defineRule({
  meta: {
    id: 'SHARE_MISMATCH',
    severity: 'error',
    docs: {
      it: 'Una percentuale della Tabella 1 differisce da dotazione/totale, alla precisione con cui è stampata.',
      en: 'A Table 1 percentage differs from allocation/total, at the precision it is printed with.',
    },
    messages: {
      it: { mismatch: 'Quota stampata {{actual}}, ma dotazione/totale dà {{expected}}.' },
      en: { mismatch: 'Printed share {{actual}}, but allocation/total gives {{expected}}.' },
    },
  },
  check(ctx, report) {
    const plan = ctx.tables.plan;
    if (!plan) return;
    const sum = plan.rows.reduce((acc, r) => (isNumeric(r.allocation) ? acc.plus(r.allocation.value) : acc), new Decimal(0));
    // A total that is off its rows is TOTAL_MISMATCH's finding; the shares are then measured on the rows' sum.
    const printedTotal = isNumeric(plan.total?.allocation) ? plan.total.allocation.value : null;
    const total = printedTotal && printedTotal.minus(sum).abs().lessThanOrEqualTo(1) ? printedTotal : sum;
    if (total.isZero()) return;
    for (const row of [...plan.rows, ...(plan.total ? [plan.total] : [])]) {
      const share = row.share;
      if (!isNumeric(share) || !isNumeric(row.allocation)) continue;
      const decimals = share.decimals ?? 2;
      // The total row is 100% by definition.
      const expected = row === plan.total ? new Decimal(1) : row.allocation.value.dividedBy(total);
      if (percentAt(share.value, decimals).equals(percentAt(expected, decimals))) continue;
      report({
        sheet: plan.sheet,
        cell: share.address,
        messageId: 'mismatch',
        data: { actual: percent(share.value, decimals, ctx.lang), expected: percent(expected, decimals, ctx.lang) },
        expected: plainPercent(expected, decimals),
        actual: plainPercent(share.value, decimals),
        table: 'plan',
      });
    }
  },
});
