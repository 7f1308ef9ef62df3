import type { Analysis } from './analysis';
import type { Grid } from './grid';
import type { WritePlan } from './plan';
import type { Lang } from './finding';

export interface ActionOptions {
  /** Time stamp for the log entries (ISO); now when absent. */
  now?: string;
}

export interface FillOptions extends ActionOptions {
  /** Overwrite typed values and other formulas in the computed columns (they are listed as conflicts otherwise). */
  force?: boolean;
}

/** C, E, G, I of Tabella 2 and `% del target`, `Stato` of Tabella 3 as live formulas; text numbers converted. */
export function planFill(analysis: Analysis, options: FillOptions = {}): WritePlan {
  void analysis;
  void options;
  throw new Error('planFill: being implemented');
}

/** Live flags: conditional formats on the indicator and progress tables. */
export function planFlag(analysis: Analysis, options: ActionOptions = {}): WritePlan {
  void analysis;
  void options;
  throw new Error('planFlag: being implemented');
}

/** The report sheet (`Report POR`) and the findings sheet (`Rilievi POR`), linked by formula to the source. */
export function planReport(analysis: Analysis, options: ActionOptions = {}): WritePlan {
  void analysis;
  void options;
  throw new Error('planReport: being implemented');
}

/** Reverses the last action recorded on the log sheet; `null` when there is nothing to undo. */
export function planUndo(grid: Grid, options: ActionOptions & { lang?: Lang } = {}): WritePlan | null {
  void grid;
  void options;
  throw new Error('planUndo: being implemented');
}
