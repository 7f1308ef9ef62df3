import Decimal from 'decimal.js';
import { isCellError } from '../grid';
import { defineRule } from '../rule';
import { listValue, numberValue } from '../message-value';
import { auditCellsOf, cellKey, referencedCells, type AuditCell } from './support/audit-cells';

/** How many fed cells a message names before it says how many more. */
const NAMED = 6;

export const formulaError = defineRule({
  meta: {
    id: 'FORMULA_ERROR',
    severity: 'error',
    weight: 92,
    docs: {
      it: 'Una cella di una tabella contiene un valore di errore (#DIV/0!, #RIF!, #N/D…); il rilievo nomina le celle della tabella che ne dipendono.',
      en: 'A table cell holds an error value (#DIV/0!, #REF!, #N/A…); the finding names the table cells it feeds.',
    },
    messages: {
      it: {
        feeds:
          "La cella contiene l'errore {{error}}, che passa a {{count}} celle delle tabelle: {{cells}}. Correggi la formula o i dati da cui dipende.",
        alone: "La cella contiene l'errore {{error}}. Correggi la formula o i dati da cui dipende.",
      },
      en: {
        feeds:
          'The cell holds the error {{error}}, which reaches {{count}} table cells: {{cells}}. Correct the formula or the data it depends on.',
        alone: 'The cell holds the error {{error}}. Correct the formula or the data it depends on.',
      },
    },
    group: {
      it: '{{count}} celle con un valore di errore: correggi la prima, le altre ne dipendono',
      en: '{{count}} cells holding an error value: correct the first, the others depend on it',
    },
  },
  check(ctx, report) {
    const cells = auditCellsOf(ctx.tables);
    const byKey = new Map<string, AuditCell>(
      cells.map((c) => [cellKey(c.cell.sheet, c.cell.row, c.cell.col), c]),
    );
    // Who reads whom, among the tables' formulas: each cell's readers.
    const readers = new Map<string, string[]>();
    for (const c of cells) {
      if (!c.cell.formula) continue;
      const self = cellKey(c.cell.sheet, c.cell.row, c.cell.col);
      for (const ref of referencedCells(c.cell.formula, c.cell.sheet)) {
        const key = cellKey(ref.sheet, ref.row, ref.col);
        if (key === self) continue;
        const list = readers.get(key);
        if (list) list.push(self);
        else readers.set(key, [self]);
      }
    }
    const errorOf = (c: AuditCell) => (isCellError(c.cell.raw) ? c.cell.raw.error : null);
    const feeds = (start: string): string[] => {
      const seen = new Set<string>([start]);
      const queue = [start];
      while (queue.length > 0) {
        for (const reader of readers.get(queue.shift() as string) ?? []) {
          if (seen.has(reader)) continue;
          seen.add(reader);
          queue.push(reader);
        }
      }
      seen.delete(start);
      return [...seen].filter((k) => byKey.has(k));
    };
    for (const c of cells) {
      const error = errorOf(c);
      if (!error) continue;
      // The error comes from another table cell holding one: that cell's finding names this one.
      const fromTable = c.cell.formula
        ? referencedCells(c.cell.formula, c.cell.sheet).some((ref) => {
            const source = byKey.get(cellKey(ref.sheet, ref.row, ref.col));
            return source !== undefined && source !== c && errorOf(source) !== null;
          })
        : false;
      if (fromTable) continue;
      const fed = feeds(cellKey(c.cell.sheet, c.cell.row, c.cell.col));
      const shown = fed.map((k) => (k.startsWith(`${c.cell.sheet}!`) ? k.slice(c.cell.sheet.length + 1) : k));
      const named = shown.length > NAMED ? [...shown.slice(0, NAMED), '…'] : shown;
      report({
        sheet: c.cell.sheet,
        cell: c.cell.address,
        messageId: fed.length > 0 ? 'feeds' : 'alone',
        data:
          fed.length > 0
            ? { error, count: numberValue(new Decimal(fed.length), 0), cells: listValue(named) }
            : { error },
        expected: null,
        actual: error,
        table: c.table,
      });
    }
  },
});
