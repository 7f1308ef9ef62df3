import Decimal from 'decimal.js';
import { a1 } from '../address';
import type { Analysis } from '../analysis';
import type { NumberCell } from '../cells';
import { evaluateIndicator } from '../indicators';
import type { CellWrite, Conflict, WritePlan } from '../plan';
import { emptyPlan } from '../plan';
import { RATIOS } from '../tables';
import { numberCellsOf } from '../rules/support/rule-support';
import { cellState, pushLoggedWrite, sameFormula } from './cell-state';
import {
  COMPUTED_HEADERS,
  statusFormula,
  statusLabel,
  ratioFormula as indicatorRatioFormula,
} from './indicator-formulas';

export const PERCENT_FORMAT = '0.00%';
export const EURO_FORMAT = '#,##0.00 [$€-410]';
export const EURO_FORMAT_WHOLE = '#,##0 [$€-410]';

export interface FillOptions {
  force?: boolean;
  now?: string;
}

/**
 * Compila: amounts and percentages stored as text become numbers; C, E, G, I of Tabella 2 and
 * `% del target`, `Stato` of Tabella 3 become live formulas, `=IF(A7=0,"",B7/A7)` style; an
 * indicator table without those two columns gets them to its right. A typed value or another
 * formula in a computed cell (or a cell the added columns need) is a conflict, left alone unless `force`.
 * Running it on its own output changes nothing.
 */
export function planFill(analysis: Analysis, options: FillOptions = {}): WritePlan {
  const plan = emptyPlan('fill', analysis.version.id);
  const time = options.now ?? new Date().toISOString();
  const { grid, tables } = analysis;
  /** Values after conversion, so that cached formula results use the converted numbers. */
  const converted = new Map<string, Decimal | null>();
  const key = (sheet: string, address: string) => `${sheet}!${address}`;

  const write = (w: CellWrite) => pushLoggedWrite(plan, grid, w, time);

  // 1. Numbers stored as text → numbers with a matching format (the ratio cells get formulas below).
  const ratioAddresses = new Set<string>();
  if (tables.progress) {
    for (const row of [...tables.progress.rows, ...(tables.progress.total ? [tables.progress.total] : [])]) {
      for (const { ratio } of RATIOS) {
        const c = row.cells[ratio];
        if (c) ratioAddresses.add(key(c.sheet, c.address));
      }
    }
  }
  for (const { cell, table, amount } of numberCellsOf(tables)) {
    if (cell.kind !== 'text-number' || !cell.value || ratioAddresses.has(key(cell.sheet, cell.address)))
      continue;
    const percent = !amount && (table !== 'indicators' || String(cell.raw).includes('%'));
    const decimals = cell.decimals ?? 0;
    const numberFormat = percent
      ? percentFormat(decimals)
      : table === 'indicators'
        ? plainFormat(decimals)
        : decimals > 0
          ? EURO_FORMAT
          : EURO_FORMAT_WHOLE;
    converted.set(key(cell.sheet, cell.address), cell.value);
    write({ sheet: cell.sheet, cell: cell.address, value: cell.value.toNumber(), numberFormat });
  }

  const valueOf = (cell: NumberCell | undefined | null): Decimal | null => {
    if (!cell) return null;
    const k = key(cell.sheet, cell.address);
    if (converted.has(k)) return converted.get(k) ?? null;
    return cell.kind === 'number' ? cell.value : null;
  };

  const place = (
    sheet: string,
    address: string,
    formula: string,
    value: number | string,
    numberFormat: string | null,
  ) => {
    const current = cellState(grid, sheet, address);
    if (current.formula && sameFormula(current.formula, formula)) return;
    const empty = !current.formula && (current.value === null || current.value === '');
    if (!empty && !options.force) {
      const conflict: Conflict = {
        sheet,
        cell: address,
        current,
        proposed: formula,
        reason: current.formula ? 'other-formula' : 'typed-value',
      };
      plan.conflicts.push(conflict);
      return;
    }
    write({ sheet, cell: address, formula, value, ...(numberFormat ? { numberFormat } : {}) });
  };

  /** A header cell fill adds: written into an empty cell; anything else there is a conflict. */
  const placeText = (sheet: string, address: string, text: string) => {
    const current = cellState(grid, sheet, address);
    if (!current.formula && current.value === text) return;
    if (current.formula || !isBlank(current.value)) {
      if (!options.force) {
        plan.conflicts.push({
          sheet,
          cell: address,
          current,
          proposed: text,
          reason: current.formula ? 'other-formula' : 'typed-value',
        });
        return;
      }
    }
    write({ sheet, cell: address, value: text, bold: true });
  };

  // 2. Tabella 2: C = B/A, E = D/B, G = F/D, I = H/F on every row and the total.
  const progress = tables.progress;
  if (progress) {
    for (const row of [...progress.rows, ...(progress.total ? [progress.total] : [])]) {
      for (const { ratio, numerator, denominator } of RATIOS) {
        const col = progress.columns[ratio];
        const numCol = progress.columns[numerator];
        const denCol = progress.columns[denominator];
        if (col === undefined || numCol === undefined || denCol === undefined) continue;
        const num = a1(row.row, numCol);
        const den = a1(row.row, denCol);
        const formula = `=IF(${den}=0,"",${num}/${den})`;
        const n = valueOf(row.cells[numerator]) ?? new Decimal(0);
        const d = valueOf(row.cells[denominator]);
        const value = d && !d.isZero() ? n.dividedBy(d).toNumber() : '';
        place(progress.sheet, a1(row.row, col), formula, value, PERCENT_FORMAT);
      }
    }
  }

  // 3. Tabella 3: `% del target` and `Stato`; a table without them gets them past its right edge.
  const indicators = tables.indicators;
  if (indicators && indicators.columns.value !== undefined && indicators.columns.target !== undefined) {
    const { value: valueCol, target: targetCol } = indicators.columns;
    const headers = COMPUTED_HEADERS[analysis.lang];
    let next = indicators.right + 1;
    const added: { col: number; label: string }[] = [];
    const columnOf = (existing: number | undefined, label: string): number => {
      if (existing !== undefined) return existing;
      added.push({ col: next, label });
      return next++;
    };
    const ratioCol = columnOf(indicators.columns.ratio, headers.ratio);
    const statusCol = columnOf(indicators.columns.status, headers.status);
    // The new header goes in the header row where the table's last column has its text, bold as headers are.
    const headerRow =
      [indicators.headerBottom, indicators.headerTop].find(
        (row) => !isBlank(cellState(grid, indicators.sheet, a1(row, indicators.right)).value),
      ) ?? indicators.headerBottom;
    for (const { col, label } of added) placeText(indicators.sheet, a1(headerRow, col), label);
    for (const row of indicators.rows) {
      const e = evaluateIndicator(row, analysis.model);
      const ratioAddress = a1(row.row, ratioCol);
      const formula = indicatorRatioFormula(a1(row.row, valueCol), a1(row.row, targetCol), e.direction);
      place(indicators.sheet, ratioAddress, formula, e.ratio ? e.ratio.toNumber() : '', PERCENT_FORMAT);
      const status = statusFormula(ratioAddress, analysis.model.thresholds, analysis.lang);
      place(indicators.sheet, a1(row.row, statusCol), status, statusLabel(e.status, analysis.lang), null);
    }
  }
  return plan;
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

function plainFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
