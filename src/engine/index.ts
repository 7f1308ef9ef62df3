/** The engine's public face: hosts and the pane import from here only. */
export type { Grid, SheetGrid, CellValue, CellError } from './grid';
export { blankCells } from './grid';
export type {
  WorkbookHost,
  ApplyResult,
  OfficeEnvironment,
  ReadNotice,
  HostGrid,
  ApplyFailure,
} from './host';
export { applyFailureOf } from './host';
export type { Finding, Severity, Lang, TableKind } from './finding';
export type {
  WritePlan,
  CellWrite,
  SheetPlan,
  ConditionalFormat,
  LogEntry,
  Conflict,
  CellState,
  ActionId,
} from './plan';
export { LOG_SHEET, LOG_HEADER, logRowValues } from './plan';
export { formulaKey } from './formula-refs';
export type { Analysis, AnalyseOptions, IndicatorResult, IndicatorStatus } from './analysis';
export { analyse, versionNoteOf } from './analyse';
export type { AxisResult, AxisVerdict, FrameworkLevel } from './performance';
export { planFill, planFlag, planReport, planUndo, planSample, planIndicatorTable } from './actions';
export type { IndicatorTableOptions, IndicatorTableRefusal } from './actions';
export type { SampleSheet, SampleWorkbook } from './actions';
export { SAMPLE_WORKBOOK } from './sample-workbook';
export type { FillOptions, ActionOptions } from './actions';
export { sortFindings } from './finding';
export { findingsCsv, csvField, csvSeparator, CSV_BOM } from './findings-csv';
export type { CsvSource } from './findings-csv';
export type { MessageValue } from './message-value';
export { formatValue, rawValue, formatCellValue } from './message-value';
export type { FindingGroup } from './render';
export { renderFinding, groupRepeated, renderGroup, renderGroupLine } from './render';
export { modelFromWorkbook, MODEL_SHEET } from './workbook-model';
export { chooseModel, chooseVersion } from './model-choice';
export type { ModelChoice, ModelChoiceProblem, ModelRequest, ModelSource, VersionPick } from './model-choice';
export { REPORT_SHEET, FINDINGS_SHEET } from './sheets';
