import { defineRule } from '../rule';

export const calcManual = defineRule({
  meta: {
    id: 'CALC_MANUAL',
    severity: 'warning',
    weight: 75,
    docs: {
      it: 'La cartella è impostata sul calcolo manuale: le formule non si aggiornano da sole, e i valori mostrati possono essere vecchi.',
      en: 'The workbook is set to manual calculation: formulas do not update by themselves, and the values shown may be stale.',
    },
    messages: {
      it: {
        manual:
          'La cartella è impostata sul calcolo manuale: le formule non si aggiornano da sole e i valori letti possono essere vecchi. In Excel: Formule › Opzioni di calcolo › Automatico.',
      },
      en: {
        manual:
          'The workbook is set to manual calculation: formulas do not update by themselves and the values read may be stale. In Excel: Formulas › Calculation Options › Automatic.',
      },
    },
  },
  check(ctx, report) {
    if (ctx.grid.calculation !== 'manual') return;
    const table = ctx.tables.progress ?? ctx.tables.plan ?? ctx.tables.indicators;
    const sheet = table?.sheet ?? ctx.grid.sheets[0]?.name ?? '';
    report({
      sheet,
      cell: 'A1',
      messageId: 'manual',
      expected: 'automatic',
      actual: 'manual',
      table: 'workbook',
    });
  },
});
