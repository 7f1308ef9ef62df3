import { defineRule } from '../rule';
import { listValue } from '../message-value';
import { externalBooksOf } from '../formula-refs';
import { auditCellsOf } from './support/audit-cells';

export const externalLink = defineRule({
  meta: {
    id: 'EXTERNAL_LINK',
    severity: 'warning',
    weight: 68,
    docs: {
      it: "Una cella di una tabella dipende da un'altra cartella di lavoro: il valore cambia (o si perde) se quel file cambia, si sposta o manca.",
      en: 'A table cell depends on another workbook: its value changes (or is lost) when that file changes, moves or is missing.',
    },
    messages: {
      it: {
        link: "La formula {{formula}} prende i dati da un'altra cartella ({{books}}): chi riceve solo questo file non può verificarli. Copia i valori nella cartella o indica la fonte.",
      },
      en: {
        link: 'The formula {{formula}} takes data from another workbook ({{books}}): whoever receives only this file cannot check them. Copy the values into the workbook or name the source.',
      },
    },
    group: {
      it: '{{count}} celle prendono i dati da altre cartelle: copia i valori o indica la fonte',
      en: '{{count}} cells take data from other workbooks: copy the values or name the source',
    },
  },
  check(ctx, report) {
    const names = ctx.grid.externalWorkbooks ?? [];
    for (const c of auditCellsOf(ctx.tables)) {
      if (!c.cell.formula) continue;
      const books = externalBooksOf(c.cell.formula);
      if (books.length === 0) continue;
      // `[1]` is the first external workbook the package lists, when the host tells its name.
      const shown = books.map((b) => (/^\d+$/.test(b) && names[Number(b) - 1] ? names[Number(b) - 1] : b));
      report({
        sheet: c.cell.sheet,
        cell: c.cell.address,
        messageId: 'link',
        data: { formula: c.cell.formula, books: listValue(shown) },
        expected: null,
        actual: listValue(shown),
        table: c.table,
      });
    }
  },
});
