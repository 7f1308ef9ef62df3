/**
 * Test ids of the task pane, one place for the pane, the component tests and the browser tests
 * (Playwright on the playground). Each entry says where it appears. Use them as
 * `[data-testid="…"]`; keep them stable — tests outside this folder depend on them.
 */
export const TEST_IDS = {
  /** The pane's root element (inside FluentProvider). */
  pane: 'pane',
  /** Programme picker (a native select). */
  programmeSelect: 'programme-select',
  /** Version picker (a native select); value `auto` or a version id. */
  versionSelect: 'version-select',
  /** The hidden `<input type=file>` that loads a model JSON. */
  modelFileInput: 'model-file-input',
  /** The button that opens the file chooser for a model. */
  modelLoadButton: 'model-load',
  /** The engine's note on which model version it used, shown after a check. */
  versionNote: 'version-note',
  /** The folded model picker's line (`Modello: … · 2022-12`). */
  modelSummary: 'model-summary',
  /** Unfolds the model picker (Cambia); folds it again (Fatto) when open. */
  modelChange: 'model-change',
  /** The footer's switch to the other language (English / Italiano). */
  languageSwitch: 'language-switch',

  actionCheck: 'action-check',
  actionFill: 'action-fill',
  actionFlag: 'action-flag',
  actionReport: 'action-report',
  actionUndo: 'action-undo',
  /** Inserts the RAA 2022 example tables into a new sheet (shown before a check and when no table is found). */
  actionSample: 'action-sample',
  /** Creates Tabella 3 from the model; shown after a check that found no indicator table. */
  actionIndicators: 'action-indicators',
  /** Downloads the findings as CSV; shown after a check. */
  actionExport: 'action-export',

  /** The inline Spinner shown while an action runs. */
  progress: 'progress',
  /** The dismissible MessageBar with the last result or error; `data-intent` = success|info|warning|error. */
  statusMessage: 'status-message',
  statusDismiss: 'status-dismiss',

  /** Summary counters; the number is in the element's `data-count`. */
  summaryErrors: 'summary-errors',
  summaryWarnings: 'summary-warnings',
  summaryInfos: 'summary-infos',

  /** One collapsible section per table; `data-table` = plan|progress|indicators|workbook, `data-count` (findings). */
  findingGroup: 'finding-group',
  /**
   * Repeated findings of one rule as one line (`D16:J21 — 24 rapporti digitati…`), a button with
   * `aria-expanded` that shows them as finding rows: `data-rule`, `data-severity`, `data-sheet`,
   * `data-range` (`D16:J21`), `data-count`.
   */
  findingRepeat: 'finding-repeat',
  /** One finding: `data-rule`, `data-severity`, `data-sheet`, `data-cell` (A1, no sheet). Click/Enter selects it. */
  findingRow: 'finding-row',
  /** "No findings" after a check with none. */
  findingsEmpty: 'findings-empty',

  /** The Quadro di efficacia section, after the summary (shown when some axis can be assessed). */
  performanceSection: 'performance-section',
  /**
   * One axis's verdict: `data-axis`, `data-verdict` = achieved|not_achieved|serious_failure|not_assessed;
   * a button with `aria-expanded` when it has indicators to show.
   */
  performanceAxis: 'performance-axis',
  /** The open axis's indicators, one `li` each with `data-level` = reached|secondary|below|serious|no-data. */
  performanceIndicators: 'performance-indicators',

  /** The confirmation dialog before any write; `data-kind` = write|conflicts|replace|undo. */
  confirmDialog: 'confirm-dialog',
  /** Proceeds: Procedi / Sovrascrivi (conflicts: overwrite, force) / Sostituisci. */
  confirmOk: 'confirm-ok',
  /** Conflicts only: writes without overwriting (Solo celle vuote). */
  confirmOnlyEmpty: 'confirm-only-empty',
  confirmCancel: 'confirm-cancel',

  /** Shown instead of the pane outside Excel. */
  outsideOffice: 'outside-office',
  /** Shown instead of the pane when Excel lacks the requirement set. */
  unsupported: 'unsupported',
} as const;

export type TestId = (typeof TEST_IDS)[keyof typeof TEST_IDS];
