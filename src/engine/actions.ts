/** The four actions that write, each as a WritePlan the hosts apply. */
export { planFill } from './plans/fill';
export type { FillOptions } from './plans/fill';
export { planFlag } from './plans/flag';
export { planReport } from './plans/report';
export { planUndo } from './plans/undo';
export { planSample } from './plans/sample';
export { planIndicatorTable } from './plans/indicator-table';
export type { IndicatorTableOptions, IndicatorTableRefusal } from './plans/indicator-table';
export type { SampleSheet, SampleWorkbook } from './plans/sample';

export interface ActionOptions {
  /** Time stamp for the log entries (ISO); now when absent. */
  now?: string;
}
