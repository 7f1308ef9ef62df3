import Decimal from 'decimal.js';
import { defineRule } from '../rule';
import { percentAt } from '../excel-round';
import { percentValue } from '../message-value';
import { isNumeric } from './support/rule-support';

export const shareMismatch = defineRule({
  meta: {
    id: 'SHARE_MISMATCH',
    severity: 'error',
    weight: 60,
    group: {
      it: '{{count}} quote diverse da dotazione/totale: correggi le percentuali della Tabella 1',
      en: '{{count}} shares that differ from allocation/total: correct the Table 1 percentages',
    },
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
    const sum = plan.rows.reduce(
      (acc, r) => (isNumeric(r.allocation) ? acc.plus(r.allocation.value) : acc),
      new Decimal(0),
    );
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
        data: { actual: percentValue(share.value, decimals), expected: percentValue(expected, decimals) },
        expected: percentValue(expected, decimals),
        actual: percentValue(share.value, decimals),
        table: 'plan',
      });
    }
  },
});
