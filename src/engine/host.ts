import type { Grid } from './grid';
import type { WritePlan } from './plan';

/**
 * The host contract: what the task pane needs from the workbook, in plain engine types. `src/excel/`
 * implements it over Office.js (the real Excel, or the in-memory Excel of the playground and tests);
 * the pane never touches Office itself, and neither side imports the other for it.
 */
export interface WorkbookHost {
  /** Every sheet's used range (values, formulas, number formats) in one read. */
  read(): Promise<Grid>;
  /** Applies a plan in one batch (split only if Excel refuses it for size). */
  apply(plan: WritePlan): Promise<ApplyResult>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
}

export interface ApplyResult {
  cellsWritten: number;
  sheetsCreated: string[];
  /** How many `context.sync()` calls the apply took. */
  syncs: number;
}

/** What the pane learns from Office at start. */
export interface OfficeEnvironment {
  /** `false` outside Excel (a plain browser page): the pane says so instead of failing. */
  inExcel: boolean;
  /** `it-IT` → Italian, anything else → English. */
  displayLanguage: string;
  dark: boolean;
  /** `false` when Excel lacks the requirement set the add-in needs; the pane explains. */
  supported: boolean;
}
