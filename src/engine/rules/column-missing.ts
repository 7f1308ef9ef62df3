import { defineRule } from '../rule';
import type { PlanColumn, ProgressColumn } from '../tables';
import { textValue } from '../message-value';
import { headerCell } from './support/rule-support';

const PLAN_REQUIRED: PlanColumn[] = ['allocation', 'share'];
const PROGRESS_REQUIRED: ProgressColumn[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

const PLAN_NAMES: Record<'it' | 'en', Record<PlanColumn, string>> = {
  it: { ot: 'OT', axis: 'Asse', name: 'Denominazione', allocation: 'Dotazione finanziaria', share: '%' },
  en: { ot: 'TO', axis: 'Axis', name: 'Name', allocation: 'Allocation', share: '%' },
};

export const columnMissing = defineRule({
  meta: {
    id: 'COLUMN_MISSING',
    severity: 'error',
    weight: 95,
    docs: {
      it: 'Manca una colonna necessaria di una tabella trovata.',
      en: 'A required column of a found table is missing.',
    },
    messages: {
      it: {
        plan: 'Nella Tabella 1 manca la colonna "{{column}}".',
        progress: 'Nella Tabella 2 manca la colonna {{column}}.',
      },
      en: {
        plan: 'Table 1 has no "{{column}}" column.',
        progress: 'Table 2 has no column {{column}}.',
      },
    },
  },
  check(ctx, report) {
    const { plan, progress } = ctx.tables;
    if (plan) {
      for (const column of PLAN_REQUIRED) {
        if (plan.columns[column] === undefined) {
          report({
            sheet: plan.sheet,
            cell: headerCell(plan),
            messageId: 'plan',
            data: { column: textValue(column, { it: PLAN_NAMES.it[column], en: PLAN_NAMES.en[column] }) },
            expected: textValue(column, { it: PLAN_NAMES.it[column], en: PLAN_NAMES.en[column] }),
            actual: null,
            table: 'plan',
          });
        }
      }
    }
    if (progress) {
      for (const column of PROGRESS_REQUIRED) {
        if (progress.columns[column] === undefined) {
          report({
            sheet: progress.sheet,
            cell: headerCell(progress),
            messageId: 'progress',
            data: { column },
            expected: column,
            actual: null,
            table: 'progress',
          });
        }
      }
    }
  },
});
