import { relativePattern } from '../formula-refs';
import { defineRule } from '../rule';
import { auditCellsOf, type AuditCell } from './support/audit-cells';
import { isNumeric } from './support/rule-support';

/** A cell's formula in R1C1 form: the same for every copy down a column or across a totals row. */
function pattern(c: AuditCell): string | null {
  return c.cell.formula ? relativePattern(c.cell.formula, c.cell.row, c.cell.col) : null;
}

const typed = (c: AuditCell | undefined): c is AuditCell => !!c && !c.cell.formula && isNumeric(c.cell);

export const formulaTypedInRun = defineRule({
  meta: {
    id: 'FORMULA_TYPED_IN_RUN',
    severity: 'warning',
    weight: 64,
    docs: {
      it: 'Un numero digitato tra totali calcolati da formule, o dentro una serie di formule uguali lungo una colonna: non segue i dati come le celle accanto.',
      en: 'A typed number among formula totals, or inside a run of like formulas down a column: it does not follow the data as its neighbours do.',
    },
    messages: {
      it: {
        column:
          "La cella contiene un numero digitato, ma sopra e sotto c'è la stessa formula ({{above}}, {{below}}): non si aggiorna con i dati. Copia la formula anche qui.",
        totals:
          'Il totale è un numero digitato, mentre gli altri totali della riga sono formule ({{example}}): non si aggiorna con i dati. Usa la stessa formula.',
      },
      en: {
        column:
          'The cell holds a typed number, but the cells above and below hold the same formula ({{above}}, {{below}}): it does not follow the data. Copy the formula here too.',
        totals:
          'The total is a typed number while the other totals of the row are formulas ({{example}}): it does not follow the data. Use the same formula.',
      },
    },
    group: {
      it: '{{count}} numeri digitati tra celle calcolate da formule: copia la formula anche lì',
      en: '{{count}} typed numbers among cells computed by formulas: copy the formula there too',
    },
  },
  check(ctx, report) {
    const cells = auditCellsOf(ctx.tables).filter((c) => c.role !== 'ratio');
    // Down each column (totals apart): a typed number between two cells of one formula pattern.
    const columns = new Map<string, AuditCell[]>();
    for (const c of cells) {
      if (c.total) continue;
      const key = `${c.table}|${c.cell.sheet}|${c.column}`;
      const list = columns.get(key);
      if (list) list.push(c);
      else columns.set(key, [c]);
    }
    for (const column of columns.values()) {
      column.sort((a, b) => a.cell.row - b.cell.row);
      for (let i = 1; i < column.length - 1; i++) {
        const [above, here, below] = [column[i - 1], column[i], column[i + 1]];
        if (!typed(here)) continue;
        const p = pattern(above);
        if (p === null || p !== pattern(below)) continue;
        report({
          sheet: here.cell.sheet,
          cell: here.cell.address,
          messageId: 'column',
          data: { above: above.cell.formula as string, below: below.cell.formula as string },
          expected: above.cell.formula,
          actual: here.cell.value?.toString() ?? null,
          table: here.table,
        });
      }
    }
    // Across the totals row of Tabella 2: a typed total among totals that share one formula.
    const totals = cells.filter((c) => c.total && c.table === 'progress');
    const byPattern = new Map<string, AuditCell[]>();
    for (const c of totals) {
      const p = pattern(c);
      if (p === null) continue;
      byPattern.set(p, [...(byPattern.get(p) ?? []), c]);
    }
    const shared = [...byPattern.values()].sort((a, b) => b.length - a.length)[0];
    if (!shared || shared.length < 2) return;
    for (const c of totals) {
      if (!typed(c)) continue;
      report({
        sheet: c.cell.sheet,
        cell: c.cell.address,
        messageId: 'totals',
        data: { example: shared[0].cell.formula as string },
        expected: shared[0].cell.formula,
        actual: c.cell.value?.toString() ?? null,
        table: c.table,
      });
    }
  },
});
