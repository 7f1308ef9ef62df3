import { defineRule } from '../rule';
import { a1, parseRange } from '../address';
import {
  constantsOf,
  referencesOf,
  relativePattern,
  resolveStructuredReferences,
  type StructuredTable,
} from '../formula-refs';
import { cellAt, type Grid } from '../grid';
import { normalizeHeader } from '../locate/header-text';
import type { ProgressTable } from '../tables';
import { ratioCellsOf } from './support/progress-ratios';

export const formulaInconsistent = defineRule({
  meta: {
    id: 'FORMULA_INCONSISTENT',
    severity: 'warning',
    weight: 30,
    group: {
      it: '{{count}} formule dei rapporti fuori schema: Compila le riscrive, dopo aver chiesto',
      en: '{{count}} ratio formulas off the pattern: Fill rewrites them, after asking',
    },
    docs: {
      it: 'Una formula in C, E, G o I usa celle diverse dalla coppia della sua riga, contiene una costante o differisce dallo schema della colonna.',
      en: "A formula in C, E, G or I refers to other cells than its row's pair, holds a constant, or differs from its column's pattern.",
    },
    messages: {
      it: {
        cells: 'La formula {{formula}} di {{ratio}} usa {{used}} invece di {{numerator}} e {{denominator}}.',
        constant: 'La formula {{formula}} di {{ratio}} contiene la costante {{constant}}.',
        pattern:
          'La formula {{formula}} differisce dallo schema delle altre celle della colonna {{ratio}} ({{example}}).',
      },
      en: {
        cells:
          'The formula {{formula}} of {{ratio}} uses {{used}} instead of {{numerator}} and {{denominator}}.',
        constant: 'The formula {{formula}} of {{ratio}} holds the constant {{constant}}.',
        pattern:
          'The formula {{formula}} differs from the pattern of the other cells of column {{ratio}} ({{example}}).',
      },
    },
  },
  check(ctx, report) {
    const progress = ctx.tables.progress;
    if (!progress) return;
    // In an Excel table, `=[@Programmato]/[@Dotazione]` is read as the cells it names.
    const structured = structuredTableOf(ctx.grid, progress);
    const formulaOf = (cell: { formula: string | null; row: number }) => {
      const formula = cell.formula as string;
      return structured ? resolveStructuredReferences(formula, cell.row, structured) : formula;
    };
    const cells = ratioCellsOf(progress).filter((c) => c.cell.formula);
    // The pattern most cells of a column share; a cell off it is inconsistent.
    const patterns = new Map<string, Map<string, { count: number; example: string }>>();
    for (const c of cells) {
      const pattern = relativePattern(formulaOf(c.cell), c.cell.row, c.cell.col);
      const byPattern = patterns.get(c.ratio) ?? new Map();
      const entry = byPattern.get(pattern) ?? { count: 0, example: c.cell.formula as string };
      entry.count += 1;
      byPattern.set(pattern, entry);
      patterns.set(c.ratio, byPattern);
    }
    for (const { cell, ratio, numerator, denominator } of cells) {
      const formula = cell.formula as string;
      const resolved = formulaOf(cell);
      const expectedRefs = [numerator, denominator].filter((x) => x !== undefined).map((x) => x.address);
      const used = [
        ...new Set(
          referencesOf(resolved).map(
            (r) => `${r.sheet && r.sheet !== progress.sheet ? `${r.sheet}!` : ''}${a1(r.row, r.col)}`,
          ),
        ),
      ];
      const base = { sheet: progress.sheet, cell: cell.address, table: 'progress' as const, actual: formula };
      // Without both amount columns there is no formula to suggest.
      const suggested =
        expectedRefs.length === 2
          ? `=IF(${expectedRefs[1]}=0,"",${expectedRefs[0]}/${expectedRefs[1]})`
          : null;
      if (expectedRefs.length === 2 && (used.length !== 2 || !expectedRefs.every((r) => used.includes(r)))) {
        report({
          ...base,
          messageId: 'cells',
          severity: 'error',
          data: {
            formula,
            ratio,
            used: used.join(', ') || '—',
            numerator: expectedRefs[0],
            denominator: expectedRefs[1],
          },
          expected: suggested,
        });
        continue;
      }
      const constants = constantsOf(resolved);
      if (constants.length > 0) {
        report({
          ...base,
          messageId: 'constant',
          data: { formula, ratio, constant: constants[0] },
          expected: suggested,
        });
        continue;
      }
      const byPattern = patterns.get(ratio) as Map<string, { count: number; example: string }>;
      const mine = relativePattern(resolved, cell.row, cell.col);
      const [majority, top] = [...byPattern.entries()].sort((x, y) => y[1].count - x[1].count)[0];
      if (mine !== majority && top.count > (byPattern.get(mine)?.count ?? 0)) {
        report({
          ...base,
          messageId: 'pattern',
          data: { formula, ratio, example: top.example },
          expected: top.example,
        });
      }
    }
  },
});

/** The Excel table Tabella 2 sits in, with its columns by header; `null` when it is a plain range. */
function structuredTableOf(grid: Grid, progress: ProgressTable): StructuredTable | null {
  const sheet = grid.sheets.find((s) => s.name === progress.sheet);
  const listObject = sheet?.tables?.find((t) => t.name === progress.listObject);
  const range = listObject ? parseRange(listObject.range) : null;
  if (!sheet || !listObject || !range) return null;
  const columns = new Map<string, number>();
  for (let col = range.left; col <= range.right; col++) {
    const header = cellAt(sheet, range.top, col).value;
    if (typeof header === 'string' && header.trim() !== '') columns.set(normalizeHeader(header), col);
  }
  return { name: listObject.name, columns };
}
