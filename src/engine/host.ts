import type { Grid } from './grid';
import type { WritePlan } from './plan';

/**
 * The host contract: what the task pane needs from the workbook, in plain engine types. `src/excel/`
 * implements it over Office.js (the real Excel, or the in-memory Excel of the playground and tests);
 * the pane never touches Office itself, and neither side imports the other for it.
 */
export interface WorkbookHost {
  /** Every sheet's used range (values, formulas, number formats) in one read. */
  read(): Promise<HostGrid>;
  /** Applies a plan in one batch (split only if Excel refuses it for size). */
  apply(plan: WritePlan): Promise<ApplyResult>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
}

/** A read that had to do something the user should know: a sheet too large for one request. */
export interface ReadNotice {
  /** `blocks`: read in several requests; `too-large`: left out, it has more cells than the pane can hold. */
  kind: 'blocks' | 'too-large';
  sheet: string;
  /** Cells of the sheet's used range. */
  cells: number;
}

export type HostGrid = Grid & { notices?: ReadNotice[] };

/**
 * Why `apply` wrote nothing, or stopped: the rejection's `code` (besides Office's own codes).
 * - `WorkbookChanged`: a cell the plan overwrites is no longer what the check read (`cells`);
 * - `SheetProtected`: a sheet the plan writes into is protected (`sheet`);
 * - `WriteInterrupted`: a request failed after others were applied; `written` and `notWritten` are
 *   the parts of the plan, the log holds exactly what was written, so an undo restores it.
 */
export interface ApplyFailure {
  code: 'WorkbookChanged' | 'SheetProtected' | 'WriteInterrupted';
  sheet?: string;
  cells?: { sheet: string; cell: string }[];
  written?: WritePlan;
  notWritten?: WritePlan;
  /** What made the write stop (an Office error). */
  cause?: unknown;
}

/** The failure an `apply` rejected with, when it is one of `ApplyFailure`'s. */
export function applyFailureOf(error: unknown): ApplyFailure | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return code === 'WorkbookChanged' || code === 'SheetProtected' || code === 'WriteInterrupted'
    ? (error as ApplyFailure)
    : null;
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
