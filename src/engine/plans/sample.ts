import { columnIndex } from '../address';
import type { Grid } from '../grid';
import type { CellWrite, WritePlan } from '../plan';
import { emptyPlan } from '../plan';
import { SHEET_CREATED } from './log-sheet';

/** A sheet given as data: cells by A1 address (a string is text, never a formula). */
export interface SampleSheet {
  name: string;
  cells: Record<
    string,
    | { value?: number | string | boolean | null; formula?: string; numberFormat?: string; bold?: boolean }
    | number
    | string
    | boolean
  >;
  columnWidths?: Record<string, number>;
  merges?: string[];
}

/** A workbook given as data (the RAA 2022 sample, `../sample-workbook.ts`). */
export interface SampleWorkbook {
  sheets: SampleSheet[];
  activeSheet?: string;
}

/**
 * Prova con l'esempio: a new sheet with the RAA 2022 example tables, for a first try on sample
 * data. Never replaces a sheet: if the name is taken, the next free `Name (2)`, `Name (3)`… is used.
 * Logged like every write, so *Annulla* removes it.
 */
export function planSample(
  grid: Grid,
  sample: SampleSheet,
  options: { now?: string; modelVersion?: string } = {},
): WritePlan {
  const taken = new Set(grid.sheets.map((s) => s.name.toLowerCase()));
  let name = sample.name;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${sample.name} (${n})`;
  const plan = emptyPlan('sample', options.modelVersion ?? '');
  const cells: CellWrite[] = Object.entries(sample.cells).map(([cell, spec]) => {
    if (typeof spec !== 'object' || spec === null) return { sheet: name, cell, value: spec };
    return {
      sheet: name,
      cell,
      ...(spec.formula ? { formula: spec.formula } : {}),
      ...(spec.value !== undefined ? { value: spec.value } : {}),
      ...(spec.numberFormat ? { numberFormat: spec.numberFormat } : {}),
      ...(spec.bold ? { bold: true } : {}),
    };
  });
  const columnWidths: number[] = [];
  for (const [letters, width] of Object.entries(sample.columnWidths ?? {}))
    columnWidths[columnIndex(letters)] = width;
  plan.sheets.push({
    name,
    replace: false,
    cells,
    columnWidths,
    merges: sample.merges ?? [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
  });
  plan.log.push({
    time: options.now ?? new Date().toISOString(),
    action: 'sample',
    modelVersion: options.modelVersion ?? '',
    sheet: name,
    cell: '',
    old: null,
    oldFormat: '',
    new: SHEET_CREATED,
  });
  return plan;
}
