import type { CellValue } from './grid';

/**
 * WritePlan — every change an action makes, described as data. Hosts apply it (Office.js in one
 * batch, ExcelJS to a file); the engine never writes. Formulas are English A1 syntax, number
 * formats en-US codes. A string `value` is always written as text, even when it starts with `=`.
 */

export type ActionId = 'fill' | 'flag' | 'report' | 'undo' | 'sample' | 'indicators';

export interface CellState {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
}

export interface CellWrite {
  sheet: string;
  /** A1 address without the sheet. */
  cell: string;
  /** Formula in English syntax starting with `=`; when set, `value` is its computed result to cache. */
  formula?: string;
  value?: number | string | boolean | null;
  numberFormat?: string;
  bold?: boolean;
  /** Wrap the text inside the cell's width (the row's height is the plan's, see `SheetPlan.rowHeights`). */
  wrap?: boolean;
  /** A thin border on the four sides of the cell. */
  border?: 'thin';
  /** Background colour, `#RRGGBB`. */
  fill?: string;
  align?: CellAlign;
  /** What the cell held before, for the log and undo; absent for cells of a new sheet. */
  previous?: CellState;
}

export interface CellAlign {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
}

/**
 * A printed page footer in Excel's header/footer codes, which ExcelJS and Office.js take alike:
 * `&P` the page number, `&N` the page count, `&&` a literal ampersand.
 */
export interface PageFooter {
  left?: string;
  center?: string;
  right?: string;
}

export interface ConditionalFormat {
  sheet: string;
  /** A1 range the format applies to. */
  range: string;
  /** English formula relative to the range's top-left cell, true where the flag shows (`=AND(ISNUMBER(K5),K5<0.85)`). */
  formula: string;
  fill: string;
  fontColor: string;
  /** What the flag means, for the log (`sotto l'85% del target`). */
  label: string;
}

export interface SheetPlan {
  name: string;
  /** Replace a sheet of the same name if there is one (the pane asks first; the CLI does it). */
  replace: boolean;
  cells: CellWrite[];
  /** Column widths in characters, by 0-based column. */
  columnWidths?: number[];
  merges?: string[];
  /** Print setup: A4 landscape, fit to one page wide. */
  print?: { orientation: 'landscape' | 'portrait'; paper: 'A4'; fitToWidth: boolean };
  /** Rows to repeat on each printed page (`1:3`). */
  printTitleRows?: string;
  /** Row heights in points, by 0-based row; rows not listed keep the height Excel gives them. */
  rowHeights?: Record<number, number>;
  /** Footer of every printed page. */
  footer?: PageFooter;
}

/** A cell the action would overwrite but does not, unless forced (a typed value, another formula). */
export interface Conflict {
  sheet: string;
  cell: string;
  current: CellState;
  proposed: string;
  reason: 'typed-value' | 'other-formula';
}

/**
 * One row of the log sheet. Hosts append `WritePlan.log` below the last used row of `LOG_SHEET`,
 * creating the sheet with `LOG_HEADER` in row 1 when it is missing, one column per field in this
 * order, written as plain values (a formula in `old`/`new` is written as text, never as a formula).
 */
export interface LogEntry {
  /** ISO time of the action; all entries of one action share it. */
  time: string;
  action: ActionId;
  modelVersion: string;
  sheet: string;
  /** A1 address; empty when the entry is about a whole sheet (`new` then says what happened). */
  cell: string;
  /** The old value, or the old formula as text (`=B7/A7`); `null` when the cell was empty. */
  old: number | string | boolean | null;
  oldFormat: string;
  /** The new formula or value. */
  new: number | string | boolean | null;
}

export const LOG_HEADER = [
  'Ora',
  'Azione',
  'Versione modello',
  'Foglio',
  'Cella',
  'Prima',
  'Formato prima',
  'Dopo',
] as const;

/**
 * What the log's `Azione` column says: the log sheet is in Italian like its header and its name,
 * whatever the run's language (one sheet gathers the runs of every user). The log is read back
 * by these labels and by the ids older versions wrote (`readLog`).
 */
export const LOG_ACTION_LABELS: Record<ActionId, string> = {
  fill: 'Compila',
  flag: 'Segnala',
  report: 'Genera report',
  undo: 'Annulla',
  sample: 'Esempio',
  indicators: 'Crea tabella indicatori',
};

/** A log entry as the row hosts append, in `LOG_HEADER`'s order. */
export function logRowValues(entry: LogEntry): (number | string | boolean | null)[] {
  return [
    entry.time,
    LOG_ACTION_LABELS[entry.action],
    entry.modelVersion,
    entry.sheet,
    entry.cell,
    entry.old,
    entry.oldFormat,
    entry.new,
  ];
}

export interface WritePlan {
  action: ActionId;
  modelVersion: string;
  /** Writes into existing sheets. */
  cells: CellWrite[];
  conditionalFormats: ConditionalFormat[];
  /** Sheets to create (or replace). */
  sheets: SheetPlan[];
  /** Conditional formats to remove, matched by sheet, range and formula (undo of a flag). */
  removeConditionalFormats?: { sheet: string; range: string; formula: string }[];
  /** Sheets to delete (undo of a report). */
  deleteSheets: string[];
  /** Rows to append to the log sheet. */
  log: LogEntry[];
  /** Writes left out because they would overwrite something; `fill --force` includes them in `cells`. */
  conflicts: Conflict[];
}

export const LOG_SHEET = 'Registro POR Tables';

export function emptyPlan(action: ActionId, modelVersion: string): WritePlan {
  return {
    action,
    modelVersion,
    cells: [],
    conditionalFormats: [],
    sheets: [],
    deleteSheets: [],
    log: [],
    conflicts: [],
  };
}
