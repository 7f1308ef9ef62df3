import { defineRule } from '../rule';
import type { AmountColumn } from '../tables';
import { moneyValue, percentValue, textValue } from '../message-value';
import { atMost } from './support/bounds';
import { amountDifference, isNumeric } from './support/rule-support';

/** Each stage of spending cannot exceed the one before: D ≤ B, F ≤ D, H ≤ F. B > A is over-programming. */
const ORDER: {
  larger: AmountColumn;
  smaller: AmountColumn;
  severity: 'warning' | 'info';
  messageId: 'stage' | 'overProgramming';
}[] = [
  { larger: 'B', smaller: 'A', severity: 'info', messageId: 'overProgramming' },
  { larger: 'D', smaller: 'B', severity: 'warning', messageId: 'stage' },
  { larger: 'F', smaller: 'D', severity: 'warning', messageId: 'stage' },
  { larger: 'H', smaller: 'F', severity: 'warning', messageId: 'stage' },
];

const STAGE_NAMES = {
  it: {
    A: 'la dotazione (A)',
    B: 'il programmato (B)',
    D: 'gli impegni (D)',
    F: 'i pagamenti (F)',
    H: 'la spesa certificata (H)',
  },
  en: {
    A: 'the allocation (A)',
    B: 'the programmed amount (B)',
    D: 'commitments (D)',
    F: 'payments (F)',
    H: 'certified expenditure (H)',
  },
} as const;

const PLURAL_STAGES: ReadonlySet<AmountColumn> = new Set(['D', 'F']);

export const progressOrder = defineRule({
  meta: {
    id: 'PROGRESS_ORDER',
    severity: 'warning',
    weight: 44,
    docs: {
      it: 'Per un asse, impegni oltre il programmato, pagamenti oltre gli impegni o spesa certificata oltre i pagamenti (avviso); programmato oltre la dotazione è sovraprogrammazione (info).',
      en: 'For an axis, commitments above programmed, payments above commitments or certified above payments (warning); programmed above the allocation is over-programming (info).',
    },
    messages: {
      it: {
        stage: 'Asse {{axis}}: {{larger}} di {{largerAmount}} {{exceeds}} {{smaller}} di {{smallerAmount}}.',
        overProgramming:
          'Asse {{axis}}: il programmato {{largerAmount}} supera la dotazione {{smallerAmount}} (sovraprogrammazione, {{share}}).',
      },
      en: {
        stage: 'Axis {{axis}}: {{larger}} of {{largerAmount}} {{exceeds}} {{smaller}} of {{smallerAmount}}.',
        overProgramming:
          'Axis {{axis}}: programmed {{largerAmount}} exceeds the allocation {{smallerAmount}} (over-programming, {{share}}).',
      },
    },
  },
  check(ctx, report) {
    const progress = ctx.tables.progress;
    if (!progress) return;
    for (const row of progress.rows) {
      for (const { larger, smaller, severity, messageId } of ORDER) {
        const big = row.cells[larger];
        const small = row.cells[smaller];
        if (
          !isNumeric(big) ||
          !isNumeric(small) ||
          !big.value.greaterThan(small.value) ||
          amountDifference(big.value, small.value).isZero()
        )
          continue;
        const share = small.value.isZero() ? '—' : percentValue(big.value.dividedBy(small.value), 2);
        report({
          sheet: progress.sheet,
          cell: big.address,
          messageId,
          severity,
          data: {
            axis: row.axisId ?? row.label.text,
            larger: textValue(larger, { it: STAGE_NAMES.it[larger], en: STAGE_NAMES.en[larger] }),
            smaller: textValue(smaller, { it: STAGE_NAMES.it[smaller], en: STAGE_NAMES.en[smaller] }),
            largerAmount: moneyValue(big.value),
            // The verb agrees with the stage: gli impegni superano, la spesa certificata supera.
            exceeds: textValue(larger, {
              it: PLURAL_STAGES.has(larger) ? 'superano' : 'supera',
              en: 'exceed' + (PLURAL_STAGES.has(larger) ? '' : 's'),
            }),
            smallerAmount: moneyValue(small.value),
            share,
          },
          expected: atMost(small.value),
          actual: moneyValue(big.value),
          table: 'progress',
        });
      }
    }
  },
});
