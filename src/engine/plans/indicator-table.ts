import Decimal from 'decimal.js';
import { a1 } from '../address';
import type { Analysis } from '../analysis';
import type { Lang } from '../finding';
import type { CellWrite, WritePlan } from '../plan';
import { emptyPlan } from '../plan';
import type { ProgrammeIndicator } from '../../model/types';
import { pushLoggedWrite } from './cell-state';
import { INDICATOR_TABLE, ratioFormula, statusFormula } from './indicator-formulas';
import { SHEET_CREATED } from './log-sheet';

const TEXT: Record<
  Lang,
  {
    type: Record<ProgrammeIndicator['type'], string>;
    unit: Record<ProgrammeIndicator['unit'], string>;
  }
> = {
  it: {
    type: { output: 'output', result: 'risultato', financial: 'finanziario' },
    unit: { number: 'numero', percentage: 'percentuale' },
  },
  en: {
    type: { output: 'output', result: 'result', financial: 'financial' },
    unit: { number: 'number', percentage: 'percentage' },
  },
};

/** The sheet a created Tabella 3 goes to, when the workbook has no sheet at all. */
export const INDICATOR_SHEET: Record<Lang, string> = { it: 'Indicatori', en: 'Indicators' };

export interface IndicatorTableOptions {
  now?: string;
}

/** Why Crea tabella indicatori writes nothing. */
export type IndicatorTableRefusal = 'exists' | 'no-indicators';

/**
 * Crea tabella indicatori: when the workbook has no indicator table, Tabella 3 from the model's
 * indicators under Tabella 2 (two rows below the sheet's last used row, where every cell is empty):
 * codes, names and targets written, values left empty to fill in, `% del target` and `Stato` as live
 * formulas. Every cell is logged, so Annulla empties them again.
 */
export function planIndicatorTable(
  analysis: Analysis,
  options: IndicatorTableOptions = {},
): { plan: WritePlan; refused: IndicatorTableRefusal | null } {
  const plan = emptyPlan('indicators', analysis.version.id);
  if (analysis.tables.indicators) return { plan, refused: 'exists' };
  const indicators = analysis.model.indicators;
  if (indicators.length === 0) return { plan, refused: 'no-indicators' };
  const time = options.now ?? new Date().toISOString();
  const lang = analysis.lang;
  const t = TEXT[lang];
  const { grid, tables } = analysis;
  const anchor = tables.progress ?? tables.plan;
  const sheetName = anchor?.sheet ?? grid.sheets[0]?.name ?? INDICATOR_SHEET[lang];
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  if (!sheet) plan.sheets.push({ name: sheetName, replace: false, cells: [] });
  // Below everything the sheet holds: the cells written are empty by construction.
  const usedBottom = sheet ? sheet.top + sheet.values.length - 1 : -1;
  const top = usedBottom < 0 ? 0 : usedBottom + 3;
  const left = anchor?.left ?? 0;

  const write = (row: number, col: number, w: Omit<CellWrite, 'sheet' | 'cell'>) => {
    const address = a1(row, col);
    const cell: CellWrite = { sheet: sheetName, cell: address, ...w };
    if (sheet) {
      pushLoggedWrite(plan, grid, cell, time);
    } else {
      (plan.sheets[0].cells as CellWrite[]).push(cell);
    }
  };

  write(top, left, { value: INDICATOR_TABLE[lang].caption, bold: true });
  const header = INDICATOR_TABLE[lang].header;
  const headerRow = top + 1;
  header.forEach((text, i) => write(headerRow, left + i, { value: text, bold: true, wrap: true }));
  indicators.forEach((indicator, i) => {
    const row = headerRow + 1 + i;
    const at = (offset: number) => a1(row, left + offset);
    const percentage = indicator.unit === 'percentage';
    const target = new Decimal(indicator.target);
    write(row, left, { value: indicator.axis });
    write(row, left + 1, { value: indicator.priority });
    write(row, left + 2, { value: indicator.code });
    write(row, left + 3, { value: indicator.name, wrap: true });
    write(row, left + 4, { value: t.type[indicator.type] });
    write(row, left + 5, { value: t.unit[indicator.unit] });
    // The value is the officer's to type: an empty cell in the right format.
    write(row, left + 6, { value: null, numberFormat: percentage ? '0.0%' : '#,##0' });
    write(row, left + 7, {
      value: percentage ? target.dividedBy(100).toNumber() : target.toNumber(),
      numberFormat: percentage ? '0.0%' : '#,##0',
    });
    write(row, left + 8, {
      formula: ratioFormula(at(6), at(7), indicator.direction),
      value: '',
      numberFormat: '0.00%',
    });
    write(row, left + 9, { formula: statusFormula(at(8), analysis.model.thresholds, lang), value: '' });
  });
  if (!sheet) {
    plan.log.push({
      time,
      action: 'indicators',
      modelVersion: analysis.version.id,
      sheet: sheetName,
      cell: '',
      old: null,
      oldFormat: '',
      new: SHEET_CREATED,
    });
  }
  return { plan, refused: null };
}
