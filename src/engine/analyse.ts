import type { Analysis, AnalyseOptions } from './analysis';
import type { Grid } from './grid';

/** Locates the tables, picks the model version and runs every rule. Pure: changes nothing. */
export function analyse(grid: Grid, options: AnalyseOptions = {}): Analysis {
  void grid;
  void options;
  throw new Error('analyse: being implemented');
}
