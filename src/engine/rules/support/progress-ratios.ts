import type { NumberCell } from '../../cells';
import type { ProgressRow, ProgressTable, RatioColumn } from '../../tables';
import { RATIOS } from '../../tables';

export interface RatioCell {
  row: ProgressRow;
  ratio: RatioColumn;
  cell: NumberCell;
  numerator: NumberCell | undefined;
  denominator: NumberCell | undefined;
}

/** Every C/E/G/I cell of Tabella 2 (totals row included) with the two cells it divides. */
export function ratioCellsOf(progress: ProgressTable): RatioCell[] {
  const out: RatioCell[] = [];
  for (const row of [...progress.rows, ...(progress.total ? [progress.total] : [])]) {
    for (const { ratio, numerator, denominator } of RATIOS) {
      const cell = row.cells[ratio];
      if (cell)
        out.push({ row, ratio, cell, numerator: row.cells[numerator], denominator: row.cells[denominator] });
    }
  }
  return out;
}

/** `C` → `C=B/A`, as the RAA heads the column. */
export function ratioLabel(ratio: RatioColumn): string {
  const pair = RATIOS.find((r) => r.ratio === ratio);
  return pair ? `${ratio}=${pair.numerator}/${pair.denominator}` : ratio;
}
