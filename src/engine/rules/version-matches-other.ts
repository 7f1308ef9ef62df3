import { defineRule } from '../rule';
import { listValue } from '../message-value';
import { versionsValue } from './support/versions';
import { headerCell } from './support/rule-support';

export const versionMatchesOther = defineRule({
  meta: {
    id: 'VERSION_MATCHES_OTHER',
    severity: 'info',
    weight: 5,
    docs: {
      it: "Le dotazioni della cartella corrispondono a un'altra versione del modello rispetto a quella scelta.",
      en: "The workbook's allocations match another model version than the one chosen.",
    },
    messages: {
      it: {
        other:
          'È stata scelta la versione {{chosen}}, ma le dotazioni della Tabella 1 corrispondono {{matching}}.',
        otherProgress:
          'È stata scelta la versione {{chosen}}, ma le dotazioni della Tabella 2 (colonna A) corrispondono {{matching}}.',
      },
      en: {
        other: 'Version {{chosen}} was chosen, but the Table 1 allocations match {{matching}}.',
        otherProgress:
          'Version {{chosen}} was chosen, but the Table 2 allocations (column A) match {{matching}}.',
      },
    },
  },
  check(ctx, report) {
    const table = ctx.tables.plan ?? ctx.tables.progress;
    const { how, matching } = ctx.versionChoice;
    if (!table || how !== 'chosen' || matching.length === 0 || matching.includes(ctx.version.id)) return;
    report({
      sheet: table.sheet,
      cell: headerCell(table),
      messageId: ctx.tables.plan ? 'other' : 'otherProgress',
      data: { chosen: ctx.version.id, matching: versionsValue(matching) },
      expected: listValue(matching),
      actual: ctx.version.id,
      table: ctx.tables.plan ? 'plan' : 'progress',
    });
  },
});
