import { a1 } from '../address';
import { cellAt, isCellError } from '../grid';
import { parseNumberText } from '../number-text';
import { defineRule } from '../rule';
import { auditCellsOf, guards, referencedCells } from './support/audit-cells';

export const formulaBlankRef = defineRule({
  meta: {
    id: 'FORMULA_BLANK_REF',
    severity: 'warning',
    weight: 40,
    docs: {
      it: 'Una formula di una tabella usa una cella vuota o che non contiene un numero: il risultato non è quello che sembra.',
      en: 'A formula in a table refers to a blank cell or one that holds no number: its result is not what it seems.',
    },
    messages: {
      it: {
        blank:
          'La formula {{formula}} usa {{ref}}, che è vuota: il calcolo la conta come 0. Compila la cella o correggi la formula.',
        text: 'La formula {{formula}} usa {{ref}}, che contiene "{{text}}" invece di un numero. Correggi la cella o la formula.',
      },
      en: {
        blank:
          'The formula {{formula}} uses {{ref}}, which is blank: the calculation counts it as 0. Fill in the cell or correct the formula.',
        text: 'The formula {{formula}} uses {{ref}}, which holds "{{text}}" instead of a number. Correct the cell or the formula.',
      },
    },
    group: {
      it: '{{count}} formule usano celle vuote o senza numero: controlla i dati che mancano',
      en: '{{count}} formulas use blank or non-numeric cells: check the missing data',
    },
  },
  check(ctx, report) {
    const sheets = new Map(ctx.grid.sheets.map((s) => [s.name, s]));
    for (const c of auditCellsOf(ctx.tables)) {
      const formula = c.cell.formula;
      if (!formula) continue;
      for (const ref of referencedCells(formula, c.cell.sheet)) {
        // Cells inside a range (SUM(B4:B8)) may be blank; a cell named alone is a value the formula needs.
        if (!ref.single) continue;
        const sheet = sheets.get(ref.sheet);
        if (!sheet) continue;
        const address = a1(ref.row, ref.col);
        const target = cellAt(sheet, ref.row, ref.col);
        if (guards(formula, address)) continue;
        const shown = ref.sheet === c.cell.sheet ? address : `${ref.sheet}!${address}`;
        if (target.value === null || target.value === '') {
          report({
            sheet: c.cell.sheet,
            cell: c.cell.address,
            messageId: 'blank',
            data: { formula, ref: shown },
            expected: shown,
            actual: null,
            table: c.table,
          });
          break;
        }
        if (
          typeof target.value === 'string' &&
          parseNumberText(target.value, ctx.grid.locale ?? 'it') === null
        ) {
          report({
            sheet: c.cell.sheet,
            cell: c.cell.address,
            messageId: 'text',
            data: { formula, ref: shown, text: target.value },
            expected: shown,
            actual: target.value,
            table: c.table,
          });
          break;
        }
        if (typeof target.value === 'boolean' || isCellError(target.value)) continue;
      }
    }
  },
});
